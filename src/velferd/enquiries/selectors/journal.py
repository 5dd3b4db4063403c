"""Reading the Ministry's public mail journal: anyone searches it, logged in or not. Each
entry is shown whole to the staff who handle its department's enquiries
(`can_view_journal_entry_in_full`) and by its public fields to everyone else: no private
individual's name, the screened title."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.policies import ministry as ministry_policies
from velferd.audit import services as audit
from velferd.core.errors import not_found
from velferd.core.identifiers import as_uuid
from velferd.organisation import selectors as organisation_selectors

from ..models import JournalDirection, JournalEntry

# The exemptions most often used, offered when marking one (offentleglova chapter 3).
COMMON_EXEMPTIONS = [
    "Offl. § 13 jf. fvl. § 13",
    "Offl. § 14 første ledd",
    "Offl. § 15 første ledd",
    "Offl. § 20 første ledd bokstav c",
    "Offl. § 23 første ledd",
    "Offl. § 24 andre ledd",
]


@dataclass(frozen=True)
class JournalLine:
    """A journal entry as one reader may see it."""

    entry: JournalEntry
    in_full: bool

    @property
    def title(self) -> str:
        return self.entry.title if self.in_full else self.entry.public_title

    @property
    def correspondent(self) -> str:
        """The sender or recipient as shown: a private individual is not named to the
        public."""
        entry = self.entry
        if entry.correspondent_is_private and not self.in_full:
            return _("Private individual")
        return entry.correspondent


def _text_search(actor: Actor, query: str) -> Q:
    """Anyone finds entries by their public title and a named organisation; those who see
    entries in full also by the full title and a private individual's name."""
    public = Q(public_title__icontains=query) | Q(
        correspondent_is_private=False, correspondent__icontains=query
    )
    full = ministry_policies.journal_entries_in_full(actor) & (
        Q(title__icontains=query) | Q(correspondent__icontains=query)
    )
    return public | full


def journal_search(
    *,
    actor: Actor,
    query: str = "",
    reference: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    department: str = "",
    direction: str = "",
) -> QuerySet[JournalEntry]:
    """The journal, newest first: by title, case reference, journal dates (inclusive),
    department and direction."""
    found = JournalEntry.objects.select_related("department", "enquiry")
    if query.strip():
        found = found.filter(_text_search(actor, query.strip()))
    if reference.strip():
        found = found.filter(case_reference__icontains=reference.strip())
    if date_from:
        found = found.filter(journal_date__gte=date_from)
    if date_to:
        found = found.filter(journal_date__lte=date_to)
    if department:
        found = found.filter(department__slug=department)
    if direction:
        if direction not in JournalDirection.values:
            raise not_found(f"retningen «{direction}»", f"direction “{direction}”", "direction")
        found = found.filter(direction=direction)
    return found


def lines_for(actor: Actor, entries: list[JournalEntry]) -> list[JournalLine]:
    return [
        JournalLine(entry, ministry_policies.can_view_journal_entry_in_full(actor, entry))
        for entry in entries
    ]


def journal_entry_for(*, actor: Actor, entry_id: object) -> JournalLine:
    """One journal entry as the actor may see it; reading a private individual's name is
    logged."""
    key = as_uuid(entry_id)
    found = (
        JournalEntry.objects.select_related("department", "enquiry").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise not_found("journalposten", "the journal entry")
    line = JournalLine(found, ministry_policies.can_view_journal_entry_in_full(actor, found))
    if line.in_full and found.correspondent_is_private:
        audit.log_access(
            actor=actor, subject=found, what="journal_entry.correspondent", purpose="journal"
        )
    return line


def journal_entry_to_change(*, actor: Actor, entry_id: object) -> JournalEntry:
    """A journal entry its department's staff are about to change (no read is logged: the
    write is audited)."""
    key = as_uuid(entry_id)
    found = (
        JournalEntry.objects.select_related("department").filter(pk=key).first() if key else None
    )
    if found is None:
        raise not_found("journalposten", "the journal entry")
    policies.require(actor, ministry_policies.can_change_journal_entry, found)
    return found


def journal_departments(*, actor: Actor) -> list[str]:
    """The departments the actor may journal documents for (`can_record_journal_entry`)."""
    return [
        d.slug
        for d in organisation_selectors.departments()
        if ministry_policies.can_record_journal_entry(actor, d.slug)
    ]
