"""The public enquiry form (an enquiry or an access request, from a journal entry too) and
the ministry staff's inbox and case page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy

from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import (
    FormErrors,
    checked,
    parse_date,
    parse_version,
    post_form,
    post_or_show,
)
from velferd.core.pagination import paginate
from velferd.core.ratelimit import client_key, hit
from velferd.organisation import selectors as organisation_selectors

from .. import selectors, services
from ..models import AccessOutcome, EnquiryKind, EnquiryStatus
from ..services.common import clean

FLAGS = [
    ("deemed_refused", gettext_lazy("Deemed refused – may be appealed")),
    ("provisional_reply_due", gettext_lazy("Provisional reply due")),
]


# The form's text fields in the order shown: name, Norwegian and English wording, required.
SENDER_AND_ENQUIRY = (
    ("name", "Navnet", "name", True),
    ("email", "E-postadressen", "e-mail address", True),
    ("organisation", "Organisasjonen", "organisation", False),
    ("subject", "Emnet", "subject", True),
    ("text", "Teksten", "text", True),
)


def _read_enquiry(errors: FormErrors, data: Any) -> None:
    """Every field the sender must fill in, checked before the enquiry is sent."""
    for field, nb, en, required in SENDER_AND_ENQUIRY:
        errors.check(clean, field, data.get(field, ""), nb, en, required=required)
    if not errors.get("email"):
        errors.check(_valid_email, data.get("email", "").strip())


def _valid_email(email: str) -> None:
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(
            code="invalid_email",
            field="email",
            message_nb="E-postadressen er ikke gyldig.",
            message_en="The e-mail address is not valid.",
        ) from None


def _submit(request: HttpRequest) -> Any:
    """Send the enquiry; only one that is received counts against the address's limit."""
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
        kind=data.get("kind", EnquiryKind.ORDINARY),
        journal_entry=data.get("journal_entry") or None,
    )


def _requested_entry(request: HttpRequest) -> selectors.JournalLine | None:
    """The journal entry an access request is made from (`?entry=`), as the public sees it."""
    entry_id = request.POST.get("journal_entry") or request.GET.get("entry")
    if not entry_id:
        return None
    try:
        return selectors.journal_entry_for(actor=actor_for_request(request), entry_id=entry_id)
    except DomainError:
        return None


def _prefilled(line: selectors.JournalLine | None) -> dict[str, str]:
    if line is None:
        return {}
    entry = line.entry
    return {
        "kind": EnquiryKind.ACCESS_REQUEST,
        "subject": _("Access request: %(document)s %(title)s")
        % {"document": entry.document_reference, "title": line.title},
        "text": _("I ask for access to document %(document)s in the public journal: %(title)s.")
        % {"document": entry.document_reference, "title": line.title},
    }


def enquiry_new(request: HttpRequest) -> HttpResponse:
    """Anyone writes to the Ministry, or asks for access to its documents; the answer is a
    reference number."""
    entry = _requested_entry(request)

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "enquiries/form.html",
            {
                "errors": errors,
                "form": request.POST if errors else _prefilled(entry),
                "entry": entry,
                "kinds": EnquiryKind.choices,
            },
        )

    return post_form(
        request,
        read=lambda errors: _read_enquiry(errors, request.POST),
        save=lambda _: _submit(request),
        success=_sent_page,
        show=show,
    )


def _sent_page(enquiry: Any) -> str:
    page = reverse("enquiry_sent", args=[enquiry.reference])
    return f"{page}?kind={enquiry.kind}" if enquiry.is_access_request else page


def enquiry_sent(request: HttpRequest, reference: str) -> HttpResponse:
    """The receipt; an access request's tells when the requester may appeal."""
    access_request = request.GET.get("kind") == EnquiryKind.ACCESS_REQUEST
    return render(
        request,
        "enquiries/sent.html",
        {"reference": reference[:20], "access_request": access_request},
    )


@refusals_as_pages
def inbox(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    filters = {
        "department": request.GET.get("department", ""),
        "status": request.GET.get("status", ""),
        "kind": request.GET.get("kind", ""),
        "flag": request.GET.get("flag", ""),
    }
    overdue = request.GET.get("overdue") == "1"
    query = request.GET.get("q", "")[:100]
    found = selectors.inbox(actor=actor, overdue=overdue, query=query, **filters)
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
            **filters,
            "overdue": overdue,
            "query": query,
            "statuses": EnquiryStatus.choices,
            "kinds": EnquiryKind.choices,
            "flags": FLAGS,
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
            actor=actor,
            enquiry=enquiry,
            text=data.get("reply", ""),
            version=version,
            access_outcome=data.get("access_outcome", ""),
            legal_basis=data.get("legal_basis", ""),
        )
    if action == "provisional_reply":
        return services.enquiry_provisional_reply(
            actor=actor,
            enquiry=enquiry,
            text=data.get("provisional_reply", ""),
            sent_on=parse_date(data.get("provisional_reply_on", ""), "provisional_reply_on"),
            version=version,
        )
    if action == "appeal":
        return services.access_request_appeal(
            actor=actor,
            enquiry=enquiry,
            text=data.get("appeal", ""),
            appealed_on=parse_date(data.get("appealed_on", ""), "appealed_on"),
            version=version,
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
                "outcomes": AccessOutcome.choices,
                "exemptions": selectors.COMMON_EXEMPTIONS,
            },
        )

    def after(enquiry: Any) -> str:
        if selectors.can_still_see(actor, enquiry):
            return reverse("enquiry", args=[enquiry.pk])
        return reverse("inbox")

    return post_or_show(request, lambda: _act(actor, found, request.POST), after, show)
