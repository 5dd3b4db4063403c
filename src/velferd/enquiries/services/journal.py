"""The Ministry's public mail journal (offentlig journal, offentleglova § 10 and
arkivforskrifta): the enquiries received and the replies sent are journalled as they happen;
case officers journal other documents by hand and mark an exemption from public access with
its legal basis. A private individual's name is kept for staff and withheld from the public,
and screened out of the public title."""

from __future__ import annotations

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _, override

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.policies import ministry as ministry_policies
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.organisation import selectors as organisation_selectors

from ..models import Enquiry, JournalDirection, JournalEntry
from .common import clean, invalid

SCREENED = "*****"
CASE_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9/-]{1,19}$")
NUMBERING_ATTEMPTS = 5


def screen_names(text: str, names: list[str]) -> str:
    """`text` with every word of the names (of two letters or more) screened."""
    for word in {w for name in names for w in re.split(r"[\s,]+", name) if len(w) >= 2}:
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", SCREENED, text, flags=re.IGNORECASE)
    return text


def _numbered(entry: JournalEntry) -> JournalEntry:
    """Save the entry as the next document of its case. Two entries numbered at once in
    one case meet at the unique constraint; the later one takes the next number."""
    for _attempt in range(NUMBERING_ATTEMPTS):
        last = JournalEntry.objects.filter(case_reference=entry.case_reference).aggregate(
            last=Max("document_number")
        )["last"]
        entry.document_number = (last or 0) + 1
        try:
            with transaction.atomic():
                entry.save(force_insert=True)
            return entry
        except IntegrityError:
            continue
    raise invalid(
        "journal_busy",
        "case_reference",
        "Saken fikk et nytt dokument samtidig. Prøv igjen.",
        "The case got another document at the same moment. Try again.",
        status=CONFLICT,
    )


def _audited(actor: Actor, entry: JournalEntry, action: str) -> JournalEntry:
    audit.record(
        actor=actor,
        action=action,
        target=entry,
        after={
            "document": entry.document_reference,
            "direction": entry.direction,
            "exemption": entry.exemption,
        },
    )
    return entry


def _from_enquiry(
    actor: Actor, enquiry: Enquiry, direction: str, title: str, on: datetime.date
) -> JournalEntry:
    private = not enquiry.organisation
    entry = JournalEntry(
        department=enquiry.department,
        case_reference=enquiry.reference,
        journal_date=on if direction == JournalDirection.INCOMING else timezone.localdate(),
        document_date=on,
        direction=direction,
        correspondent=enquiry.organisation or enquiry.name,
        correspondent_is_private=private,
        title=title[:300],
        public_title=screen_names(title, [enquiry.name])[:300],
        enquiry=enquiry,
        recorded_by_label=actor.label,
    )
    return _audited(actor, _numbered(entry), "journal_entry.recorded")


def record_enquiry_received(*, actor: Actor, enquiry: Enquiry) -> JournalEntry:
    """The incoming enquiry, as the first document of its case."""
    received = timezone.localdate(enquiry.received_at)
    return _from_enquiry(actor, enquiry, JournalDirection.INCOMING, enquiry.subject, received)


def record_enquiry_answered(*, actor: Actor, enquiry: Enquiry, provisional: bool) -> JournalEntry:
    """The reply sent, or the provisional answer, titled in Norwegian as the journal is."""
    with override("nb"):
        prefix = _("Provisional reply") if provisional else _("Reply")
    on = enquiry.provisional_reply_on if provisional else None
    title = f"{prefix} – {enquiry.subject}"
    return _from_enquiry(
        actor, enquiry, JournalDirection.OUTGOING, title, on or timezone.localdate()
    )


def move_enquiry_entries(*, enquiry: Enquiry) -> int:
    """A case moved to another department takes its journal entries along."""
    return JournalEntry.objects.filter(enquiry=enquiry).update(department=enquiry.department)


