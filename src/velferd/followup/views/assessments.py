"""Needs assessments (§14a): the form, the assessment with its letter preview and LIX, the
moves made from its page, and the approver's queue."""

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
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import FormErrors, parse_version, post_form, post_or_show
from velferd.core.validation import required_text

from .. import appeal_selectors, lifecycles, selectors, services
from ..models import OFFERED_MAIN_GOALS, NeedGroup, Source
from .people import read_person


def _assessment_fields(data: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        name: data.get(name, "") for name in ("need_group", "main_goal", "reasoning", "evidence")
    }
    fields["sources"] = data.getlist("sources")
    return fields


def _choices() -> dict[str, Any]:
    """What the form offers: the need groups, the main goals NAV uses today (the permanent
    group takes none) and the sources."""
    return {
        "need_groups": NeedGroup.choices,
        "main_goals": [(goal.value, goal.label) for goal in OFFERED_MAIN_GOALS],
        "source_choices": Source.choices,
    }


@refusals_as_pages
def assessment_new(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = read_person(actor, person_id, "needs_assessment")
    policies.require(actor, policies.can_follow_up, person)

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "followup/assessment_form.html",
            {
                "person": person,
                "errors": errors,
                "form": request.POST or {},
                "chosen_sources": request.POST.getlist("sources"),
                **_choices(),
            },
        )

    return post_form(
        request,
        read=lambda errors: _checked_assessment_fields(errors, request.POST, person),
        save=lambda fields: services.assessment_create(actor=actor, person=person, **fields),
        success=lambda assessment: reverse("assessment", args=[assessment.pk]),
        show=show,
        saved=_("The needs assessment was saved as a draft."),
    )


def _checked_assessment_fields(errors: FormErrors, data: Any, person: Any) -> dict[str, Any]:
    """The assessment's fields, each checked as the service will before it is asked, with
    what the service refuses whatever they say."""
    for refusal in services.assessment_create_refusals(person):
        errors.add(refusal)
    fields = _assessment_fields(data)
    if fields["need_group"] not in NeedGroup.values:
        errors.add(
            DomainError(
                code="unknown_need_group",
                field="need_group",
                message_nb="Velg en innsatsgruppe.",
                message_en="Choose a need group.",
            )
        )
    else:
        errors.check(lifecycles.check_main_goal, fields["need_group"], fields["main_goal"])
    errors.check(required_text, fields["reasoning"], "reasoning", "Begrunnelsen", "reasoning")
    errors.check(
        lifecycles.check_sources, list(dict.fromkeys(fields["sources"])), fields["evidence"]
    )
    return fields


def _assessment_action(actor: Actor, assessment: Any, data: Any) -> Any:
    version = parse_version(data.get("version", ""))
    action = data.get("action")
    if action == "save":
        return services.assessment_update(
            actor=actor, assessment=assessment, version=version, **_assessment_fields(data)
        )
    # Any other action is one of the moves lifecycles.ASSESSMENT declares (else
    # unknown_action), run by its service with what else it takes (a comment).
    move = lifecycles.ASSESSMENT.move(action)
    return lifecycles.ASSESSMENT.service_for(move.name)(
        actor=actor,
        assessment=assessment,
        version=version,
        **{name: data.get(name, "") for name in move.inputs},
    )


@refusals_as_pages
def assessment(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """An assessment with its letter (the preview and its LIX until it is sent)."""
    actor = actor_for_request(request)
    found = selectors.assessment_for(actor=actor, assessment_id=assessment_id)

    def show(error: DomainError | None) -> HttpResponse:
        text, readability = (
            (found.letter.body, None) if found.letter else selectors.letter_preview(found)
        )
        return render(
            request,
            "followup/assessment.html",
            {
                "a": found,
                "letter_text": text,
                "lix": readability,
                "error": error,
                "form": request.POST if error else {},
                "can_edit": policies.can_follow_up(actor, found.person),
                "can_approve": policies.can_approve_assessment(actor, found),
                "can_appeal": policies.can_follow_up(actor, found.person)
                and policies.can_appeal_decision(actor, found),
                "appeals": list(appeal_selectors.appeals_against(found)),
                "chosen_sources": (
                    request.POST.getlist("sources") if error else list(found.sources)
                ),
                **_choices(),
            },
        )

    return post_or_show(
        request,
        lambda: _assessment_action(actor, found, request.POST),
        lambda _: reverse("assessment", args=[found.pk]),
        show,
    )


@refusals_as_pages
def approvals(request: HttpRequest) -> HttpResponse:
    """The approver's queue: permanent-group assessments waiting for a second signature."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if not actor.office_ids("approver"):
        raise forbidden()
    return render(
        request,
        "followup/approvals.html",
        {"assessments": selectors.awaiting_approval_for(actor=actor)},
    )
