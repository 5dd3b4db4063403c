"""Enquiries, access requests and journal entries for the tests, written through the
services as the public and the case officers write them."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.access.actor import ANONYMOUS, system_actor
from velferd.enquiries import services
from velferd.enquiries.models import Enquiry, EnquiryKind, JournalEntry

SYSTEM = system_actor("tests")
QUESTION = {
    "name": "Mari Moe",
    "email": "mari@example.no",
    "subject": "Sykepenger",
    "text": "Hvor lenge kan jeg få sykepenger når jeg er sykmeldt fra jobben min?",
}


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def an_enquiry(*, received_days_ago: int = 0, **fields: Any) -> Enquiry:
    """An ordinary enquiry from a private person, received `received_days_ago` days ago."""
    return services.enquiry_submit(
        actor=ANONYMOUS, received_at=days_ago(received_days_ago), **{**QUESTION, **fields}
    )


def an_access_request(
    *, entry: JournalEntry | None = None, received_days_ago: int = 0, **fields: Any
) -> Enquiry:
    """An access request, for a journal entry when one is given."""
    return services.enquiry_submit(
        actor=ANONYMOUS,
        kind=EnquiryKind.ACCESS_REQUEST,
        journal_entry=str(entry.pk) if entry else None,
        received_at=days_ago(received_days_ago),
        **{
            **QUESTION,
            "subject": "Innsynskrav",
            "text": "Jeg ber om innsyn i brevet.",
            **fields,
        },
    )


def a_journal_entry(**fields: Any) -> JournalEntry:
    """A document journalled by hand for the welfare policy department."""
    defaults: dict[str, Any] = {
        "department": "welfare-policy",
        "case_reference": "26/9001",
        "direction": "incoming",
        "document_date": timezone.localdate(),
        "title": "Brev om arbeidsavklaringspenger",
        "correspondent": "NHO",
    }
    return services.journal_entry_record(actor=SYSTEM, **{**defaults, **fields})
