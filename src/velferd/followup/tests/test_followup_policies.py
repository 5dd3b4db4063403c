"""What the office and the person may do to the activity plan, and who records the
municipality's benefits and its qualification programme assessments: the follow-up policies
for every demo login.

At NAV Grünerløkka, built for each test: a person followed up by the demo's caseworker, whose
own citizen login answers as "innbygger", with an activity the office agreed with them, "Søk
fire jobber i uka", a proposal of their own, "Trene tre ganger i uka", and a work assessment
allowance; another person on financial assistance (a municipal benefit). Neither has
consented to NAV's state side seeing the municipality's records."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.followup.models import MUNICIPAL_BENEFITS, Activity, ActivityStatus, Benefit
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, citizen_of

from .factories import a_benefit, a_period, an_activity

pytestmark = pytest.mark.django_db

FOLLOW_UP_QUESTIONS = (
    "change_activity",
    "move_activity",
    "agree_activity",
    "record_benefit",
    "assess_for_qualification",
    "record_activity_requirement",
    "view_activity_requirement",
)
Y, N = True, False

# Each column asks one question about one thing; the questions are FOLLOW_UP_QUESTIONS.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("change_activity", "agreed"),
    ("change_activity", "own"),
    ("move_activity", "own to completed"),
    ("move_activity", "own to planned"),
    ("agree_activity", "the person"),
    ("record_benefit", "the other's financial assistance"),
    ("record_benefit", "the person's work assessment allowance"),
    ("assess_for_qualification", "the other"),
    # The activity requirement under 30 (Social Services Act § 20 a) is the municipality's:
    # its caseworkers record it; whoever may see its records sees it.
    ("record_activity_requirement", "the other"),
    ("view_activity_requirement", "the other"),
    ("view_activity_requirement", "the person"),
)
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                  change       move own        agree   benefit         qualif. § 20 a
    #                  agreed own   done  planned   person  other  person   other   rec.  view  view
    #                                                                               other other self
    "veileder":        (Y,    Y,    Y,    Y,        Y,     N,     Y,       N,      N,    N,    N),
    "sosialkonsulent": (Y,    Y,    Y,    Y,        Y,     Y,     Y,       Y,      Y,    Y,    Y),
    "beslutter":       (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "kontorleder":     (Y,    Y,    Y,    Y,        Y,     N,     Y,       N,      N,    N,    N),
    "ia-radgiver":     (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "fastlege":        (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "leverandor":      (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "arbeidsgiver":    (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "innbygger":       (N,    Y,    Y,    N,        N,     N,     N,       N,      N,    N,    Y),
    "analytiker":      (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "departement":     (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "admin":           (N,    N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "tiltaksforvalter": (N,   N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "imdi":             (N,   N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
    "bosetting-drammen": (N,   N,    N,    N,        N,     N,     N,       N,      N,    N,    N),
}
# fmt: on


@dataclass(frozen=True)
class Records:
    person: Person  # followed up, with a citizen login of their own
    own_login: Actor
    agreed: Activity
    own: Activity
    other: Person  # on financial assistance

    def actor(self, login: str) -> Actor:
        """The demo login, but "innbygger" is the person's own citizen login."""
        return self.own_login if login == "innbygger" else login_actor(login)


@pytest.fixture
def records() -> Records:
    vera = login_actor("veileder")
    person = a_person()
    a_period(person=person, caseworker=vera.user)
    own_login = citizen_of(person)
    agreed = an_activity(person=person, title="Søk fire jobber i uka", agreed_with_office=True)
    own = an_activity(
        person=person,
        kind="own_activity",
        title="Trene tre ganger i uka",
        status=ActivityStatus.PROPOSED,
        proposed_by_person=True,
        created_by=person.user,
    )
    a_benefit(person=person)
    other = a_person()
    a_period(person=other, caseworker=vera.user)
    a_benefit(person=other, kind="financial_assistance")
    return Records(person, own_login, agreed, own, other)


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    agreed, own = records.agreed, records.own
    arguments: dict[str, tuple[object, ...]] = {
        "agreed": (agreed,),
        "own": (own,),
        "own to completed": (own, ActivityStatus.COMPLETED),
        "own to planned": (own, ActivityStatus.PLANNED),
        "the person": (records.person,),
        "the other's financial assistance": (records.other.benefits.get(),),
        "the person's work assessment allowance": (
            records.person.benefits.get(kind="work_assessment_allowance"),
        ),
        "the other": (records.other,),
    }
    return bool(getattr(policies, f"can_{question}")(actor, *arguments[about]))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(FOLLOW_UP_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    agreed, own = records.agreed, records.own
    assert agreed.agreed_with_office and not agreed.proposed_by_person
    assert own.proposed_by_person and not own.agreed_with_office
    assert own.status == ActivityStatus.PROPOSED
    assert records.other.benefits.get().kind in MUNICIPAL_BENEFITS
    assert records.own_login.user == records.person.user
    assert not records.person.consent_holds(policies.OPENS_MUNICIPAL_RECORDS)
    assert not records.other.consent_holds(policies.OPENS_MUNICIPAL_RECORDS)


@pytest.mark.parametrize(
    ("login", "column", "expected"),
    [
        pytest.param(login, column, row[column], id=f"{login}-{' '.join(COLUMNS[column])}")
        for login, row in ANSWERS.items()
        for column in range(len(COLUMNS))
    ],
)
def test_each_login_gets_its_answer(
    records: Records, login: str, column: int, expected: bool
) -> None:
    assert ask(records.actor(login), column, records) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(records: Records, column: int) -> None:
    assert ask(ANONYMOUS, column, records) is False


def test_the_person_moves_their_own_activities_only_where_the_office_would_not_plan() -> None:
    starts_finishes_or_withdraws = {
        ActivityStatus.IN_PROGRESS,
        ActivityStatus.COMPLETED,
        ActivityStatus.CANCELLED,
    }
    assert set(policies.PERSON_MAY_MOVE_TO) == starts_finishes_or_withdraws


def test_a_municipal_benefit_is_told_apart_by_the_one_list_of_them() -> None:
    assert {kind for kind in MUNICIPAL_BENEFITS} == {
        "financial_assistance",
        "qualification_benefit",
    }
    assert all(Benefit(kind=kind).is_municipal for kind in MUNICIPAL_BENEFITS)
