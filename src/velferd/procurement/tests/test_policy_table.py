"""Who runs, sees, bids in and evaluates competitions: every procurement policy for every
demo login.

Built for each test: a published competition in Oslo (county 03) run by "tiltaksforvalter",
with a bid from a supplier of its own (by its staff, the new login "leverandoransatt") and
one from another supplier ("leverandor" works for a demo supplier, neither of these); a
draft competition in Oslo; and a published small tender of NAV Grünerløkka (0317) made by
"kontorleder", evaluated by "veileder" and "beslutter" (who has declared a conflict of
interest and is replaced), with another supplier's bid. Bids are asked about a minute before
and a minute after their competition's bid deadline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.procurement import services
from velferd.procurement.models import Bid, Competition, CompetitionStatus, Evaluator
from velferd.schemes.models import Supplier
from velferd.schemes.tests.factories import a_supplier

from .factories import a_bid, a_competition, published

pytestmark = pytest.mark.django_db

PROCUREMENT_QUESTIONS = (
    "create_competition",
    "start_competitions",
    "manage_competition",
    "approve_award",
    "view_competition",
    "bid_for",
    "view_bid",
    "score",
)
Y, N = True, False
MINUTE = datetime.timedelta(minutes=1)

# Each column asks one question about one thing; the questions are PROCUREMENT_QUESTIONS.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("create_competition", "in Oslo"),
    ("create_competition", "a small tender of 0317"),
    ("create_competition", "in Vestland"),
    ("start_competitions", ""),
    ("manage_competition", "Oslo's"),
    ("manage_competition", "the small tender"),
    ("approve_award", "the small tender"),
    ("view_competition", "Oslo's"),
    ("view_competition", "the draft"),
    ("view_competition", "the small tender"),
    ("bid_for", "its own supplier"),
    ("bid_for", "another supplier"),
    ("view_bid", "its own supplier's, before the deadline"),
    ("view_bid", "its own supplier's, after the deadline"),
    ("view_bid", "another's, before the deadline"),
    ("view_bid", "another's, after the deadline"),
    ("view_bid", "in the small tender, after the deadline"),
    ("score", "as veileder, named"),
    ("score", "as beslutter, replaced"),
)
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                   create      start manage  appr. view     bid   view_bid          score
    #                   03 0317 46        03 st.  st.   03 dr st own oth own  oth  st.  vei bes
    #                                                               bef aft bef aft aft
    "veileder":         (N, N,  N, N,     N, N,   N,    N, N, Y, N, N,  N, N, N, N, Y,  Y,  N),
    "sosialkonsulent":  (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "beslutter":        (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "kontorleder":      (N, Y,  N, Y,     N, Y,   N,    N, N, Y, N, N,  N, N, N, N, Y,  N,  N),
    "ia-radgiver":      (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "fastlege":         (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "leverandor":       (N, N,  N, N,     N, N,   N,    Y, N, Y, N, N,  N, N, N, N, N,  N,  N),
    "leverandoransatt": (N, N,  N, N,     N, N,   N,    Y, N, Y, Y, N,  Y, Y, N, N, N,  N,  N),
    "arbeidsgiver":     (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "innbygger":        (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "analytiker":       (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "departement":      (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "admin":            (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "tiltaksforvalter": (Y, Y,  N, Y,     Y, Y,   Y,    Y, Y, Y, N, N,  N, Y, N, Y, Y,  N,  N),
    "imdi":             (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
    "bosetting-drammen": (N, N,  N, N,     N, N,   N,    N, N, N, N, N,  N, N, N, N, N,  N,  N),
}
# fmt: on


@dataclass(frozen=True)
class Records:
    oslo: Competition
    draft: Competition
    small_tender: Competition
    own_supplier: Supplier
    staff: Actor
    own_bid: Bid
    other_bid: Bid
    small_tender_bid: Bid
    named: Evaluator  # veileder's, in the small tender
    replaced: Evaluator  # beslutter's, in the small tender


@pytest.fixture
def records() -> Records:
    own_supplier = a_supplier()
    oslo = published()
    own_bid, staff = a_bid(oslo, "20000.00", supplier=own_supplier)
    other_bid, _ = a_bid(oslo, "21000.00")
    draft = a_competition()
    kontorleder = login_actor("kontorleder")
    small_tender = published(kontorleder, procedure="small_tender", office="0317")
    for username in ("veileder", "beslutter"):
        services.evaluator_add(actor=kontorleder, competition=small_tender, username=username)
    services.evaluator_declare(
        actor=login_actor("beslutter"), competition=small_tender, has_conflict=True
    )
    small_tender_bid, _ = a_bid(small_tender, "19000.00")
    evaluators = {e.user.username: e for e in small_tender.evaluators.select_related("user")}
    return Records(
        oslo,
        draft,
        small_tender,
        own_supplier,
        staff,
        own_bid,
        other_bid,
        small_tender_bid,
        evaluators["veileder"],
        evaluators["beslutter"],
    )


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    oslo, small_tender = records.oslo, records.small_tender
    before = oslo.bid_deadline - MINUTE
    after = oslo.bid_deadline + MINUTE
    arguments: dict[str, tuple[object, ...]] = {
        "": (),
        "in Oslo": ("03",),
        "a small tender of 0317": ("03", small_tender.office_id),
        "in Vestland": ("46",),
        "Oslo's": (oslo,),
        "the draft": (records.draft,),
        "the small tender": (small_tender,),
        "its own supplier": (records.own_supplier,),
        "another supplier": (a_supplier(),),
        "its own supplier's, before the deadline": (records.own_bid, before),
        "its own supplier's, after the deadline": (records.own_bid, after),
        "another's, before the deadline": (records.other_bid, before),
        "another's, after the deadline": (records.other_bid, after),
        "in the small tender, after the deadline": (
            records.small_tender_bid,
            small_tender.bid_deadline + MINUTE,
        ),
        "as veileder, named": (records.named,),
        "as beslutter, replaced": (records.replaced,),
    }
    return bool(getattr(policies, f"can_{question}")(actor, *arguments[about]))


def actor_of(login: str, records: Records) -> Actor:
    """The login's actor; "leverandoransatt" is the new login of the bidder's own staff."""
    return records.staff if login == "leverandoransatt" else login_actor(login)


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(PROCUREMENT_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS} | {"leverandoransatt"}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    assert records.oslo.county_id == "03" and records.oslo.office_id is None
    assert records.oslo.status == CompetitionStatus.PUBLISHED
    assert records.draft.status == CompetitionStatus.DRAFT
    assert records.small_tender.status == CompetitionStatus.PUBLISHED
    office = records.small_tender.office
    assert office is not None and office.unit_number == "0317"
    own = records.own_supplier
    assert records.own_bid.supplier == own
    assert records.other_bid.supplier != own and records.small_tender_bid.supplier != own
    assert policies.supplier_organisation_numbers(records.staff) == {own.organisation_number}
    [works_for] = policies.supplier_organisation_numbers(login_actor("leverandor"))
    bidders = {records.other_bid.supplier, records.small_tender_bid.supplier, own}
    assert works_for not in {supplier.organisation_number for supplier in bidders}
    assert not records.named.replaced
    assert records.replaced.replaced and records.replaced.has_conflict


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
    assert ask(actor_of(login, records), column, records) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(records: Records, column: int) -> None:
    assert ask(ANONYMOUS, column, records) is False
