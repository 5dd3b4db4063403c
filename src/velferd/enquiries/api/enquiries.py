"""The Ministry's enquiries and access requests: anyone submits (rate-limited); ministry
staff route, assign, re-route, answer, record a provisional reply or an appeal, and close."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Query, Status

from velferd.access import policies
from velferd.access.actor import ANONYMOUS
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import RecordId
from velferd.core.errors import DomainError
from velferd.core.pagination import paginate
from velferd.core.ratelimit import client_key, hit, only_accepted

from .. import classifier, selectors, services
from ..models import Enquiry
from ..schemas import (
    AccessAppealIn,
    AssignIn,
    DepartmentFilter,
    EnquiryIn,
    EnquiryList,
    EnquiryOut,
    FlagFilter,
    KindFilter,
    ProvisionalReplyIn,
    ReceiptOut,
    ReplyIn,
    RerouteIn,
    RouteIn,
    RoutingOut,
    StatusFilter,
    VersionIn,
)
from .router import LIMITED, operation, router


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
        "kind": enquiry.kind,
        "journal_entry": str(enquiry.journal_entry_id) if enquiry.journal_entry_id else None,
        "provisional_reply_by": enquiry.provisional_reply_by,
        "provisional_reply": enquiry.provisional_reply,
        "provisional_reply_on": enquiry.provisional_reply_on,
        "needs_provisional_reply": enquiry.needs_provisional_reply,
        "deemed_refused_after": enquiry.deemed_refused_after,
        "deemed_refused": enquiry.is_deemed_refused,
        "may_be_appealed": enquiry.may_be_appealed,
        "access_outcome": enquiry.access_outcome,
        "legal_basis": enquiry.legal_basis,
        "appealed_on": enquiry.appealed_on,
        "appeal": enquiry.appeal,
        "version": enquiry.version,
    }


@router.post("", response={201: ReceiptOut, **LIMITED}, auth=None, operation_id=operation("submit"))
def submit(request: HttpRequest, payload: EnquiryIn) -> Any:
    """Send an enquiry to the Ministry; the answer gives its reference number. The sender
    acts as anonymous even with a session cookie: a public route takes no CSRF token, so a
    cookie here could be another site's forged request."""
    limit, seconds = settings.VELFERD_ENQUIRY_RATE_LIMIT
    # Only an enquiry received uses up the address's limit, as on the page.
    with only_accepted():
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


@router.post(
    "/route", response={200: RoutingOut, **ERRORS}, auth=AUTH, operation_id=operation("route")
)
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


@router.get(
    "", response={200: EnquiryList, **ERRORS}, auth=AUTH, operation_id=operation("list_enquiries")
)
def list_enquiries(
    request: HttpRequest,
    paging: Query[PageParams],
    department: DepartmentFilter = "",
    status: StatusFilter = "",
    overdue: bool = False,
    kind: KindFilter = "",
    flag: FlagFilter = "",
    q: str = "",
) -> Any:
    """The inbox: the enquiries of the caller's departments, the earliest deadline first."""
    # `flag` picks the access requests deemed refused (offentleglova § 32 third paragraph)
    # or the enquiries whose provisional reply is due (forvaltningsloven § 11a).
    found = selectors.inbox(
        actor=actor_of(request),
        department=department,
        status=status,
        overdue=overdue,
        query=q,
        kind=kind,
        flag=flag,
    )
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [enquiry_out(e) for e in page.items], "count": page.count}


def _enquiry(request: HttpRequest, enquiry_id: str) -> Enquiry:
    return selectors.enquiry_for(actor=actor_of(request), enquiry_id=enquiry_id)


@router.get(
    "/{enquiry_id}",
    response={200: EnquiryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_enquiry"),
)
def get_enquiry(request: HttpRequest, enquiry_id: RecordId) -> Any:
    return enquiry_out(_enquiry(request, enquiry_id))


@router.post(
    "/{enquiry_id}/assign",
    response={200: EnquiryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("assign"),
)
def assign(request: HttpRequest, enquiry_id: RecordId, payload: AssignIn) -> Any:
    return enquiry_out(
        services.enquiry_assign(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            username=payload.assignee,
            version=payload.version,
        )
    )


@router.post(
    "/{enquiry_id}/reroute",
    response={200: EnquiryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("reroute"),
)
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


@router.post(
    "/{enquiry_id}/reply",
    response={200: EnquiryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("reply"),
)
def reply(request: HttpRequest, enquiry_id: RecordId, payload: ReplyIn) -> Any:
    return enquiry_out(
        services.enquiry_reply(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            text=payload.text,
            version=payload.version,
            access_outcome=payload.access_outcome,
            legal_basis=payload.legal_basis,
        )
    )


@router.post(
    "/{enquiry_id}/close",
    response={200: EnquiryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("close"),
)
def close(request: HttpRequest, enquiry_id: RecordId, payload: VersionIn) -> Any:
    return enquiry_out(
        services.enquiry_close(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            version=payload.version,
        )
    )


@router.post(
    "/{enquiry_id}/provisional-reply",
    response={200: EnquiryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("provisional_reply"),
)
def provisional_reply(
    request: HttpRequest, enquiry_id: RecordId, payload: ProvisionalReplyIn
) -> Any:
    """Record the provisional reply sent to an ordinary enquiry that cannot be answered
    within a month (forvaltningsloven § 11a third paragraph); it is journalled."""
    return enquiry_out(
        services.enquiry_provisional_reply(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            text=payload.text,
            sent_on=payload.sent_on,
            version=payload.version,
        )
    )


@router.post(
    "/{enquiry_id}/appeal",
    response={200: EnquiryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("appeal"),
)
def appeal(request: HttpRequest, enquiry_id: RecordId, payload: AccessAppealIn) -> Any:
    """Register the appeal of an access request refused, or deemed refused when it was not
    answered within five working days (offentleglova § 32)."""
    return enquiry_out(
        services.access_request_appeal(
            actor=actor_of(request),
            enquiry=_enquiry(request, enquiry_id),
            text=payload.text,
            appealed_on=payload.appealed_on,
            version=payload.version,
        )
    )
