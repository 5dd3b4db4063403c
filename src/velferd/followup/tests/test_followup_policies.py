"""What the office and the person may do to the activity plan, and who records the
municipality's benefits and its qualification programme assessments: the follow-up policies
for every demo login.

At NAV Grünerløkka: Ola (the "innbygger" login) has an activity the office agreed with him,
"Søk fire jobber i uka", and a proposal of his own, "Trene tre ganger i uka"; he receives a
work assessment allowance, Jonas financial assistance (a municipal benefit). Neither has
consented to NAV's state side seeing the municipality's records."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.demo import DEMO_LOGINS
from velferd.followup.models import MUNICIPAL_BENEFITS, Activity, ActivityStatus, Benefit
from velferd.people.models import Person

pytestmark = pytest.mark.django_db

FOLLOW_UP_QUESTIONS = (
    "change_activity",
    "move_activity",
    "agree_activity",
    "record_benefit",
    "assess_for_qualification",
)
Y, N = True, False

# Each column asks one question about one thing; the questions are FOLLOW_UP_QUESTIONS.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("change_activity", "agreed"),
    ("change_activity", "own"),
    ("move_activity", "own to completed"),
    ("move_activity", "own to planned"),
    ("agree_activity", "Ola"),
    ("record_benefit", "Jonas's financial assistance"),
    ("record_benefit", "Ola's work assessment allowance"),
    ("assess_for_qualification", "Jonas"),
)
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                  change       move own        agree  record benefit  qualification
    #                  agreed own   done  planned   Ola    Jonas  Ola      Jonas
    "veileder":        (Y,    Y,    Y,    Y,        Y,     N,     Y,       N),
    "sosialkonsulent": (Y,    Y,    Y,    Y,        Y,     Y,     Y,       Y),
    "beslutter":       (N,    N,    N,    N,        N,     N,     N,       N),
    "kontorleder":     (Y,    Y,    Y,    Y,        Y,     N,     Y,       N),
    "ia-radgiver":     (N,    N,    N,    N,        N,     N,     N,       N),
    "fastlege":        (N,    N,    N,    N,        N,     N,     N,       N),
    "leverandor":      (N,    N,    N,    N,        N,     N,     N,       N),
    "arbeidsgiver":    (N,    N,    N,    N,        N,     N,     N,       N),
    "innbygger":       (N,    Y,    Y,    N,        N,     N,     N,       N),
    "analytiker":      (N,    N,    N,    N,        N,     N,     N,       N),
    "departement":     (N,    N,    N,    N,        N,     N,     N,       N),
    "admin":           (N,    N,    N,    N,        N,     N,     N,       N),
}
# fmt: on

Lookup = Callable[[str], Actor]


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def activity(title: str) -> Activity:
    return Activity.objects.select_related("person").get(title=title)


def ask(actor: Actor, column: int) -> bool:
    question, about = COLUMNS[column]
    agreed, own = activity("Søk fire jobber i uka"), activity("Trene tre ganger i uka")
    arguments: dict[str, tuple[object, ...]] = {
        "agreed": (agreed,),
        "own": (own,),
        "own to completed": (own, ActivityStatus.COMPLETED),
        "own to planned": (own, ActivityStatus.PLANNED),
        "Ola": (person("Ola"),),
        "Jonas's financial assistance": (person("Jonas").benefits.get(),),
        "Ola's work assessment allowance": (
            person("Ola").benefits.get(kind="work_assessment_allowance"),
        ),
        "Jonas": (person("Jonas"),),
    }
    return bool(getattr(policies, f"can_{question}")(actor, *arguments[about]))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(FOLLOW_UP_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_demo_is_what_the_table_assumes() -> None:
    agreed, own = activity("Søk fire jobber i uka"), activity("Trene tre ganger i uka")
    assert agreed.agreed_with_office and not agreed.proposed_by_person
    assert own.proposed_by_person and not own.agreed_with_office
    assert own.status == ActivityStatus.PROPOSED
    assert person("Jonas").benefits.get().kind in MUNICIPAL_BENEFITS
    assert not person("Ola").consent_holds(policies.OPENS_MUNICIPAL_RECORDS)
    assert not person("Jonas").consent_holds(policies.OPENS_MUNICIPAL_RECORDS)


@pytest.mark.parametrize(
    ("login", "column", "expected"),
    [
        pytest.param(login, column, row[column], id=f"{login}-{' '.join(COLUMNS[column])}")
        for login, row in ANSWERS.items()
        for column in range(len(COLUMNS))
    ],
)
def test_each_login_gets_its_answer(
    actor_of_login: Lookup, login: str, column: int, expected: bool
) -> None:
    assert ask(actor_of_login(login), column) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(column: int) -> None:
    assert ask(ANONYMOUS, column) is False


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
