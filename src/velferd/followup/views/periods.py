"""A person's overview for staff, and their follow-up period: starting it, assigning a
caseworker, ending it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from velferd.access import policies, selectors as access_selectors
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import parse_version

from .. import selectors, services
from .people import read_person


@refusals_as_pages
def overview(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.overview(actor=actor, person_id=person_id)
    return render(
        request,
        "followup/overview.html",
        {
            "o": found,
            "can_follow_up": policies.can_follow_up(actor, found.person),
            "can_assign": policies.can_assign_caseworker(actor, found.person),
            "caseworkers": access_selectors.caseworkers_at(found.person.office),
            "error": None,
            "benefits": selectors.benefits_visible(actor=actor, person=found.person),
            "activity_requirement": selectors.activity_requirements_shown(
                actor=actor, person=found.person
            ),
            "individual_plan": selectors.individual_plan_of(found.person),
            "notes": selectors.reminder_notes(actor=actor, person=found.person),
        },
    )


@refusals_as_pages
@require_POST
def period_start(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = read_person(actor, person_id, "period")
    mine = request.POST.get("assign_to_me") and actor.user
    services.period_start(actor=actor, person=person, caseworker=actor.user if mine else None)
    return redirect("person", person_id=person.pk)


@refusals_as_pages
@require_POST
def period_assign(request: HttpRequest, period_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    period = selectors.period_for(actor=actor, period_id=period_id)
    services.period_assign(
        actor=actor,
        period=period,
        caseworker=access_selectors.active_user_named(request.POST.get("caseworker", "")),
        version=parse_version(request.POST.get("version", "")),
    )
    return redirect("person", person_id=period.person_id)


@refusals_as_pages
@require_POST
def period_end(request: HttpRequest, period_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    period = selectors.period_for(actor=actor, period_id=period_id)
    services.period_end(
        actor=actor,
        period=period,
        reason=request.POST.get("reason", ""),
        version=parse_version(request.POST.get("version", "")),
    )
    return redirect("person", person_id=period.person_id)