def _exemption(value: str) -> str:
    exemption = clean("exemption", value, "Hjemmelen", "legal basis", required=False)
    if exemption and "§" not in exemption:
        raise invalid(
            "exemption_needs_provision",
            "exemption",
            "Hjemmelen for unntak må vise til en paragraf, f.eks. «Offl. § 13 jf. fvl. § 13».",
            "The legal basis must name a section, e.g. “Offl. § 13 jf. fvl. § 13”.",
        )
    return exemption


def _case_reference(value: str) -> str:
    reference = clean("case_reference", value, "Saksnummeret", "case reference").upper()
    if not CASE_REFERENCE.match(reference):
        raise invalid(
            "invalid_case_reference",
            "case_reference",
            "Saksnummeret kan bare ha bokstaver, sifre, / og -, f.eks. 26/1234.",
            "The case reference can only hold letters, digits, / and -, e.g. 26/1234.",
        )
    return reference


def _journal_date(
    document_date: datetime.date, journalled_on: datetime.date | None
) -> datetime.date:
    """The journal date: today, or the day given; a document is journalled on or after its
    own date, and neither date is ahead."""
    journal_date = journalled_on or timezone.localdate()
    if document_date > timezone.localdate() or journal_date > timezone.localdate():
        raise invalid(
            "date_in_future",
            "document_date",
            "Dokumentdatoen kan ikke være frem i tid.",
            "The document date cannot be ahead.",
        )
    if journal_date < document_date:
        raise invalid(
            "journalled_before_dated",
            "document_date",
            "Et dokument kan ikke journalføres før det er datert.",
            "A document cannot be journalled before its date.",
        )
    return journal_date


@transaction.atomic
def journal_entry_record(
    *,
    actor: Actor,
    department: str,
    case_reference: str,
    direction: str,
    document_date: datetime.date,
    title: str,
    correspondent: str = "",
    correspondent_is_private: bool = False,
    public_title: str = "",
    exemption: str = "",
    journalled_on: datetime.date | None = None,
) -> JournalEntry:
    """Journal a document by hand, as the next document of its case (`journalled_on`, today
    when left out, is for documents journalled earlier elsewhere)."""
    target = organisation_selectors.department(department)
    policies.require(actor, ministry_policies.can_record_journal_entry, target.slug)
    if direction not in JournalDirection.values:
        raise invalid("invalid_direction", "direction", "Ukjent retning.", "Unknown direction.")
    journal_date = _journal_date(document_date, journalled_on)
    title = clean("title", title, "Tittelen", "title")
    correspondent = clean(
        "correspondent",
        correspondent,
        "Avsender/mottaker",
        "correspondent",
        required=direction != JournalDirection.INTERNAL,
    )
    public = (
        clean(
            "public_title", public_title, "Den offentlige tittelen", "public title", required=False
        )
        or title
    )
    names = [correspondent] if correspondent_is_private else []
    entry = JournalEntry(
        department=target,
        case_reference=_case_reference(case_reference),
        journal_date=journal_date,
        document_date=document_date,
        direction=direction,
        correspondent=correspondent,
        correspondent_is_private=correspondent_is_private,
        title=title,
        public_title=screen_names(public, names),
        exemption=_exemption(exemption),
        recorded_by_label=actor.label,
    )
    return _audited(actor, _numbered(entry), "journal_entry.recorded")


@transaction.atomic
def journal_entry_set_exemption(
    *, actor: Actor, entry: JournalEntry, exemption: str, version: int
) -> JournalEntry:
    """Mark the document exempt from public access with its legal basis, or (blank) lift
    the exemption."""
    policies.require(actor, ministry_policies.can_change_journal_entry, entry)
    found = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    found.check_version(version)
    before = {"exemption": found.exemption}
    found.exemption = _exemption(exemption)
    if found.exemption == before["exemption"]:
        raise invalid(
            "exemption_unchanged",
            "exemption",
            "Dokumentet har allerede denne hjemmelen.",
            "The document already has this legal basis.",
        )
    found.bump_version()
    found.save()
    action = "journal_entry.exempted" if found.exemption else "journal_entry.exemption_lifted"
    audit.record(
        actor=actor,
        action=action,
        target=found,
        before=before,
        after={"exemption": found.exemption},
    )
    return found
