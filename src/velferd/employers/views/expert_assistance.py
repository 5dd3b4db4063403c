"""The employer's application for expert assistance, and its page, where the employer
follows it and the county's advisor grants or refuses it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.policies import employers as employer_policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, checked, parse_version

from .. import lifecycles, selectors, services
from .enterprise_page import post_form_on_enterprise_page

TEXT_FIELDS = (
    "employee_name",
    "employee_agreed_on",
    "sick_leave",
    "measures_tried",
    "expert_name",
    "expert_organisation",
    "expert_organisation_number",
    "assignment",
    "amount",
)


def _application_fields(data: Any) -> dict[str, Any]:
    return {
        **{name: data.get(name, "") for name in TEXT_FIELDS},
        "employee_agreed": checked(data, "employee_agreed"),
        "expert_independent": checked(data, "expert_independent"),
    }


@refusals_as_pages
@require_POST
def expert_assistance_apply(request: HttpRequest, organisation_number: str) -> HttpResponse:
    """The employer's application: every mistake is named at once before it is sent."""
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, employer_policies.can_apply_for_expert_assistance, found)

    def read(errors: FormErrors) -> dict[str, Any]:
        fields = _application_fields(request.POST)
        for refusal in services.expert_assistance_refusals(enterprise=found, **fields):
            errors.add(refusal)
        return fields

    return post_form_on_enterprise_page(
        request,
        actor,
        found,
        "expert",
        read=read,
        save=lambda fields: services.expert_assistance_apply(
            actor=actor, enterprise=found, **fields
        ),
        anchor="expert-assistance",
        saved=_("The application for expert assistance was sent."),
    )


def _decide(actor: Actor, found: Any, data: Any) -> Any:
    """The move the button names (`action`), with what its form holds."""
    move = lifecycles.EXPERT_ASSISTANCE.move(data.get("action") or "")
    given = lifecycles.arguments(move, data)
    if "amount" in given:
        # No amount grants all that was applied for.
        given["amount"] = given["amount"].strip() or None
    service = lifecycles.EXPERT_ASSISTANCE.service_for(move.name)
    return service(
        actor=actor, application=found, version=parse_version(data.get("version", "")), **given
    )


@refusals_as_pages
def expert_assistance(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.expert_assistance_for(actor=actor, application_id=application_id)
    error = None
    if request.method == "POST":
        policies.require(actor, employer_policies.can_decide_expert_assistance, found.enterprise)
        try:
            _decide(actor, found, request.POST)
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
            found.refresh_from_db()
        else:
            messages.success(request, _("The decision was saved."))
            return redirect("employers:expert_assistance", application_id=found.pk)
    moves = {m.name for m in lifecycles.allowed(lifecycles.EXPERT_ASSISTANCE, found.status)}
    return render(
        request,
        "employers/expert_assistance.html",
        {
            "x": found,
            "can_decide": employer_policies.can_decide_expert_assistance(actor, found.enterprise),
            "moves": moves,
            "error": error,
            "form": request.POST if error else {},
        },
        status=error.status if error else 200,
    )
