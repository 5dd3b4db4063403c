"""Individual plans: a partner's list of the plans their service takes part in, and a plan
with its members, coordinator, goals and measures."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import parse_date, parse_version, post_or_show
from velferd.core.lifecycles import unknown_action

from .. import selectors, services
from ..models import PLAN_SERVICES


@refusals_as_pages
def plans_page(request: HttpRequest) -> HttpResponse:
    """For a partner: the individual plans their service takes part in."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    return render(
        request, "followup/plans.html", {"plans": selectors.plans_for_partner(actor=actor)}
    )


def _plan_action(actor: Actor, plan: Any, data: Any) -> Any:
    action = data.get("action")
    if action == "measure":
        return services.plan_measure_add(
            actor=actor,
            plan=plan,
            text=data.get("text", ""),
            responsible_service=data.get("responsible_service", ""),
            deadline=parse_date(data.get("deadline", ""), "deadline") or _missing_deadline(),
        )
    if action == "done":
        measure = selectors.measure_for(actor=actor, measure_id=data.get("measure", ""))
        return services.plan_measure_done(actor=actor, measure=measure)
    if action == "goals":
        return services.plan_goals_update(
            actor=actor,
            plan=plan,
            goals=data.get("goals", ""),
            version=parse_version(data.get("version", "")),
        )
    if action == "member":
        return services.plan_member_add(actor=actor, plan=plan, service=data.get("service", ""))
    if action == "coordinator":
        return services.plan_set_coordinator(
            actor=actor,
            plan=plan,
            service=data.get("service", ""),
            version=parse_version(data.get("version", "")),
        )
    raise unknown_action()


def _missing_deadline() -> Any:
    raise DomainError(
        code="deadline_required",
        field="deadline",
        message_nb="Frist mangler.",
        message_en="The deadline is missing.",
    )


@refusals_as_pages
def plan_page(request: HttpRequest, plan_id: str) -> HttpResponse:
    """An individual plan: members, the coordinator, goals and measures."""
    actor = actor_for_request(request)
    plan = selectors.individual_plan_for(actor=actor, plan_id=plan_id)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/plan.html",
            {
                "plan": plan,
                "error": error,
                "form": request.POST if error else {},
                "today": timezone.localdate(),
                "may_change": policies.can_change_individual_plan(actor, plan),
                "may_manage": policies.can_manage_plan_members(actor, plan),
                "services": sorted(PLAN_SERVICES),
            },
        )

    return post_or_show(
        request,
        lambda: _plan_action(actor, plan, request.POST),
        lambda _: reverse("plan", args=[plan.pk]),
        show,
    )
