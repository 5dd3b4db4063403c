"""Applying for a subsidy, and the subsidy page where the advisor decides it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import parse_version

from .. import lifecycles, selectors, services
from .enterprise_page import post_on_enterprise_page


@refusals_as_pages
@require_POST
def subsidy_apply(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_apply_for_subsidy, found)
    return post_on_enterprise_page(
        request,
        actor,
        found,
        "subsidy",
        lambda: services.subsidy_apply(
            actor=actor,
            enterprise=found,
            purpose=request.POST.get("purpose", ""),
            amount=request.POST.get("amount", ""),
        ),
        "subsidies",
    )


def _subsidy_action(actor: Actor, found: Any, data: Any) -> Any:
    """The move the button names (`action`), with what its form holds."""
    version = parse_version(data.get("version", ""))
    move = lifecycles.SUBSIDY.move(data.get("action") or "")
    given = lifecycles.arguments(move, data)
    if "amount" in given:
        # No amount grants all that was applied for.
        given["amount"] = given["amount"].strip() or None
    service = lifecycles.SUBSIDY.service_for(move.name)
    return service(actor=actor, subsidy=found, version=version, **given)


@refusals_as_pages
def subsidy(request: HttpRequest, subsidy_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.subsidy_for(actor=actor, subsidy_id=subsidy_id)
    error = None
    if request.method == "POST":
        policies.require(actor, policies.can_decide_subsidy, found.enterprise)
        try:
            _subsidy_action(actor, found, request.POST)
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
            found.refresh_from_db()
        else:
            return redirect("employers:subsidy", subsidy_id=found.pk)
    moves = {move.name for move in lifecycles.allowed(lifecycles.SUBSIDY, found.status)}
    return render(
        request,
        "employers/subsidy.html",
        {
            "g": found,
            "can_decide": policies.can_decide_subsidy(actor, found.enterprise),
            "moves": moves,
            "can_grant": "grant" in moves,
            "error": error,
            "form": request.POST if error else {},
        },
        status=error.status if error else 200,
    )
