"""The audit trail, for administrators."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.pagination import paginate

from . import selectors
from .schemas import ActionFilter, AuditEventList, ChainReportOut

router = Router(tags=["audit"], auth=AUTH)


@router.get("/events", response={200: AuditEventList, **ERRORS})
def list_events(
    request: HttpRequest,
    paging: Query[PageParams],
    action: ActionFilter = "",
    target_type: ActionFilter = "",
) -> Any:
    """Audit events, newest first, optionally of one action or target type."""
    actor = actor_of(request)
    policies.require(actor, policies.can_view_audit_trail)
    events = selectors.audit_events_visible_to(actor=actor, action=action, target_type=target_type)
    page = paginate(events, page=paging.page, page_size=paging.page_size)
    return {
        "items": selectors.readable_events(actor=actor, events=list(page.items)),
        "count": page.count,
    }


@router.get("/verify", response={200: ChainReportOut, **ERRORS})
def verify(request: HttpRequest) -> Any:
    """Walk the hash chain and say whether it is intact, or where it first breaks."""
    policies.require(actor_of(request), policies.can_view_audit_trail)
    return selectors.verify_chain()
