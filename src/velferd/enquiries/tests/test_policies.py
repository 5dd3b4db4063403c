"""Who works with the Ministry's enquiries and publications: every such policy for every
demo login. "departement" is in the Press and Communications Division (every inbox),
"velferdspolitikk" and "integrering" are case officers in their departments."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.enquiries.models import Enquiry, JournalEntry

pytestmark = pytest.mark.django_db

MINISTRY_QUESTIONS = ("route_enquiries", "view_inbox", "handle_enquiry", "change_publications")
Y, N = True, False

# view_inbox is asked about welfare-policy's inbox; handle_enquiry about the press enquiry.
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                   route  inbox  handle  publish
    "departement":      (Y,     Y,     Y,      Y),
    "velferdspolitikk": (Y,     Y,     N,      Y),
    "integrering":      (Y,     N,     N,      Y),
    "admin":            (N,     N,     N,      Y),
    "veileder":         (N,     N,     N,      N),
    "innbygger":        (N,     N,     N,      N),
    "analytiker":       (N,     N,     N,      N),
    "ia-radgiver":      (N,     N,     N,      N),
}
# fmt: on


def ask(question: str, actor: Actor) -> bool:
    policy = getattr(policies, f"can_{question}")
    if question == "view_inbox":
        return bool(policy(actor, "welfare-policy"))
    if question == "handle_enquiry":
        return bool(policy(actor, Enquiry.objects.get(is_press=True)))
    return bool(policy(actor))


@pytest.mark.parametrize(
    ("question", "login", "expected"),
    [
        pytest.param(q, login, answers[i], id=f"{q}-{login}")
        for i, q in enumerate(MINISTRY_QUESTIONS)
        for login, answers in ANSWERS.items()
    ],
)
def test_each_login_gets_its_answer(
    actor_of_login: Callable[[str], Actor], question: str, login: str, expected: bool
) -> None:
    assert ask(question, actor_of_login(login)) is expected


@pytest.mark.parametrize("question", MINISTRY_QUESTIONS)
def test_anonymous_may_do_none_of_it(question: str) -> None:
    assert ask(question, ANONYMOUS) is False


# The journal: who records a document for welfare policy, and who sees its entries in
# full (the private sender's name); everyone else reads the public fields only.
JOURNAL_ANSWERS = {
    "departement": True,
    "velferdspolitikk": True,
    "integrering": False,
    "admin": False,
    "veileder": False,
    "innbygger": False,
}


@pytest.mark.parametrize(("login", "expected"), JOURNAL_ANSWERS.items())
def test_the_departments_staff_journal_and_see_entries_in_full(
    actor_of_login: Callable[[str], Actor], login: str, expected: bool
) -> None:
    actor = actor_of_login(login)
    entry = JournalEntry.objects.filter(department__slug="welfare-policy").first()
    assert policies.ministry.can_record_journal_entry(actor, "welfare-policy") is expected
    assert policies.ministry.can_view_journal_entry_in_full(actor, entry) is expected
    assert policies.ministry.can_change_journal_entry(actor, entry) is expected


def test_anonymous_sees_no_journal_entry_in_full() -> None:
    entry = JournalEntry.objects.first()
    assert not policies.ministry.can_view_journal_entry_in_full(ANONYMOUS, entry)
