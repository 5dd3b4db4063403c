"""Each list filter answers as the predicate beside it: for every login and every row, a row
is in the list exactly when the detail question says yes. Checked on people and plans of every
kind the rules tell apart, built for each test, and on generated people (every address
protection, employees or not, with and without consent)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import filter_disagreements, login_actor
from velferd.followup.models import IndividualPlan, PlanMember
from velferd.followup.tests.factories import PlanMemberFactory, a_plan
from velferd.people.models import STRICTLY_CONFIDENTIAL, AddressProtection, Consent, Person
from velferd.people.services import person_register
from velferd.people.tests.factories import (
    a_consent,
    a_person,
    at_sagene,
    citizen_of,
    confidential,
    office_employee,
    strictly_confidential,
)

pytestmark = pytest.mark.django_db

LOGINS = [
    "veileder",
    "sosialkonsulent",
    "beslutter",
    "kontorleder",
    "fastlege",
    "admin",
    "analytiker",
]


@pytest.fixture
def citizen() -> Actor:
    """A person at NAV Grünerløkka with an individual plan and a citizen login of their own."""
    person = a_person()
    a_plan(person=person)
    return citizen_of(person)


@pytest.fixture(autouse=True)
def people_of_every_kind(citizen: Actor) -> None:
    """Besides the citizen: a confidential address, a strictly confidential person, an office
    employee, a person at another office; a plan coordinated by the person's GP with their
    consent, and a plan with the GP as a member but no consent."""
    confidential()
    strictly_confidential()
    office_employee()
    at_sagene()
    with_consent = a_plan(coordinator__service="gp")
    PlanMemberFactory(plan=with_consent, service="nav")
    a_consent(person=with_consent.person)
    PlanMemberFactory(plan=a_plan(), service="gp")


def actors(citizen: Actor) -> list[Actor]:
    found = [login_actor(login) for login in LOGINS]
    cleared = User.objects.get(username="veileder")
    cleared.cleared_strictly_confidential = cleared.cleared_office_employees = True
    return [ANONYMOUS, *found, citizen, actor_for_user(cleared)]


def disagreements(
    rows: QuerySet[Model],
    rule: Callable[[Actor, Model], bool],
    filter_of: Callable[[Actor], Q],
    citizen: Actor,
) -> list[tuple[str, str]]:
    return filter_disagreements(rows, rule, filter_of, actors(citizen))


def test_the_hiding_protections_are_the_people_domains_strictly_confidential_ones() -> None:
    assert set(policies.HIDING_PROTECTIONS) == set(STRICTLY_CONFIDENTIAL)


def test_who_may_know_a_person_exists(citizen: Actor) -> None:
    assert (
        disagreements(
            Person.objects.all(), policies.can_know_person_exists, policies.persons_known, citizen
        )
        == []
    )


def test_who_may_see_a_person(citizen: Actor) -> None:
    assert (
        disagreements(
            Person.objects.all(), policies.can_view_person, policies.persons_visible, citizen
        )
        == []
    )


def test_who_may_see_an_individual_plan(citizen: Actor) -> None:
    assert (
        disagreements(
            IndividualPlan.objects.select_related("person"),
            policies.can_view_individual_plan,
            policies.individual_plans_visible,
            citizen,
        )
        == []
    )


def test_which_plans_a_partner_takes_part_in(citizen: Actor) -> None:
    assert (
        disagreements(
            IndividualPlan.objects.select_related("person"),
            policies.is_plan_partner,
            policies.plans_as_partner,
            citizen,
        )
        == []
    )


SERIALS = iter(range(100, 999))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    protection=st.sampled_from(AddressProtection.values),
    employee=st.booleans(),
    consent=st.sampled_from(["none", "holds", "withdrawn", "expired", "future"]),
    gp_member=st.booleans(),
)
def test_generated_people_and_plans_agree(
    citizen: Actor, protection: str, employee: bool, consent: str, gp_member: bool
) -> None:
    today = timezone.localdate()
    person = person_register(
        actor=login_actor("veileder"),
        national_id=synthetic_national_id(datetime.date(1970, 1, 1), next(SERIALS)),
        given_name="Generert",
        family_name="Person",
        municipality_number="0301",
        district="Grünerløkka",
        address_protection=protection,
        is_office_employee=employee,
    )
    plan = IndividualPlan.objects.create(person=person)
    PlanMember.objects.create(plan=plan, service="nav", is_coordinator=True)
    if gp_member:
        PlanMember.objects.create(plan=plan, service="gp", is_coordinator=False)
    if consent != "none":
        starts = {"expired": -300, "future": 5}.get(consent, -10)
        Consent.objects.create(
            person=person,
            partner_service="gp",
            purpose="Plan",
            starts_on=today + datetime.timedelta(days=starts),
            ends_on=today + datetime.timedelta(days=starts + 200),
            withdrawn_at=timezone.now() if consent == "withdrawn" else None,
        )
    people = Person.objects.filter(pk=person.pk)
    plans = IndividualPlan.objects.filter(pk=plan.pk).select_related("person")
    assert (
        disagreements(people, policies.can_know_person_exists, policies.persons_known, citizen)
        == []
    )
    assert disagreements(people, policies.can_view_person, policies.persons_visible, citizen) == []
    assert disagreements(plans, policies.is_plan_partner, policies.plans_as_partner, citizen) == []
    assert (
        disagreements(
            plans, policies.can_view_individual_plan, policies.individual_plans_visible, citizen
        )
        == []
    )
