from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.pagination import paginate

from . import selectors


@refusals_as_pages
def events(request: HttpRequest) -> HttpResponse:
    """The audit trail, newest first, with the state of the hash chain."""
    actor = actor_for_request(request)
    policies.require(actor, policies.can_view_audit_trail)
    page_number = pagination.page_number(request.GET.get("page"))
    page = paginate(
        selectors.audit_events_visible_to(actor=actor), page=page_number, page_size=50, clamp=True
    )
    report = selectors.verify_chain() if request.GET.get("verify") else None
    events = selectors.readable_events(actor=actor, events=list(page.items))
    return render(request, "audit/events.html", {"page": page, "events": events, "report": report})
