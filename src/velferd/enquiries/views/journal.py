"""The public mail journal's pages: the search, open to anyone; one entry, from which
anyone asks for access; journalling a document by hand, for the department's staff."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import (
    checked,
    parse_date,
    parse_typed_date,
    parse_version,
    post_or_show,
    shown_date,
)
from velferd.core.pagination import paginate
from velferd.organisation import selectors as organisation_selectors

from .. import selectors, services
from ..models import JournalDirection

SEARCH_FIELDS = ("q", "reference", "date_from", "date_to", "department", "direction")


def _dates(params: dict[str, str]) -> tuple[datetime.date | None, datetime.date | None]:
    return (
        parse_typed_date(params["date_from"], "date_from"),
        parse_typed_date(params["date_to"], "date_to"),
    )


def journal(request: HttpRequest) -> HttpResponse:
    """Anyone searches the journal: by title, case reference, journal dates, department."""
    actor = actor_for_request(request)
    params = {name: request.GET.get(name, "")[:200] for name in SEARCH_FIELDS}
    error = None
    try:
        date_from, date_to = _dates(params)
        params["date_from"] = shown_date(date_from, params["date_from"])
        params["date_to"] = shown_date(date_to, params["date_to"])
        found = selectors.journal_search(
            actor=actor,
            query=params["q"],
            reference=params["reference"][:20],
            date_from=date_from,
            date_to=date_to,
            department=params["department"],
            direction=params["direction"],
        )
    except DomainError as refused:
        error, found = refused, selectors.journal_search(actor=actor).none()
    page = paginate(
        found, page=pagination.page_number(request.GET.get("page")), page_size=25, clamp=True
    )
    return render(
        request,
        "enquiries/journal.html",
        {
            "page": page,
            "lines": selectors.lines_for(actor, list(page.items)),
            "params": params,
            "error": error,
            "departments": organisation_selectors.departments(),
            "directions": JournalDirection.choices,
            "may_record": bool(selectors.journal_departments(actor=actor)),
            "search": "&".join(f"{k}={v}" for k, v in params.items() if v),
        },
    )


@refusals_as_pages
def journal_entry(request: HttpRequest, entry_id: str) -> HttpResponse:
    """One entry; its department's staff see it in full and mark or lift an exemption."""
    actor = actor_for_request(request)
    line = selectors.journal_entry_for(actor=actor, entry_id=entry_id)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "enquiries/journal_entry.html",
            {
                "line": line,
                "e": line.entry,
                "error": error,
                "form": request.POST if error else {},
                "exemptions": selectors.COMMON_EXEMPTIONS,
            },
        )

    def exempt() -> Any:
        entry = selectors.journal_entry_to_change(actor=actor, entry_id=entry_id)
        return services.journal_entry_set_exemption(
            actor=actor,
            entry=entry,
            exemption=request.POST.get("exemption", ""),
            version=parse_version(request.POST.get("version", "")),
        )

    return post_or_show(
        request, exempt, lambda entry: reverse("journal_entry", args=[entry.pk]), show
    )


def _record(request: HttpRequest) -> Any:
    data = request.POST
    document_date = parse_date(data.get("document_date", ""), "document_date")
    if document_date is None:
        raise DomainError(
            code="document_date_required",
            field="document_date",
            message_nb="Dokumentdatoen mangler.",
            message_en="The document date is missing.",
        )
    return services.journal_entry_record(
        actor=actor_for_request(request),
        department=data.get("department", ""),
        case_reference=data.get("case_reference", ""),
        direction=data.get("direction", ""),
        document_date=document_date,
        title=data.get("title", ""),
        correspondent=data.get("correspondent", ""),
        correspondent_is_private=checked(data, "correspondent_is_private"),
        public_title=data.get("public_title", ""),
        exemption=data.get("exemption", ""),
    )


@refusals_as_pages
def journal_entry_new(request: HttpRequest) -> HttpResponse:
    """A case officer journals a document of their department by hand."""
    actor = actor_for_request(request)
    slugs = selectors.journal_departments(actor=actor)
    if not slugs:
        raise forbidden() if actor.is_authenticated else policies.not_authenticated()

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "enquiries/journal_new.html",
            {
                "error": error,
                "form": request.POST if error else {},
                "departments": [d for d in organisation_selectors.departments() if d.slug in slugs],
                "directions": JournalDirection.choices,
                "exemptions": selectors.COMMON_EXEMPTIONS,
            },
        )

    return post_or_show(
        request, lambda: _record(request), lambda e: reverse("journal_entry", args=[e.pk]), show
    )
