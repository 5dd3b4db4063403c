"""Factories for the people domain's tests (factory_boy). They write the rows directly, with
no audit event: for tests of who may see and do what, not of the services' writes."""

from __future__ import annotations

import datetime
from typing import cast

import factory
from django.utils import timezone

from velferd.core.identifiers import synthetic_national_id
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Consent, Person

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


def a_person(**fields: object) -> Person:
    """A new person, typed as the model."""
    return cast(Person, PersonFactory(**fields))


def a_consent(**fields: object) -> Consent:
    """A new consent, typed as the model."""
    return cast(Consent, ConsentFactory(**fields))
