"""The public mail journal: anyone searches it and reads an entry's public fields; the
staff who handle a department's enquiries see its entries in full, journal documents by
hand and mark an exemption from public access."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import RecordId
from velferd.core.pagination import paginate

from .. import selectors, services
from ..schemas import (
    DepartmentFilter,
    DirectionFilter,
    ExemptionIn,
    JournalEntryIn,
    JournalEntryOut,
    JournalList,
    ReferenceFilter,
)
from .router import operation, router

ENTRIES = "/journal/entries"


def journal_entry_out(line: selectors.JournalLine) -> dict[str, Any]:
    entry = line.entry
    return {
        "id": str(entry.pk),
        "department": entry.department.slug,
        "case_reference": entry.case_reference,
        "document_number": entry.document_number,
        "journal_date": entry.journal_date,
        "document_date": entry.document_date,
        "direction": entry.direction,
        "correspondent": line.correspondent,
        "correspondent_is_private": entry.correspondent_is_private,
        "title": line.title,
        "exemption": entry.exemption,
        "in_full": line.in_full,
        "enquiry": str(entry.enquiry_id) if line.in_full and entry.enquiry_id else None,
        "version": entry.version,
    }


@router.get(
    ENTRIES,
    response={200: JournalList, **ERRORS},
    auth=None,
    operation_id=operation("list_journal_entries"),
)
def list_journal_entries(
    request: HttpRequest,
    paging: Query[PageParams],
    q: str = "",
    reference: ReferenceFilter = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    department: DepartmentFilter = "",
    direction: DirectionFilter = "",
) -> Any:
    """The Ministry's public mail journal (offentleglova § 10), newest first: by title
    (`q`), case reference, journal dates from and to (inclusive), department, direction.
    Open to anyone; a private individual is never named to the public."""
    actor = actor_of(request)
    found = selectors.journal_search(
        actor=actor,
        query=q[:200],
        reference=reference[:20],
        date_from=date_from,
        date_to=date_to,
        department=department,
        direction=direction,
    )
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    lines = selectors.lines_for(actor, list(page.items))
    return {"items": [journal_entry_out(line) for line in lines], "count": page.count}


@router.get(
    ENTRIES + "/{entry_id}",
    response={200: JournalEntryOut, **ERRORS},
    auth=None,
    operation_id=operation("get_journal_entry"),
)
def get_journal_entry(request: HttpRequest, entry_id: RecordId) -> Any:
    return journal_entry_out(
        selectors.journal_entry_for(actor=actor_of(request), entry_id=entry_id)
    )


@router.post(
    ENTRIES,
    response={201: JournalEntryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("record_journal_entry"),
)
def record_journal_entry(request: HttpRequest, payload: JournalEntryIn) -> Any:
    """Journal a document by hand as the next document of its case."""
    actor = actor_of(request)
    entry = services.journal_entry_record(actor=actor, **payload.dict())
    return Status(201, journal_entry_out(selectors.JournalLine(entry, in_full=True)))


@router.post(
    ENTRIES + "/{entry_id}/exemption",
    response={200: JournalEntryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("set_journal_exemption"),
)
def set_journal_exemption(request: HttpRequest, entry_id: RecordId, payload: ExemptionIn) -> Any:
    """Mark the document exempt from public access with its legal basis (e.g. "Offl. § 13
    jf. fvl. § 13"), or lift the exemption with a blank one."""
    actor = actor_of(request)
    entry = services.journal_entry_set_exemption(
        actor=actor,
        entry=selectors.journal_entry_to_change(actor=actor, entry_id=entry_id),
        exemption=payload.exemption,
        version=payload.version,
    )
    return journal_entry_out(selectors.JournalLine(entry, in_full=True))
