"""Who works with the schemes' money: every funding policy for every demo login.

Built for each test: a delivery in Oslo (county 03) of a supplier of its own, whose staff is
the new login "leverandoransatt", and one of another supplier in Vestland (46), each with a
budget, a commitment proposed by a scheme manager of its county and April 2026's claim.
"leverandor" works for a demo supplier, neither of these; "tiltaksforvalter" is the scheme
manager of Oslo."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.funding import services
from velferd.funding.models import Claim, Commitment
from velferd.organisation.models import County
from velferd.schemes.models import Delivery
from velferd.schemes.tests.factories import a_delivery, a_staff_login, a_supplier, an_agreement

from .factories import a_budget, a_participation, a_scheme_manager, calculated_claim

pytestmark = pytest.mark.django_db

FUNDING_QUESTIONS = (
    "work_with_funding",
    "manage_funding",
    "manage_budget",
    "manage_commitment",
    "manage_claim",
    "submit_claim",
    "view_claim",
)
Y, N = True, False
APRIL = datetime.date(2026, 4, 1)

# Each column asks one question about one thing; the questions are FUNDING_QUESTIONS.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("work_with_funding", ""),
    ("manage_funding", ""),
    ("manage_budget", "Oslo"),
    ("manage_budget", "Vestland"),
    ("manage_commitment", "Oslo"),
    ("manage_commitment", "Vestland"),
    ("manage_claim", "Oslo"),
    ("manage_claim", "Vestland"),
    ("submit_claim", "Oslo"),
    ("submit_claim", "Vestland"),
    ("view_claim", "Oslo"),
    ("view_claim", "Vestland"),
)
# "Oslo": the own supplier's delivery in Oslo; "Vestland": another supplier's in Vestland.
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                   work  manage budget    commitment  claim     submit    view
    #                         funding 03 46    03 46       03 46     03 46     03 46
    "veileder":         (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "sosialkonsulent":  (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "beslutter":        (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "kontorleder":      (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "ia-radgiver":      (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "fastlege":         (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "leverandor":       (Y,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "leverandoransatt": (Y,   N,      N, N,    N, N,       N, N,     Y, N,     Y, N),
    "arbeidsgiver":     (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "innbygger":        (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "analytiker":       (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "departement":      (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "admin":            (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "tiltaksforvalter": (Y,   Y,      Y, N,    Y, N,       Y, N,     N, N,     Y, N),
    "imdi":             (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
    "bosetting-drammen": (N,   N,      N, N,    N, N,       N, N,     N, N,     N, N),
}
# fmt: on


@dataclass(frozen=True)
class InACounty:
    delivery: Delivery
    commitment: Commitment
    claim: Claim


@dataclass(frozen=True)
class Records:
    oslo: InACounty
    vestland: InACounty
    staff: Actor  # of the supplier in Oslo


def _in(delivery: Delivery, proposer: Actor) -> InACounty:
    a_budget(delivery)
    commitment = services.commitment_propose(
        actor=proposer,
        delivery_id=delivery.pk,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    a_participation(delivery, "deltaker-1", APRIL)
    return InACounty(delivery, commitment, calculated_claim(delivery, APRIL))


@pytest.fixture
def records() -> Records:
    own_supplier = a_supplier()
    oslo = a_delivery(agreement=an_agreement(supplier=own_supplier, rate=Decimal("100.00")))
    vestland = a_delivery(
        agreement=an_agreement(counties=["46"], rate=Decimal("100.00")),
        county=County.objects.get(number="46"),
    )
    return Records(
        _in(oslo, a_scheme_manager("forvalter-oslo", "03")),
        _in(vestland, a_scheme_manager("forvalter-vestland", "46")),
        a_staff_login(own_supplier),
    )


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    policy = getattr(policies, f"can_{question}")
    if not about:
        return bool(policy(actor))
    rows = records.oslo if about == "Oslo" else records.vestland
    thing: object = {
        "manage_budget": rows.delivery.county_id,
        "manage_commitment": rows.commitment,
    }.get(question, rows.claim)
    return bool(policy(actor, thing))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(FUNDING_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS} | {"leverandoransatt"}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    oslo, vestland = records.oslo, records.vestland
    assert oslo.delivery.county_id == "03" and vestland.delivery.county_id == "46"
    own = oslo.delivery.supplier.organisation_number
    assert vestland.delivery.supplier.organisation_number != own
    assert policies.supplier_organisation_numbers(records.staff) == {own}
    for rows in (oslo, vestland):
        assert rows.commitment.delivery == rows.delivery
        assert rows.claim.delivery == rows.delivery
    [works_for] = policies.supplier_organisation_numbers(login_actor("leverandor"))
    assert works_for not in {own, vestland.delivery.supplier.organisation_number}


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
    actor = records.staff if login == "leverandoransatt" else login_actor(login)
    assert ask(actor, column, records) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(records: Records, column: int) -> None:
    assert ask(ANONYMOUS, column, records) is False
