"""Who sees and changes a participation in a labour market scheme, on NAV's side, the
supplier's and the person's, and who sees the overview of places: every participants policy
for every demo login.

Built for each test, in deliveries in Oslo open to NAV Grünerløkka (0317): participations of
Ola Nordmann (the person of the login "innbygger", followed up at 0317) in deliveries of the
demo's supplier (912345688, the login "leverandor" is its staff) — one participating, with a
proposal from the supplier waiting for NAV, one closed 10 days ago, one closed 41 days ago
(past the supplier's 40 days) and a draft — and one participating in another supplier's
delivery."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.organisation import selectors as organisation_selectors
from velferd.participants.models import ChangeProposal, Participation, ParticipationStatus
from velferd.participants.services.proposals import proposal_submit
from velferd.people.models import AddressProtection, Person
from velferd.people.tests.factories import confidential, strictly_confidential
from velferd.schemes.tests.factories import a_supplier

from .supplier_builders import DEMO_SUPPLIER, closed_days_ago, participating

pytestmark = pytest.mark.django_db

PARTICIPANT_QUESTIONS = (
    "supplier_view_participant",
    "list_supplier_participants",
    "propose_change",
    "report_progress",
    "withdraw_proposal",
    "decide_proposals_for",
    "decide_proposal",
    "view_proposal",
    "read_progress_reports",
    "list_proposals",
    "enrol",
    "view_participation",
    "change_participation",
    "comment_on_draft",
    "view_waiting_list",
    "view_own_participations",
    "list_places_overview",
    "view_places_overview",
)
Y, N = True, False

# Each column asks one question about one thing; the questions are PARTICIPANT_QUESTIONS.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("supplier_view_participant", "participating"),
    ("supplier_view_participant", "closed 10 days ago"),
    ("supplier_view_participant", "closed 41 days ago"),
    ("supplier_view_participant", "the draft"),
    ("supplier_view_participant", "another supplier's"),
    ("list_supplier_participants", ""),
    ("propose_change", "participating"),
    ("report_progress", "participating"),
    ("withdraw_proposal", "the proposal"),
    ("decide_proposals_for", "participating"),
    ("decide_proposal", "the proposal"),
    ("view_proposal", "the proposal"),
    ("read_progress_reports", "participating"),
    ("list_proposals", ""),
    ("enrol", "Ola"),
    ("view_participation", "participating"),
    ("change_participation", "participating"),
    ("comment_on_draft", "the draft"),
    ("view_waiting_list", "a delivery of 0317"),
    ("view_waiting_list", "a delivery of 0320"),
    ("view_own_participations", ""),
    ("list_places_overview", ""),
    ("view_places_overview", "Oslo"),
    ("view_places_overview", "Vestland"),
    ("view_places_overview", "the country"),
    ("view_places_overview", "0317"),
)
# The first 13 columns: the supplier's side, its proposals and reports.
# fmt: off
SUPPLIERS_SIDE: dict[str, tuple[bool, ...]] = {
    # supplier_view_participant: participating, closed 10 and 41 days ago, the draft, another
    # supplier's | list_supplier_participants | propose_change | report_progress |
    # withdraw_proposal | decide_proposals_for | decide_proposal | view_proposal |
    # read_progress_reports
    "veileder":         (N, N, N, N, N, N, N, N, N, Y, Y, Y, Y),
    "sosialkonsulent":  (N, N, N, N, N, N, N, N, N, Y, Y, Y, Y),
    "beslutter":        (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "kontorleder":      (N, N, N, N, N, N, N, N, N, Y, Y, Y, Y),
    "ia-radgiver":      (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "fastlege":         (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "leverandor":       (Y, Y, N, N, N, Y, Y, Y, Y, N, N, Y, Y),
    "arbeidsgiver":     (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "innbygger":        (N, N, N, N, N, N, N, N, N, N, N, N, Y),
    "analytiker":       (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "departement":      (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "admin":            (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "tiltaksforvalter": (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "imdi":             (N, N, N, N, N, N, N, N, N, N, N, N, N),
    "bosetting-drammen": (N, N, N, N, N, N, N, N, N, N, N, N, N),
}
# fmt: on
# The other 13: NAV's side, the person's and the overview of places.
# fmt: off
NAVS_SIDE: dict[str, tuple[bool, ...]] = {
    # list_proposals | enrol | view_participation | change_participation | comment_on_draft |
    # view_waiting_list 0317 0320 | view_own_participations | list_places_overview |
    # view_places_overview Oslo, Vestland, the country, 0317
    "veileder":         (Y, Y, Y, Y, Y, Y, N, Y, N, N, N, N, N),
    "sosialkonsulent":  (Y, Y, Y, Y, Y, Y, N, Y, N, N, N, N, N),
    "beslutter":        (N, N, Y, N, N, N, N, Y, N, N, N, N, N),
    "kontorleder":      (Y, Y, Y, Y, Y, Y, N, Y, Y, N, N, N, Y),
    "ia-radgiver":      (N, N, N, N, N, N, N, Y, N, N, N, N, N),
    "fastlege":         (N, N, N, N, N, N, N, Y, N, N, N, N, N),
    "leverandor":       (N, N, N, N, N, N, N, Y, N, N, N, N, N),
    "arbeidsgiver":     (N, N, N, N, N, N, N, Y, N, N, N, N, N),
    "innbygger":        (N, N, Y, N, Y, N, N, Y, N, N, N, N, N),
    "analytiker":       (N, N, N, N, N, N, N, Y, Y, Y, Y, Y, Y),
    "departement":      (N, N, N, N, N, N, N, Y, Y, Y, Y, Y, Y),
    "admin":            (N, N, N, N, N, N, N, Y, N, N, N, N, N),
    "tiltaksforvalter": (N, N, N, N, N, N, N, Y, Y, Y, N, N, Y),
    "imdi":             (N, N, N, N, N, N, N, Y, N, N, N, N, N),
    "bosetting-drammen": (N, N, N, N, N, N, N, Y, N, N, N, N, N),
}
# fmt: on
ANSWERS = {login: SUPPLIERS_SIDE[login] + NAVS_SIDE[login] for login in SUPPLIERS_SIDE}


@dataclass(frozen=True)
class Records:
    ola: Person
    participating: Participation
    closed_lately: Participation
    closed_long_ago: Participation
    draft: Participation
    another_suppliers: Participation
    proposal: ChangeProposal


@pytest.fixture
def records() -> Records:
    ola = Person.objects.get(user__username="innbygger")
    taking_part = participating(person=ola)
    proposal = proposal_submit(
        actor=login_actor("leverandor"),
        participation=taking_part,
        kind="percentage",
        percentage=Decimal("80.00"),
    )
    return Records(
        ola,
        taking_part,
        closed_days_ago(10, person=ola),
        closed_days_ago(41, person=ola),
        participating(person=ola, status=ParticipationStatus.DRAFT),
        participating(a_supplier(), person=ola),
        proposal,
    )


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    office = organisation_selectors.office
    arguments: dict[str, tuple[object, ...]] = {
        "": (),
        "participating": (records.participating,),
        "closed 10 days ago": (records.closed_lately,),
        "closed 41 days ago": (records.closed_long_ago,),
        "the draft": (records.draft,),
        "another supplier's": (records.another_suppliers,),
        "the proposal": (records.proposal,),
        "Ola": (records.ola,),
        "a delivery of 0317": ([office("0317").pk],),
        "a delivery of 0320": ([office("0320").pk],),
        "Oslo": ("03",),
        "Vestland": ("46",),
        "the country": (None,),
        "0317": ("03", office("0317").pk),
    }
    return bool(getattr(policies, f"can_{question}")(actor, *arguments[about]))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    asked = {question for question, _ in COLUMNS}
    assert asked == set(PARTICIPANT_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    ola = records.ola
    assert ola.office.unit_number == "0317"
    assert ola.address_protection == AddressProtection.NONE
    assert not ola.is_office_employee
    demo_suppliers = (
        records.participating,
        records.closed_lately,
        records.closed_long_ago,
        records.draft,
    )
    for participation in demo_suppliers:
        assert participation.person == ola
        assert participation.delivery.supplier.organisation_number == DEMO_SUPPLIER
        assert participation.delivery.county_id == "03"
        offices = participation.delivery.offices.values_list("unit_number", flat=True)
        assert set(offices) == {"0317"}
    assert records.another_suppliers.delivery.supplier.organisation_number != DEMO_SUPPLIER
    assert records.another_suppliers.status == ParticipationStatus.PARTICIPATING
    assert records.proposal.participation == records.participating
    assert policies.supplier_access_days() == 40


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
    assert ask(login_actor(login), column, records) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(records: Records, column: int) -> None:
    assert ask(ANONYMOUS, column, records) is False


def test_the_address_goes_to_the_supplier_only_when_it_is_not_protected(
    records: Records,
) -> None:
    assert policies.address_goes_to_supplier(records.participating) is True
    for person in (confidential(), strictly_confidential()):
        assert policies.address_goes_to_supplier(participating(person=person)) is False
