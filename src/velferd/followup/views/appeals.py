"""Appeals against a §14a decision, for the office: registering one for the person, the
office's list of appeals, and one appeal with the moves of its preparation (uphold it and
make a new decision, or send it on to NAV Klageinstans)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import parse_date, parse_version, post_or_show

from .. import appeal_selectors, lifecycles, selectors, services
from ..models import AppealStatus


@refusals_as_pages
def appeal_new(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """Register an appeal for the person against a sent decision (one that came by letter,
    by phone or at the office), with the day it came in."""
    actor = actor_for_request(request)
    decision = selectors.assessment_for(actor=actor, assessment_id=assessment_id)
    policies.require(actor, policies.can_follow_up, decision.person)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/appeal_form.html",
            {"a": decision, "error": error, "form": request.POST or {}},
        )

    return post_or_show(
        request,
        lambda: services.appeal_register(
            actor=actor,
            decision=decision,
            grounds=request.POST.get("grounds", ""),
            received_on=parse_date(request.POST.get("received_on", ""), "received_on"),
        ),
        lambda appeal: reverse("appeal", args=[appeal.pk]),
        show,
    )


def _appeal_move(actor: Actor, appeal: Any, data: Any) -> Any:
    """One of the moves lifecycles.APPEAL declares (else unknown_action), by its service."""
    move = lifecycles.APPEAL.move(data.get("action", ""))
    return lifecycles.APPEAL.service_for(move.name)(
        actor=actor,
        appeal=appeal,
        version=parse_version(data.get("version", "")),
        **{name: data.get(name, "") for name in move.inputs},
    )


@refusals_as_pages
def appeal(request: HttpRequest, appeal_id: str) -> HttpResponse:
    """One appeal: what the person wrote, the deadline and whether it came late, and the
    office's preparation of it."""
    actor = actor_for_request(request)
    found = appeal_selectors.appeal_for(actor=actor, appeal_id=appeal_id)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/appeal.html",
            {
                "appeal": found,
                "error": error,
                "form": request.POST if error else {},
                "can_prepare": policies.can_prepare_appeal(actor, found)
                and found.status == AppealStatus.RECEIVED,
            },
        )

    return post_or_show(
        request,
        lambda: _appeal_move(actor, found, request.POST),
        lambda _: reverse("appeal", args=[found.pk]),
        show,
    )


@refusals_as_pages
def appeals(request: HttpRequest) -> HttpResponse:
    """The office's appeals: those the caseworker may prepare, the ones still being prepared
    first (oldest first), then the ones done."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if not actor.office_ids(*policies.CASEWORKERS):
        raise forbidden()
    return render(
        request,
        "followup/appeals.html",
        {
            "open": appeal_selectors.appeals_to_prepare(
                actor=actor, statuses=(AppealStatus.RECEIVED,)
            ),
            "done": appeal_selectors.appeals_to_prepare(
                actor=actor, statuses=(AppealStatus.UPHELD, AppealStatus.FORWARDED)
            ).reverse()[:100],
        },
    )
