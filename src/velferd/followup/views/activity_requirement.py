"""The activity requirement under 30 (Social Services Act § 20 a) on its own page: the
decision that holds, its history, and for the municipality's caseworkers the form that
records a new decision."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import parse_date, post_or_show

from .. import selectors, services
from ..models import ExemptionReason, RequirementOutcome
from .people import read_person

FORM_FIELDS = ("outcome", "decided_on", "activity", "exemption_reason", "exemption_other")


def _record(actor: Actor, person: Any, data: Any) -> Any:
    return services.activity_requirement_record(
        actor=actor,
        person=person,
        outcome=data.get("outcome", ""),
        decided_on=parse_date(data.get("decided_on", ""), "decided_on"),
        activity=data.get("activity", ""),
        exemption_reason=data.get("exemption_reason", ""),
        exemption_other=data.get("exemption_other", ""),
    )


@refusals_as_pages
@require_http_methods(["GET", "POST"])
def activity_requirement_page(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = read_person(actor, person_id, "activity_requirement")
    history = selectors.activity_requirements_for(actor=actor, person=person)

    def show(error: DomainError | None) -> HttpResponse:
        form = {name: request.POST.get(name, "") for name in FORM_FIELDS} if error else {}
        return render(
            request,
            "followup/activity_requirement.html",
            {
                "person": person,
                "holds": history[0] if history else None,
                "history": history,
                "can_record": policies.can_record_activity_requirement(actor, person),
                "outcomes": RequirementOutcome.choices,
                "reasons": ExemptionReason.choices,
                "form": form,
                "error": error,
            },
        )

    return post_or_show(
        request,
        lambda: _record(actor, person, request.POST),
        lambda _: reverse("activity_requirement", args=[person.pk]),
        show,
    )
