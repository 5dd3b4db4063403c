"""Starting a cooperation and its lifecycle buttons."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import parse_version

from .. import lifecycles, selectors, services
from .enterprise_page import post_on_enterprise_page


@refusals_as_pages
@require_POST
def cooperation_start(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_advise_enterprise, found)
    return post_on_enterprise_page(
        request,
        actor,
        found,
        "start",
        lambda: services.cooperation_start(
            actor=actor, enterprise=found, comment=request.POST.get("comment", "")
        ),
        "cooperation",
    )


@refusals_as_pages
@require_POST
def cooperation_move(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    """A lifecycle button: `move` names the transition; closing ones carry a reason."""
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    move = lifecycles.COOPERATION.move(request.POST.get("move", ""))
    service = lifecycles.COOPERATION.service_for(move.name)

    def act() -> Any:
        return service(
            actor=actor,
            cooperation=cooperation,
            version=parse_version(request.POST.get("version", "")),
            **lifecycles.arguments(move, request.POST),
        )

    return post_on_enterprise_page(
        request, actor, cooperation.enterprise, move.name, act, "cooperation"
    )
