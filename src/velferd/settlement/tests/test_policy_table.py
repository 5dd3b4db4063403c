"""Who works with the settlement round: every settlement policy for every demo login, and a
regional IMDi officer of Buskerud (county 33, where Drammen is).

Built for each test: a case sent to Drammen (3301, the coordinator "bosetting-drammen"'s),
one with a draft to Drammen (not yet sent), one Drammen declined, one sent to Bodø (1804,
Nordland). "imdi" is IMDi's national officer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.organisation.models import Municipality
from velferd.settlement.demo import SETTLEMENT_LOGINS
from velferd.settlement.models import Proposal

from .factories import BODO, DRAMMEN, a_case, a_proposal, an_officer

pytestmark = pytest.mark.django_db

SETTLEMENT_QUESTIONS = (
    "work_with_settlement",
    "manage_settlement_round",
    "run_settlement_matching",
    "manage_settlement_for",
    "coordinate_settlement_in",
    "view_settlement_request",
    "enter_settlement_decision",
    "view_settlement_case",
    "manage_settlement_case",
    "send_settlement_proposal",
    "answer_settlement_proposal",
)
Y, N = True, False
REGIONAL = "imdi-buskerud"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("work_with_settlement", ""),
    ("manage_settlement_round", ""),
    ("run_settlement_matching", ""),
    ("manage_settlement_for", DRAMMEN),
    ("manage_settlement_for", BODO),
    ("coordinate_settlement_in", DRAMMEN),
    ("coordinate_settlement_in", BODO),
    ("view_settlement_request", DRAMMEN),
    ("view_settlement_request", BODO),
    ("enter_settlement_decision", DRAMMEN),
    ("enter_settlement_decision", BODO),
    ("view_settlement_case", "sent"),
    ("view_settlement_case", "draft"),
    ("view_settlement_case", "declined"),
    ("view_settlement_case", "bodo"),
    ("manage_settlement_case", "sent"),
    ("manage_settlement_case", "bodo"),
    ("send_settlement_proposal", "sent"),
    ("send_settlement_proposal", "bodo"),
    ("answer_settlement_proposal", "sent"),
    ("answer_settlement_proposal", "bodo"),
)
NOTHING = (N,) * len(COLUMNS)
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    **{login.username: NOTHING for login in DEMO_LOGINS},
    #        work round run for  coord req  decide case:s d x b manage send answer
    "imdi":  (Y, Y, Y, Y, Y, N, N, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N),
    "bosetting-drammen":
             (Y, N, N, N, N, Y, N, Y, N, Y, N, Y, N, N, N, N, N, N, N, Y, N),
    REGIONAL: (Y, Y, N, Y, N, N, N, Y, N, Y, N, Y, Y, N, N, Y, N, Y, N, N, N),
}
# fmt: on


@dataclass(frozen=True)
class Records:
    proposals: dict[str, Proposal]


@pytest.fixture
def records() -> Records:
    sent, draft, declined, bodo = a_case(), a_case(), a_case(), a_case()
    return Records(
        {
            "sent": a_proposal(sent, DRAMMEN),
            "draft": a_proposal(draft, DRAMMEN, "draft"),
            "declined": a_proposal(declined, DRAMMEN, "declined"),
            "bodo": a_proposal(bodo, BODO),
        }
    )


def actor_of(login: str) -> Actor:
    return an_officer(REGIONAL, "33") if login == REGIONAL else login_actor(login)


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    policy = getattr(policies, f"can_{question}")
    if not about:
        return bool(policy(actor))
    if about.isdigit():
        return bool(policy(actor, Municipality.objects.get(number=about)))
    proposal = records.proposals[about]
    if question in ("view_settlement_case", "manage_settlement_case"):
        return bool(policy(actor, proposal.case))
    return bool(policy(actor, proposal))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(SETTLEMENT_QUESTIONS)
    logins = {login.username for login in [*DEMO_LOGINS, *SETTLEMENT_LOGINS]}
    assert set(ANSWERS) == logins | {REGIONAL}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    statuses = {name: p.status for name, p in records.proposals.items()}
    assert statuses == {"sent": "sent", "draft": "draft", "declined": "declined", "bodo": "sent"}
    assert Municipality.objects.get(number=DRAMMEN).county_id == "33"
    assert Municipality.objects.get(number=BODO).county_id == "18"


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
    assert ask(actor_of(login), column, records) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(records: Records, column: int) -> None:
    assert ask(ANONYMOUS, column, records) is False
