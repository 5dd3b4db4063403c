"""The Ministry's enquiries: anyone submits (rate-limited); ministry staff route, assign,
re-route, answer and close."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Query, Router, Status

from velferd.access import policies
from velferd.access.actor import ANONYMOUS
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import RecordId
from velferd.core.errors import DomainError
from velferd.core.pagination import paginate
from velferd.core.ratelimit import client_key, hit

from . import classifier, selectors, services
from .models import Enquiry
from .schemas import (
    AssignIn,
    DepartmentFilter,
    EnquiryIn,
    EnquiryList,
    EnquiryOut,
    ReceiptOut,
    ReplyIn,
    RerouteIn,
    RouteIn,
    RoutingOut,
    StatusFilter,
    VersionIn,
)

router = Router(tags=["enquiries"])
LIMITED = {**ERRORS, 429: ERRORS[422]}


def enquiry_out(enquiry: Enquiry) -> dict[str, Any]:
    return {
        "id": str(enquiry.pk),
        "reference": enquiry.reference,
        "name": enquiry.name,
        "email": enquiry.email,
        "organisation": enquiry.organisation,
        "is_press": enquiry.is_press,
        "subject": enquiry.subject,
        "text": enquiry.text,
        "received_at": enquiry.received_at,
        "department": enquiry.department.slug,
        "routed_by": enquiry.routed_by,
        "suggested_department": enquiry.suggested_department,
        "confidence": enquiry.confidence,
        "alternatives": enquiry.alternatives,
        "status": enquiry.status,
        "assignee": enquiry.assignee.username if enquiry.assignee else None,
        "deadline": enquiry.deadline,
        "overdue": enquiry.is_overdue,
        "reply": enquiry.reply,
        "version": enquiry.version,
    }


@router.post("", response={201: ReceiptOut, **LIMITED}, auth=None)
def submit(request: HttpRequest, payload: EnquiryIn) -> Any:
    """Send an enquiry to the Ministry; the answer gives its reference number. The sender
    acts as anonymous even with a session cookie: a public route takes no CSRF token, so a
    cookie here could be another site's forged request."""
    limit, seconds = settings.VELFERD_ENQUIRY_RATE_LIMIT
    hit("enquiry", client_key(request), limit=limit, seconds=seconds)
    enquiry = services.enquiry_submit(actor=ANONYMOUS, **payload.dict())
    return Status(
        201,
        {
            "reference": enquiry.reference,
            "received_at": enquiry.received_at,
            "department": enquiry.department.name,
            "deadline": enquiry.deadline,
        },
    )


@router.post("/route", response={200: RoutingOut, **ERRORS}, auth=AUTH)
def route(request: HttpRequest, payload: RouteIn) -> Any:
    """The department a text belongs to, the confidence (0–1) and the two runners-up."""
    policies.require(actor_of(request), policies.can_route_enquiries)
    if not payload.text.strip():
        raise DomainError(
            code="text_required",
            field="text",
            message_nb="Det er ingen tekst å rute.",
            message_en="There is no text to route.",
        )
    return classifier.route(payload.text).as_dict()


@router.get("", response={200: EnquiryList, **ERRORS}, auth=AUTH)
def list_enquiries(
    request: HttpRequest,
    paging: Query[PageParams],
    department: DepartmentFilter = "",
    status: StatusFilter = "",
    overdue: bool = False,
    q: str = "",
) -> Any:
    """The inbox: the enquiries of the caller's departments, the earliest deadline first."""
    found = selectors.inbox(
        actor=actor_of(request), department=department, status=status, overdue=overdue, query=q
    )
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [enquiry_out(e) for e in page.items], "count": page.count}


def _enquiry(request: HttpRequest, enquiry_id: str) -> Enquiry:
    return selectors.enquiry_for(actor=actor_of(request), enquiry_id=enquiry_id)


@router.get("/{enquiry_id}", response={200: EnquiryOut, **ERRORS}, auth=AUTH)
def get_enquiry(request: HttpRequest, enquiry_id: RecordId) -> Any:
    return enquiry_out(_enquiry(request, enquiry_id))


@router.post("/{enquiry_id}/assign", response={200: EnquiryOut, **ERRORS}, auth=AUTH)
def assign(request: HttpRequest, enquiry_id: RecordId, payload: AssignIn) -> Any:
    return enquiry_out(
        services.enquiry_assign(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            username=payload.assignee,
            version=payload.version,
        )
    )


@router.post("/{enquiry_id}/reroute", response={200: EnquiryOut, **ERRORS}, auth=AUTH)
def reroute(request: HttpRequest, enquiry_id: RecordId, payload: RerouteIn) -> Any:
    """Move the enquiry to another department; the correction is kept for training."""
    return enquiry_out(
        services.enquiry_reroute(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            department=payload.department,
            version=payload.version,
        )
    )


@router.post("/{enquiry_id}/reply", response={200: EnquiryOut, **ERRORS}, auth=AUTH)
def reply(request: HttpRequest, enquiry_id: RecordId, payload: ReplyIn) -> Any:
    return enquiry_out(
        services.enquiry_reply(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            text=payload.text,
            version=payload.version,
        )
    )


@router.post("/{enquiry_id}/close", response={200: EnquiryOut, **ERRORS}, auth=AUTH)
def close(request: HttpRequest, enquiry_id: RecordId, payload: VersionIn) -> Any:
    return enquiry_out(
        services.enquiry_close(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            version=payload.version,
        )
    )
