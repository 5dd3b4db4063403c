"""Who sees and approves financial assistance's payments, exports them and handles appeals:
every payment and appeal policy for every demo login.

Built for each test: a decision on an application of the demo citizen (Ola Nordmann, the
login "innbygger") at NAV Grünerløkka (the demo's office, "sosialkonsulent" is its municipal
caseworker) with a payment and an appeal, and one of another person at NAV Bærum. The
exports are asked about Oslo (0301, which Grünerløkka serves) and Bærum (3201)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.assistance.models import Appeal, Decision, Payment
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Person
from velferd.people.tests.factories import a_person

from .factories import an_application
from .payment_factories import a_decision

pytestmark = pytest.mark.django_db

PAYMENT_QUESTIONS = (
    "view_payment",
    "approve_payment",
    "export_payments",
    "appeal_assistance",
    "view_assistance_appeal",
    "handle_assistance_appeal",
)
Y, N = True, False
COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (question, where) for question in PAYMENT_QUESTIONS for where in ("here", "there")
)
# "here": Ola's at NAV Grünerløkka (exports: Oslo); "there": another's at NAV Bærum.
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                   view      approve   export    appeal    view ap.  handle
    "veileder":         (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "sosialkonsulent":  (Y, N,    Y, N,     Y, N,     Y, N,     Y, N,     Y, N),
    "beslutter":        (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "kontorleder":      (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "ia-radgiver":      (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "fastlege":         (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "leverandor":       (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "arbeidsgiver":     (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "innbygger":        (Y, N,    N, N,     N, N,     Y, N,     Y, N,     N, N),
    "analytiker":       (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "departement":      (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "admin":            (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "tiltaksforvalter": (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "imdi":             (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
    "bosetting-drammen": (N, N,    N, N,     N, N,     N, N,     N, N,     N, N),
}
# fmt: on


@dataclass(frozen=True)
class Case:
    decision: Decision
    payment: Payment
    appeal: Appeal
    municipality: object


def _case(person: Person, municipality: str) -> Case:
    decision = a_decision(an_application(person=person, status="decided"))
    payment = Payment.objects.create(
        decision=decision,
        municipality=organisation_selectors.municipality(municipality),
        due_on=decision.period_start,
        amount=decision.amount,
        bank_account="86011117947",
    )
    appeal = Appeal.objects.create(
        decision=decision,
        received_on=decision.decided_on,
        grounds="For lite.",
        registered_by=decision.decided_by,
    )
    return Case(decision, payment, appeal, organisation_selectors.municipality(municipality))


@pytest.fixture
def cases() -> dict[str, Case]:
    ola = Person.objects.get(user__username="innbygger")
    baerum = organisation_selectors.office("3201")
    other = a_person(office=baerum, municipality=organisation_selectors.municipality("3201"))
    return {"here": _case(ola, "0301"), "there": _case(other, "3201")}


def ask(actor: Actor, column: int, cases: dict[str, Case]) -> bool:
    question, where = COLUMNS[column]
    case = cases[where]
    thing = {
        "view_payment": case.payment,
        "approve_payment": case.payment,
        "export_payments": case.municipality,
        "appeal_assistance": case.decision,
    }.get(question, case.appeal)
    return bool(getattr(policies, f"can_{question}")(actor, thing))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def office_id(unit_number: str) -> int:
    return organisation_selectors.office(unit_number).pk


def test_the_cases_are_where_the_table_assumes(cases: dict[str, Case]) -> None:
    here, there = cases["here"].decision.application, cases["there"].decision.application
    assert (here.office_id, here.municipality_id) == (office_id("0317"), "0301")
    assert (there.office_id, there.municipality_id) == (office_id("3201"), "3201")


@pytest.mark.parametrize("login", list(ANSWERS))
def test_each_login_gets_the_answers_its_role_deserves(login: str, cases: dict[str, Case]) -> None:
    actor = login_actor(login)
    got = tuple(ask(actor, column, cases) for column in range(len(COLUMNS)))
    assert got == ANSWERS[login]


def test_nobody_logged_in_is_refused_everything(cases: dict[str, Case]) -> None:
    assert not any(ask(ANONYMOUS, column, cases) for column in range(len(COLUMNS)))


LIST_FILTERS = (
    ("view_payment", "payments_visible", Payment),
    ("approve_payment", "payments_approvable", Payment),
    ("appeal_assistance", "assistance_decisions_appealable", Decision),
    ("view_assistance_appeal", "assistance_appeals_visible", Appeal),
    ("handle_assistance_appeal", "assistance_appeals_handled", Appeal),
)


@pytest.mark.parametrize("login", list(ANSWERS))
def test_each_list_filter_lets_through_what_its_predicate_allows(
    login: str, cases: dict[str, Case]
) -> None:
    actor = login_actor(login)
    for question, list_filter, model in LIST_FILTERS:
        predicate = getattr(policies, f"can_{question}")
        allowed = {row.pk for row in model.objects.all() if predicate(actor, row)}
        listed = set(
            model.objects.filter(getattr(policies, list_filter)(actor))
            .distinct()
            .values_list("pk", flat=True)
        )
        assert listed == allowed, (question, login)
    municipalities = organisation_selectors.municipalities().filter(number__in=["0301", "3201"])
    allowed_numbers = {m.number for m in municipalities if policies.can_export_payments(actor, m)}
    listed_numbers = set(
        municipalities.filter(policies.municipalities_exportable(actor)).values_list(
            "number", flat=True
        )
    )
    assert listed_numbers == allowed_numbers
