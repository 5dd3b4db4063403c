"""Who works with the Ministry's enquiries, publications and mail journal: every such
policy for the demo logins. "departement" is in the Press and Communications Division
(every inbox), "velferdspolitikk" and "integrering" are case officers in their departments."""

from __future__ import annotations

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import filter_disagreements, login_actor
from velferd.demo import DEMO_LOGINS
from velferd.enquiries.models import Enquiry, JournalEntry

from .factories import a_journal_entry, an_access_request, an_enquiry

pytestmark = pytest.mark.django_db

ENQUIRY_QUESTIONS = ("route_enquiries", "view_inbox", "handle_enquiry", "change_publications")
JOURNAL_QUESTIONS = (
    "view_journal_entry_in_full",
    "record_journal_entry",
    "change_journal_entry",
)
MINISTRY_QUESTIONS = ENQUIRY_QUESTIONS + JOURNAL_QUESTIONS
Y, N = True, False

# view_inbox is asked about welfare policy's inbox; handle_enquiry about the press enquiry
# the test builds (the Press and Communications Division's).
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                   route  inbox  handle  publish
    "departement":      (Y,     Y,     Y,      Y),
    "velferdspolitikk": (Y,     Y,     N,      Y),
    "integrering":      (Y,     N,     N,      Y),
    "admin":            (N,     N,     N,      Y),
    "veileder":         (N,     N,     N,      N),
    "sosialkonsulent":  (N,     N,     N,      N),
    "beslutter":        (N,     N,     N,      N),
    "kontorleder":      (N,     N,     N,      N),
    "ia-radgiver":      (N,     N,     N,      N),
    "fastlege":         (N,     N,     N,      N),
    "leverandor":       (N,     N,     N,      N),
    "arbeidsgiver":     (N,     N,     N,      N),
    "innbygger":        (N,     N,     N,      N),
    "analytiker":       (N,     N,     N,      N),
    "tiltaksforvalter": (N,     N,     N,      N),
    "imdi":             (N,     N,     N,      N),
    "bosetting-drammen": (N,    N,     N,      N),
}
# fmt: on


@pytest.fixture
def enquiries() -> dict[str, Enquiry]:
    """An enquiry in the inbox of each of welfare policy, integration and the Press and
    Communications Division: the first two access requests for a document each department
    journalled, the third from the press."""
    built = {
        slug: an_access_request(entry=a_journal_entry(department=slug, case_reference=f"26/96{n}"))
        for n, slug in enumerate(DEPARTMENTS)
    }
    built[policies.PRESS_DIVISION] = an_enquiry(is_press=True, organisation="Dagsavisen")
    assert {slug: e.department.slug for slug, e in built.items()} == {s: s for s in built}
    return built


def ask(question: str, actor: Actor, enquiries: dict[str, Enquiry]) -> bool:
    policy = getattr(policies, f"can_{question}")
    if question == "view_inbox":
        return bool(policy(actor, "welfare-policy"))
    if question == "handle_enquiry":
        return bool(policy(actor, enquiries[policies.PRESS_DIVISION]))
    return bool(policy(actor))


def test_the_enquiry_table_asks_every_demo_login() -> None:
    assert set(ANSWERS) >= {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(ENQUIRY_QUESTIONS) for row in ANSWERS.values())


@pytest.mark.parametrize(
    ("question", "login", "expected"),
    [
        pytest.param(q, login, answers[i], id=f"{q}-{login}")
        for i, q in enumerate(ENQUIRY_QUESTIONS)
        for login, answers in ANSWERS.items()
    ],
)
def test_each_login_gets_its_answer(
    enquiries: dict[str, Enquiry], question: str, login: str, expected: bool
) -> None:
    assert ask(question, login_actor(login), enquiries) is expected


@pytest.mark.parametrize("question", ENQUIRY_QUESTIONS)
def test_anonymous_may_do_none_of_it(enquiries: dict[str, Enquiry], question: str) -> None:
    assert ask(question, ANONYMOUS, enquiries) is False


# Who handles which of the three departments' enquiries the test builds.
# fmt: off
HANDLED: dict[str, set[str]] = {
    "departement": {"welfare-policy", "integration", policies.PRESS_DIVISION},
    "velferdspolitikk": {"welfare-policy"},
    "integrering": {"integration"},
}
# fmt: on


@pytest.mark.parametrize("login", list(ANSWERS))
def test_each_login_handles_the_enquiries_of_its_departments_only(
    enquiries: dict[str, Enquiry], login: str
) -> None:
    actor = login_actor(login)
    handled = {slug for slug, e in enquiries.items() if policies.can_handle_enquiry(actor, e)}
    assert handled == HANDLED.get(login, set())


