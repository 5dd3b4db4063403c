"""Each list filter of the Ministry's policies answers as its predicate does, for every
demo login and anonymous, on the demo's rows and on rows of every department built here."""

from __future__ import annotations

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.policies import ministry
from velferd.core.testing import filter_disagreements, login_actor
from velferd.enquiries.models import Enquiry, JournalEntry

from .factories import a_journal_entry, an_access_request

pytestmark = pytest.mark.django_db

LOGINS = ["departement", "velferdspolitikk", "integrering", "admin", "veileder", "innbygger"]


@pytest.fixture
def actors() -> list[Actor]:
    for number, slug in enumerate(["integration", "pension", "welfare-policy"]):
        entry = a_journal_entry(department=slug, case_reference=f"26/40{number}")
        an_access_request(entry=entry)
    return [ANONYMOUS, *(login_actor(login) for login in LOGINS)]


def test_enquiries_handled_agrees_with_can_handle_enquiry(actors: list[Actor]) -> None:
    rows = Enquiry.objects.select_related("department")
    assert (
        filter_disagreements(rows, ministry.can_handle_enquiry, ministry.enquiries_handled, actors)
        == []
    )


def test_journal_entries_in_full_agrees_with_its_predicate(actors: list[Actor]) -> None:
    rows = JournalEntry.objects.select_related("department")
    assert (
        filter_disagreements(
            rows,
            ministry.can_view_journal_entry_in_full,
            ministry.journal_entries_in_full,
            actors,
        )
        == []
    )


def test_journal_entries_changeable_agrees_with_can_change_journal_entry(
    actors: list[Actor],
) -> None:
    rows = JournalEntry.objects.select_related("department")
    assert (
        filter_disagreements(
            rows, ministry.can_change_journal_entry, ministry.journal_entries_changeable, actors
        )
        == []
    )
