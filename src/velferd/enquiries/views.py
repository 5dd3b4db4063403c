"""The public enquiry form and the ministry staff's inbox."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import checked, parse_version, post_or_show
from velferd.core.pagination import paginate
from velferd.core.ratelimit import client_key, hit
from velferd.organisation import selectors as organisation_selectors

from . import selectors, services
from .models import EnquiryStatus


def _submit(request: HttpRequest) -> Any:
    limit, seconds = settings.VELFERD_ENQUIRY_RATE_LIMIT
    hit("enquiry", client_key(request), limit=limit, seconds=seconds)
    data = request.POST
    return services.enquiry_submit(
        actor=actor_for_request(request),
        name=data.get("name", ""),
        email=data.get("email", ""),
        organisation=data.get("organisation", ""),
        subject=data.get("subject", ""),
        text=data.get("text", ""),
        is_press=checked(data, "is_press"),
    )


def enquiry_new(request: HttpRequest) -> HttpResponse:
    """Anyone writes to the Ministry; the answer is a reference number."""

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request, "enquiries/form.html", {"error": error, "form": request.POST if error else {}}
        )

    return post_or_show(
        request,
        lambda: _submit(request),
        lambda enquiry: reverse("enquiry_sent", args=[enquiry.reference]),
        show,
    )


def enquiry_sent(request: HttpRequest, reference: str) -> HttpResponse:
    return render(request, "enquiries/sent.html", {"reference": reference[:20]})


@refusals_as_pages
def inbox(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    department = request.GET.get("department", "")
    status = request.GET.get("status", "")
    overdue = request.GET.get("overdue") == "1"
    query = request.GET.get("q", "")[:100]
    found = selectors.inbox(
        actor=actor, department=department, status=status, overdue=overdue, query=query
    )
    counts = selectors.open_counts(actor=actor)
    page_number = pagination.page_number(request.GET.get("page"))
    return render(
        request,
        "enquiries/inbox.html",
        {
            "page": paginate(found, page=page_number, page_size=50, clamp=True),
            "tabs": [
                (d, counts.get(d.slug)) for d in selectors.departments_visible_to(actor=actor)
            ],
            "department": department,
            "status": status,
            "overdue": overdue,
            "query": query,
            "statuses": EnquiryStatus.choices,
        },
    )


def _act(actor: Actor, enquiry: Any, data: Any) -> Any:
    version = parse_version(data.get("version", ""))
    action = data.get("action")
    if action == "assign":
        return services.enquiry_assign(
            actor=actor, enquiry=enquiry, username=data.get("assignee", ""), version=version
        )
    if action == "reroute":
        return services.enquiry_reroute(
            actor=actor, enquiry=enquiry, department=data.get("department", ""), version=version
        )
    if action == "reply":
        return services.enquiry_reply(
            actor=actor, enquiry=enquiry, text=data.get("reply", ""), version=version
        )
    if action == "close":
        return services.enquiry_close(actor=actor, enquiry=enquiry, version=version)
    raise DomainError(
        code="unknown_action",
        status=400,
        message_nb="Ukjent handling.",
        message_en="Unknown action.",
    )


@refusals_as_pages
def enquiry_detail(request: HttpRequest, enquiry_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enquiry_for(actor=actor, enquiry_id=enquiry_id)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "enquiries/detail.html",
            {
                "e": found,
                "error": error,
                "form": request.POST if error else {},
                "departments": organisation_selectors.departments(),
                "officers": selectors.officers_of(found.department),
                "suggestions": selectors.suggestions_named(found),
            },
        )

    def after(enquiry: Any) -> str:
        if selectors.can_still_see(actor, enquiry):
            return reverse("enquiry", args=[enquiry.pk])
        return reverse("inbox")

    return post_or_show(request, lambda: _act(actor, found, request.POST), after, show)