def test_the_enquiry_list_filter_answers_as_its_predicate_for_every_login(
    enquiries: dict[str, Enquiry],
) -> None:
    actors = [ANONYMOUS, *(login_actor(login) for login in ANSWERS)]
    rows = Enquiry.objects.select_related("department")
    assert rows.filter(pk__in=[e.pk for e in enquiries.values()]).count() == 3
    wrong = filter_disagreements(
        rows, policies.can_handle_enquiry, policies.enquiries_handled, actors
    )
    assert wrong == []


# The journal: who sees an entry in full (the private sender's name, the title before
# screening), who journals a document by hand and who marks or lifts an exemption; everyone
# else reads the public fields only. Each is asked about welfare policy's (first answer)
# and integration's (second answer).
# fmt: off
JOURNAL_ANSWERS: dict[str, tuple[tuple[bool, bool], ...]] = {
    #                   in_full  record   change
    "departement":      ((Y, Y),  (Y, Y),  (Y, Y)),
    "velferdspolitikk": ((Y, N),  (Y, N),  (Y, N)),
    "integrering":      ((N, Y),  (N, Y),  (N, Y)),
    "admin":            ((N, N),  (N, N),  (N, N)),
    "veileder":         ((N, N),  (N, N),  (N, N)),
    "sosialkonsulent":  ((N, N),  (N, N),  (N, N)),
    "beslutter":        ((N, N),  (N, N),  (N, N)),
    "kontorleder":      ((N, N),  (N, N),  (N, N)),
    "ia-radgiver":      ((N, N),  (N, N),  (N, N)),
    "fastlege":         ((N, N),  (N, N),  (N, N)),
    "leverandor":       ((N, N),  (N, N),  (N, N)),
    "arbeidsgiver":     ((N, N),  (N, N),  (N, N)),
    "innbygger":        ((N, N),  (N, N),  (N, N)),
    "analytiker":       ((N, N),  (N, N),  (N, N)),
    "tiltaksforvalter": ((N, N),  (N, N),  (N, N)),
    "imdi":             ((N, N),  (N, N),  (N, N)),
    "bosetting-drammen": ((N, N), (N, N),  (N, N)),
}
# fmt: on
DEPARTMENTS = ("welfare-policy", "integration")


@pytest.fixture
def entries() -> tuple[JournalEntry, JournalEntry]:
    """A document journalled for each of the two departments, from a private individual."""
    welfare, integration = (
        a_journal_entry(
            department=slug,
            case_reference=f"26/95{n}",
            correspondent="Mari Moe",
            correspondent_is_private=True,
        )
        for n, slug in enumerate(DEPARTMENTS)
    )
    return welfare, integration


def ask_journal(
    question: str, actor: Actor, entries: tuple[JournalEntry, JournalEntry]
) -> tuple[bool, bool]:
    policy = getattr(policies, f"can_{question}")
    about = DEPARTMENTS if question == "record_journal_entry" else entries
    first, second = (bool(policy(actor, thing)) for thing in about)
    return first, second


def test_the_journal_table_asks_every_demo_login() -> None:
    assert set(JOURNAL_ANSWERS) >= {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(JOURNAL_QUESTIONS) for row in JOURNAL_ANSWERS.values())


@pytest.mark.parametrize(
    ("question", "login", "expected"),
    [
        pytest.param(q, login, answers[i], id=f"{q}-{login}")
        for i, q in enumerate(JOURNAL_QUESTIONS)
        for login, answers in JOURNAL_ANSWERS.items()
    ],
)
def test_each_login_gets_its_journal_answer(
    entries: tuple[JournalEntry, JournalEntry], question: str, login: str, expected: object
) -> None:
    assert ask_journal(question, login_actor(login), entries) == expected


@pytest.mark.parametrize("question", JOURNAL_QUESTIONS)
def test_anonymous_reads_no_journal_entry_in_full_and_changes_none(
    entries: tuple[JournalEntry, JournalEntry], question: str
) -> None:
    assert ask_journal(question, ANONYMOUS, entries) == (False, False)


@pytest.mark.parametrize(
    ("predicate", "list_filter"),
    [
        ("can_view_journal_entry_in_full", "journal_entries_in_full"),
        ("can_change_journal_entry", "journal_entries_changeable"),
    ],
)
def test_each_journal_list_filter_answers_as_its_predicate_for_every_login(
    entries: tuple[JournalEntry, JournalEntry], predicate: str, list_filter: str
) -> None:
    actors = [ANONYMOUS, *(login_actor(login) for login in JOURNAL_ANSWERS)]
    rows = JournalEntry.objects.select_related("department")
    assert rows.filter(pk__in=[entry.pk for entry in entries]).count() == 2
    wrong = filter_disagreements(
        rows, getattr(policies, predicate), getattr(policies, list_filter), actors
    )
    assert wrong == []
