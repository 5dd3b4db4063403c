"""The activity pages the person shares with the office: a new activity, and an activity
with its history, its comments and the moves made from its page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import checked, parse_date, parse_datetime, parse_version, post_or_show

from .. import lifecycles, selectors, services
from ..models import ActivityKind
from .people import person_url, read_person


def _activity_fields(data: Any, may_agree: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "kind": data.get("kind", ""),
        "title": data.get("title", ""),
        "description": data.get("description", ""),
        "starts_on": parse_date(data.get("starts_on", ""), "starts_on"),
        "ends_on": parse_date(data.get("ends_on", ""), "ends_on"),
        "meeting_at": parse_datetime(data.get("meeting_at", ""), "meeting_at"),
    }
    if may_agree:
        fields["agreed_with_office"] = checked(data, "agreed_with_office")
    return fields


@refusals_as_pages
def activity_new(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = read_person(actor, person_id, "activity_plan")
    policies.require(actor, policies.can_take_part_in_plan, person)
    by_person = policies.is_the_person(actor, person)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/activity_form.html",
            {
                "person": person,
                "error": error,
                "form": request.POST or {},
                "kinds": ActivityKind.choices,
                "by_person": by_person,
            },
        )

    return post_or_show(
        request,
        lambda: services.activity_create(
            actor=actor,
            person=person,
            **_activity_fields(request.POST, policies.can_agree_activity(actor, person)),
        ),
        lambda _: person_url(person, actor),
        show,
    )


def _activity_action(actor: Actor, activity: Any, data: Any) -> Any:
    action = data.get("action", "")
    if action == "comment":
        return services.activity_comment(actor=actor, activity=activity, text=data.get("text", ""))
    version = parse_version(data.get("version", ""))
    if action == "save":
        may_agree = policies.can_agree_activity(actor, activity.person)
        return services.activity_update(
            actor=actor, activity=activity, version=version, **_activity_fields(data, may_agree)
        )
    # Any other action is one of the moves lifecycles.ACTIVITY declares (else unknown_action).
    move = lifecycles.ACTIVITY.move(action)
    return services.activity_transition(
        actor=actor, activity=activity, version=version, status=move.target
    )


@refusals_as_pages
def activity(request: HttpRequest, activity_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.activity_for(actor=actor, activity_id=activity_id)

    def show(error: DomainError | None) -> HttpResponse:
        by_person = policies.is_the_person(actor, found.person)
        return render(
            request,
            "followup/activity.html",
            {
                "activity": found,
                "history": selectors.history_of(found),
                "error": error,
                "form": request.POST if error else {},
                "kinds": ActivityKind.choices,
                "by_person": by_person,
                "may_edit": policies.can_change_activity(actor, found) and not found.is_locked,
                "may_comment": policies.can_take_part_in_plan(actor, found.person),
                "back": person_url(found.person, actor),
            },
        )

    return post_or_show(
        request,
        lambda: _activity_action(actor, found, request.POST),
        lambda _: reverse("activity", args=[found.pk]),
        show,
    )
