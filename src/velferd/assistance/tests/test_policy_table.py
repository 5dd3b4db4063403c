"""Who works with applications for financial assistance: every staff policy for every demo
login.

Built for each test, with the 2026 guideline rates: an application from a person at NAV
Grünerløkka (the demo's office, "lokka") who gave no consent; one from a person there who
consented to NAV's state side seeing the municipality's records ("consent"); and one sent to
NAV Sagene ("sagene")."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.assistance.models import Application
from velferd.core.testing import filter_disagreements, login_actor
from velferd.demo import DEMO_LOGINS
from velferd.organisation import selectors as organisation_selectors
from velferd.people.tests.factories import a_consent, a_person, at_sagene

from .factories import an_application

pytestmark = pytest.mark.django_db

ASSISTANCE_QUESTIONS = (
    "view_assistance_queue",
    "view_application",
    "decide_application",
    "view_guideline_rates",
    "manage_guideline_rates",
)
Y, N = True, False

COLUMNS: tuple[tuple[str, str], ...] = (
    ("view_assistance_queue", "0317"),
    ("view_assistance_queue", "0320"),
    ("view_application", "lokka"),
    ("view_application", "consent"),
    ("view_application", "sagene"),
    ("decide_application", "lokka"),
    ("decide_application", "consent"),
    ("decide_application", "sagene"),
    ("view_guideline_rates", ""),
    ("manage_guideline_rates", ""),
)
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                   queue      view              decide            rates
    #                   0317 0320  lokka cons sag    lokka cons sag    view manage
    "veileder":         (N,  N,    N,    Y,   N,     N,    N,   N,     N,   N),
    "sosialkonsulent":  (Y,  N,    Y,    Y,   N,     Y,    Y,   N,     Y,   N),
    "beslutter":        (N,  N,    N,    Y,   N,     N,    N,   N,     N,   N),
    "kontorleder":      (N,  N,    N,    Y,   N,     N,    N,   N,     N,   N),
    "ia-radgiver":      (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "fastlege":         (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "leverandor":       (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "arbeidsgiver":     (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "innbygger":        (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "analytiker":       (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "departement":      (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "admin":            (N,  N,    N,    N,   N,     N,    N,   N,     Y,   Y),
    "tiltaksforvalter": (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "imdi":             (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
    "bosetting-drammen": (N,  N,    N,    N,   N,     N,    N,   N,     N,   N),
}
# fmt: on


@dataclass(frozen=True)
class Records:
    lokka: Application
    consent: Application
    sagene: Application


@pytest.fixture
def records() -> Records:
    consenting = a_person()
    a_consent(person=consenting, partner_service="nav_state")
    return Records(
        lokka=an_application(),
        consent=an_application(consenting),
        sagene=an_application(at_sagene()),
    )


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    policy = getattr(policies, f"can_{question}")
    if not about:
        return bool(policy(actor))
    if question == "view_assistance_queue":
        return bool(policy(actor, organisation_selectors.office(about)))
    return bool(policy(actor, getattr(records, about)))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(ASSISTANCE_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    assert records.lokka.office is not None and records.lokka.office.unit_number == "0317"
    assert records.sagene.office is not None and records.sagene.office.unit_number == "0320"
    assert records.consent.person.consent_holds("nav_state")
    assert not records.lokka.person.consent_holds("nav_state")


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


def test_nobody_but_the_applicant_sees_a_draft(records: Records) -> None:
    draft = an_application(status="draft")
    assert not policies.can_view_application(login_actor("sosialkonsulent"), draft)
    assert not policies.can_decide_application(login_actor("sosialkonsulent"), draft)


@pytest.mark.parametrize(
    ("predicate", "list_filter"),
    [
        ("can_view_application", "applications_visible"),
        ("can_decide_application", "applications_decidable"),
    ],
)
def test_the_list_filters_answer_as_their_predicates(
    records: Records, predicate: str, list_filter: str
) -> None:
    an_application(status="draft")
    actors = [login_actor(login.username) for login in DEMO_LOGINS] + [ANONYMOUS]
    wrong = filter_disagreements(
        Application.objects.all(),
        getattr(policies, predicate),
        getattr(policies, list_filter),
        actors,
    )
    assert wrong == []


def test_the_queue_offices_are_the_offices_whose_queue_may_be_seen() -> None:
    for login in DEMO_LOGINS:
        actor = login_actor(login.username)
        offices = policies.assistance_queue_offices(actor)
        for unit in ("0317", "0320"):
            office = organisation_selectors.office(unit)
            assert policies.can_view_assistance_queue(actor, office) is (office.pk in offices)
