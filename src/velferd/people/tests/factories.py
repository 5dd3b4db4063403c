"""Factories for the people domain's tests (factory_boy). They write the rows directly, with
no audit event: for tests of who may see and do what, not of the services' writes."""

from __future__ import annotations

import datetime
from typing import cast

import factory
from django.utils import timezone

from velferd.access.actor import Actor, system_actor
from velferd.access.roles import Role
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import new_user
from velferd.organisation import selectors as organisation_selectors
from velferd.people import services
from velferd.people.models import AddressProtection, Child, Consent, Person

# Factory people are born from this day on, 200 to a day, so that their synthetic numbers
# never meet the demo's or another test's.
FIRST_BIRTH_DATE = datetime.date(1977, 7, 7)


def birth_date(n: int) -> datetime.date:
    return FIRST_BIRTH_DATE + datetime.timedelta(days=n // 200)


class PersonFactory(factory.django.DjangoModelFactory):
    """A person living in Grünerløkka, Oslo, followed up by NAV Grünerløkka (the demo's
    office), with a valid synthetic identity number."""

    class Meta:
        model = Person

    birth_date = factory.Sequence(birth_date)
    national_id = factory.LazyAttributeSequence(
        lambda o, n: synthetic_national_id(o.birth_date, n % 200)
    )
    given_name = factory.Sequence(lambda n: f"Testperson{n}")
    family_name = "Fabrikk"
    municipality = factory.LazyFunction(lambda: organisation_selectors.municipality("0301"))
    district = "Grünerløkka"
    office = factory.LazyFunction(lambda: organisation_selectors.office("0317"))


class ConsentFactory(factory.django.DjangoModelFactory):
    """A consent that holds from today for 90 days, to the person's GP."""

    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    partner_service = "gp"
    purpose = "Samarbeid om individuell plan"
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=90))


class ChildFactory(factory.django.DjangoModelFactory):
    """A child of ten in the person's household."""

    class Meta:
        model = Child

    person = factory.SubFactory(PersonFactory)
    given_name = "Barn"
    birth_date = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10 * 365)
    )


def a_person(**fields: object) -> Person:
    """A new person, typed as the model."""
    return cast(Person, PersonFactory(**fields))


def a_child(**fields: object) -> Child:
    """A new child, typed as the model."""
    return cast(Child, ChildFactory(**fields))


def a_consent(**fields: object) -> Consent:
    """A new consent, typed as the model."""
    return cast(Consent, ConsentFactory(**fields))


# The kinds of people the rules tell apart --------------------------------------------------


def confidential(**fields: object) -> Person:
    """A person with a confidential address (fortrolig) at NAV Grünerløkka."""
    fields = {"address_line": "Hemmelig vei 1", **fields}
    return a_person(address_protection=AddressProtection.CONFIDENTIAL, **fields)


def strictly_confidential(**fields: object) -> Person:
    """A strictly confidential person (strengt fortrolig) at NAV Grünerløkka."""
    return a_person(address_protection=AddressProtection.STRICTLY_CONFIDENTIAL, **fields)


def office_employee(**fields: object) -> Person:
    """A person who works at an office (NAV Grünerløkka's people, by the factory)."""
    return a_person(is_office_employee=True, **fields)


def at_sagene(**fields: object) -> Person:
    """A person living in Sagene, followed up by NAV Sagene: another office than the demo's."""
    return a_person(district="Sagene", office=organisation_selectors.office("0320"), **fields)


def citizen_of(person: Person, username: str | None = None) -> Actor:
    """A new citizen login in the person's name linked to the person, as the demo links
    "innbygger" to its person (people.services.link_user); the person is read again with
    their login."""
    actor = new_user(username or f"innbygger-{person.national_id}", Role.CITIZEN)
    assert actor.user is not None
    actor.user.full_name = person.full_name
    actor.user.save(update_fields=["full_name"])
    services.link_user(actor=system_actor("tests"), person=person, user=actor.user)
    person.refresh_from_db()
    return actor
