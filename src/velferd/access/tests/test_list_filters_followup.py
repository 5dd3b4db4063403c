"""The follow-up and coordination list filters answer as the predicates beside them: for
every login and every row, a row is in the list exactly when the question about that row
says yes. Checked on records of every kind the rules tell apart, built for each test, and
on generated people in follow-up at NAV Grünerløkka (every address protection, NAV
employees or not, with and without the consent that opens the municipal records, with
benefits of the state and of the municipality, with activities of the office and of their
own, with an assessment waiting for an approver)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from itertools import count
from typing import Any

import pytest
from django.db.models import Q, QuerySet
from django.utils import timezone
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import filter_disagreements, login_actor
from velferd.followup.models import (
    MUNICIPAL_BENEFITS,
    Activity,
    ActivityStatus,
    AssessmentStatus,
    Benefit,
    FollowUpPeriod,
    NeedsAssessment,
    PortfolioState,
)
from velferd.followup.tests.factories import a_benefit, a_period, an_activity, an_assessment
from velferd.people.models import AddressProtection, Consent, Person
from velferd.people.services import person_register
from velferd.people.tests.factories import (
    a_consent,
    a_person,
    citizen_of,
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
TARGETS: list[str] = list(ActivityStatus.values)


def cleared(username: str) -> Actor:
    """The login, cleared for strictly confidential persons and for NAV employees."""
    user = User.objects.get(username=username)
    user.cleared_strictly_confidential = user.cleared_office_employees = True
    return actor_for_user(user)


@pytest.fixture
def citizen() -> Actor:
    """A person in follow-up at NAV Grünerløkka with a citizen login of their own, an
    activity the office agreed with them, a proposal of their own and a work assessment
    allowance."""
    person = a_person()
    a_period(person=person, caseworker=login_actor("veileder").user)
    own = citizen_of(person)
    an_activity(person=person, agreed_with_office=True)
    an_activity(
        person=person,
        kind="own_activity",
        status=ActivityStatus.PROPOSED,
        proposed_by_person=True,
        created_by=person.user,
    )
    a_benefit(person=person)
    return own


def in_follow_up(person: Person) -> Person:
    a_period(person=person)
    return person


@pytest.fixture
def records_of_every_kind(citizen: Actor) -> QuerySet[Person]:
    """Besides the citizen: a person on financial assistance, one who lets NAV's state side
    see the municipality's records, an assessment waiting for an approver, a strictly
    confidential person and an office employee in follow-up. The people who have them."""
    on_assistance = in_follow_up(a_person())
    a_benefit(person=on_assistance, kind="financial_assistance")
    consenting = in_follow_up(a_person())
    a_benefit(person=consenting, kind="qualification_benefit")
    a_consent(person=consenting, partner_service=policies.OPENS_MUNICIPAL_RECORDS)
    waiting = an_assessment(
        need_group="permanent",
        status=AssessmentStatus.AWAITING_APPROVAL,
        author=login_actor("veileder").user,
    )
    hidden = [in_follow_up(strictly_confidential()), in_follow_up(office_employee())]
    built = [
        Person.objects.get(user=citizen.user),
        on_assistance,
        consenting,
        waiting.person,
        *hidden,
    ]
    return Person.objects.filter(pk__in=[person.pk for person in built])


def actors(*more: Actor) -> list[Actor]:
    return [
        ANONYMOUS,
        *(login_actor(login) for login in LOGINS),
        cleared("veileder"),
        cleared("sosialkonsulent"),
        *more,
    ]


def disagreements(
    rows: QuerySet[Any],
    rule: Callable[[Actor, Any], bool],
    filter_of: Callable[[Actor], Q],
    *more: Actor,
) -> list[tuple[str, str]]:
    return filter_disagreements(rows, rule, filter_of, actors(*more))


def staff_offices(actor: Actor) -> set[int]:
    return actor.office_ids(*policies.OFFICE_STAFF)


def portfolio_visible(actor: Actor, row: PortfolioState) -> bool:
    """The portfolio's rule on the state row, asked of the row's person and period."""
    return policies.can_view_person(actor, row.person) and row.office_id in staff_offices(actor)


def portfolio_municipal(actor: Actor, row: PortfolioState) -> bool:
    return portfolio_visible(actor, row) and policies.can_view_municipal_records(actor, row.person)


def _moving_to(target: str) -> Callable[[Actor, Any], bool]:
    return lambda actor, row: policies.can_move_activity(actor, row, target)


def _movable_to(target: str) -> Callable[[Actor], Q]:
    return lambda actor: policies.activities_movable(actor, target)


def every_disagreement(*more: Actor, people: QuerySet[Person] | None = None) -> dict[str, Any]:
    """Every predicate against its list filter, on the rows of `people` (all by default)."""
    persons = people if people is not None else Person.objects.all()
    today = timezone.localdate()
    activities = Activity.objects.filter(person__in=persons).select_related("person")
    found = {
        "follow_up": disagreements(
            persons, policies.can_follow_up, policies.persons_followed_up, *more
        ),
        "take_part_in_plan": disagreements(
            persons, policies.can_take_part_in_plan, policies.persons_taking_part, *more
        ),
        "agree_activity": disagreements(
            persons, policies.can_agree_activity, policies.persons_agreeing_activities, *more
        ),
        "change_activity": disagreements(
            activities, policies.can_change_activity, policies.activities_changeable, *more
        ),
        "approve_assessment": disagreements(
            NeedsAssessment.objects.filter(person__in=persons).select_related("person"),
            policies.can_approve_assessment,
            policies.assessments_approvable,
            *more,
        ),
        "view_municipal_records": disagreements(
            persons,
            policies.can_view_municipal_records,
            lambda actor: policies.municipal_records_visible(actor, today=today),
            *more,
        ),
        "record_benefit": disagreements(
            Benefit.objects.filter(person__in=persons).select_related("person"),
            policies.can_record_benefit,
            lambda actor: policies.benefits_recordable(actor, MUNICIPAL_BENEFITS, today),
            *more,
        ),
        "assess_for_qualification": disagreements(
            persons,
            policies.can_assess_for_qualification,
            policies.persons_assessable_for_qualification,
            *more,
        ),
        "portfolio_visible": disagreements(
            PortfolioState.objects.filter(person__in=persons).select_related("person"),
            portfolio_visible,
            lambda actor: policies.portfolio_rows_visible(actor, staff_offices(actor)),
            *more,
        ),
        "portfolio_municipal": disagreements(
            PortfolioState.objects.filter(person__in=persons).select_related("person"),
            portfolio_municipal,
            lambda actor: (
                policies.portfolio_rows_visible(actor, staff_offices(actor))
                & policies.portfolio_rows_municipal(actor, staff_offices(actor), today)
            ),
            *more,
        ),
    }
    for target in TARGETS:
        found[f"move_activity to {target}"] = disagreements(
            activities, _moving_to(target), _movable_to(target), *more
        )
    return {rule: wrong for rule, wrong in found.items() if wrong}


def test_the_rows_of_every_kind_agree(
    citizen: Actor, records_of_every_kind: QuerySet[Person]
) -> None:
    assert every_disagreement(citizen) == {}


def test_the_built_records_are_of_every_kind_the_rules_tell_apart(
    records_of_every_kind: QuerySet[Person],
) -> None:
    people = records_of_every_kind
    activities = Activity.objects.filter(person__in=people)
    benefits = Benefit.objects.filter(person__in=people)
    assert activities.filter(proposed_by_person=True, agreed_with_office=False).exists()
    assert activities.filter(agreed_with_office=True).exists()
    assert benefits.filter(kind__in=MUNICIPAL_BENEFITS).exists()
    assert benefits.exclude(kind__in=MUNICIPAL_BENEFITS).exists()
    assert NeedsAssessment.objects.filter(
        person__in=people, status=AssessmentStatus.AWAITING_APPROVAL
    ).exists()
    assert PortfolioState.objects.filter(person__in=people).count() == people.count()


SERIALS = count(300)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    protection=st.sampled_from(AddressProtection.values),
    employee=st.booleans(),
    consent=st.sampled_from(["none", "holds", "withdrawn", "expired", "future"]),
    benefit=st.sampled_from(["financial_assistance", "qualification_benefit", "sickness_benefit"]),
    own_activity=st.sampled_from(["none", "proposed", "agreed"]),
    author=st.sampled_from(["veileder", "beslutter"]),
)
def test_generated_people_agree(
    citizen: Actor,
    protection: str,
    employee: bool,
    consent: str,
    benefit: str,
    own_activity: str,
    author: str,
) -> None:
    today = timezone.localdate()
    vera = login_actor("veileder")
    serial = next(SERIALS)
    person = person_register(
        actor=vera,
        national_id=synthetic_national_id(datetime.date(1990, 1, 1), serial),
        given_name="Generert",
        family_name=f"Person {serial}",
        municipality_number="0301",
        district="Grünerløkka",
        address_protection=protection,
        is_office_employee=employee,
    )
    login = User.objects.create(username=f"generert-{serial}", full_name="Generert Person")
    Person.objects.filter(pk=person.pk).update(user=login)
    period = FollowUpPeriod.objects.create(
        person=person, office_id=person.office_id, started_on=today - datetime.timedelta(days=9)
    )
    if consent != "none":
        starts = {"expired": -300, "future": 5}.get(consent, -10)
        Consent.objects.create(
            person=person,
            partner_service=policies.OPENS_MUNICIPAL_RECORDS,
            purpose="Oppfølging",
            starts_on=today + datetime.timedelta(days=starts),
            ends_on=today + datetime.timedelta(days=starts + 200),
            withdrawn_at=timezone.now() if consent == "withdrawn" else None,
        )
    Benefit.objects.create(person=person, kind=benefit, starts_on=today)
    Benefit.objects.create(person=person, kind="work_assessment_allowance", starts_on=today)
    office_user = User.objects.get(username="veileder")
    Activity.objects.create(
        person=person,
        kind="education",
        title="Fra kontoret",
        status=ActivityStatus.PLANNED,
        created_by=office_user,
    )
    if own_activity != "none":
        Activity.objects.create(
            person=person,
            kind="own_activity",
            title="Egen",
            status=ActivityStatus.PROPOSED,
            proposed_by_person=True,
            agreed_with_office=own_activity == "agreed",
            created_by=login,
        )
    NeedsAssessment.objects.create(
        person=person,
        period=period,
        need_group="permanent",
        main_goal="",
        reasoning="Varig tilpasset innsats.",
        status=AssessmentStatus.AWAITING_APPROVAL,
        author=User.objects.get(username=author),
    )

    generated = Person.objects.filter(pk=person.pk)
    assert every_disagreement(citizen, actor_for_user(login), people=generated) == {}
