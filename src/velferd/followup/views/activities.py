"""The activity pages the person shares with the office: a new activity, and an activity
with its history, its comments and the moves made from its page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import (
    FormErrors,
    checked,
    parse_date,
    parse_datetime,
    parse_version,
    post_form,
    post_or_show,
)
from velferd.core.validation import required_text

from .. import lifecycles, selectors, services
from ..models import ActivityKind
from .people import person_url, read_person


def _activity_fields(data: Any, may_agree: bool, errors: FormErrors) -> dict[str, Any]:
    """The activity's fields as the services take them, each refusal kept in `errors`."""
    fields: dict[str, Any] = {
        "kind": data.get("kind", ""),
        "title": errors.check(required_text, data.get("title"), "title", "Tittel", "title", 200),
        "description": data.get("description", ""),
        "starts_on": errors.check(parse_date, data.get("starts_on", ""), "starts_on"),
        "ends_on": errors.check(parse_date, data.get("ends_on", ""), "ends_on"),
        "meeting_at": errors.check(parse_datetime, data.get("meeting_at", ""), "meeting_at"),
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

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "followup/activity_form.html",
            {
                "person": person,
                "errors": errors,
                "form": request.POST or {},
                "kinds": ActivityKind.choices,
                "by_person": by_person,
            },
        )

    may_agree = policies.can_agree_activity(actor, person)
    return post_form(
        request,
        read=lambda errors: _activity_fields(request.POST, may_agree, errors),
        save=lambda fields: services.activity_create(actor=actor, person=person, **fields),
        success=lambda _: person_url(person, actor),
        show=show,
        saved=_("The activity was saved."),
    )


def _activity_action(actor: Actor, activity: Any, data: Any) -> Any:
    action = data.get("action", "")
    if action == "comment":
        return services.activity_comment(actor=actor, activity=activity, text=data.get("text", ""))
    version = parse_version(data.get("version", ""))
    if action == "save":
        may_agree = policies.can_agree_activity(actor, activity.person)
        errors = FormErrors()
        fields = _activity_fields(data, may_agree, errors)
        errors.raise_first()
        return services.activity_update(actor=actor, activity=activity, version=version, **fields)
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
