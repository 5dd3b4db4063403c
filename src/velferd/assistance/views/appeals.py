"""Appeals: the person appeals a decision from their own pages (and follows it there); the
office's list of open appeals and one appeal, where it sends the case to the County
Governor, changes the decision, or records the County Governor's outcome."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import forbidden
from velferd.core.forms import FormErrors, parse_version, post_form

from ..models import Appeal
from ..selectors import appeals as selectors
from ..selectors.cases import case
from ..services import appeals as services
from .caseworker import _decision_form_context, _decision_input, logged_in


@refusals_as_pages
def appeal_new(request: HttpRequest, decision_id: str) -> HttpResponse:
    """The person's appeal against a decision, from their own pages."""
    actor = logged_in(request)
    decision = selectors.appealable_decision(actor, decision_id)

    def show(errors: FormErrors) -> HttpResponse:
        context = {
            "decision": decision,
            "deadline": services.appeal_deadline(decision),
            "appeals": selectors.appeals_of_decision(decision),
            "form": request.POST,
            "errors": errors,
        }
        return render(request, "assistance/appeal_new.html", context)

    return post_form(
        request,
        read=lambda errors: {"grounds": request.POST.get("grounds", "")},
        save=lambda values: services.appeal_lodge(actor=actor, decision_id=decision.pk, **values),
        success=lambda made: reverse("assistance:appeal", args=[made.pk]),
        show=show,
        saved=_("Your appeal is sent. The office assesses it first."),
    )


@refusals_as_pages
def office_appeals(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    if not actor.office_ids("caseworker_municipal"):
        raise forbidden()
    rows = selectors.logged_appeals(actor, list(selectors.office_appeals(actor)[:200]))
    return render(request, "assistance/appeals.html", {"appeals": rows})


def _appeal_context(actor: Any, found: Appeal, errors: FormErrors, form: Any) -> dict[str, Any]:
    return {
        "appeal": found,
        "deadline": services.appeal_deadline(found.decision),
        "may_handle": policies.allows(actor, policies.can_handle_assistance_appeal, found),
        "outcomes": services.COUNTY_GOVERNOR_OUTCOMES,
        "errors": errors,
        "form": form,
    }


def _moved(actor: Any, found: Appeal, request: HttpRequest) -> Appeal:
    action = request.POST.get("action", "")
    version = parse_version(request.POST.get("version", ""))
    if action == "send":
        return services.appeal_send_to_county_governor(
            actor=actor,
            appeal_id=found.pk,
            version=version,
            assessment=request.POST.get("assessment", ""),
        )
    return services.appeal_record_county_governor(
        actor=actor, appeal_id=found.pk, version=version, outcome=request.POST.get("outcome", "")
    )


@refusals_as_pages
def appeal_page(request: HttpRequest, appeal_id: str) -> HttpResponse:
    """One appeal: for the person, where it stands; for the office, its next step."""
    actor = logged_in(request)
    found = selectors.appeal(actor, appeal_id)

    def show(errors: FormErrors) -> HttpResponse:
        context = _appeal_context(actor, found, errors, request.POST)
        return render(request, "assistance/appeal.html", context)

    return post_form(
        request,
        read=lambda errors: None,
        save=lambda _values: _moved(actor, found, request),
        success=lambda moved: reverse("assistance:appeal", args=[moved.pk]),
        show=show,
        saved=_("The appeal is updated."),
    )


@refusals_as_pages
def appeal_change(request: HttpRequest, appeal_id: str) -> HttpResponse:
    """The office finds the appeal right: a new decision in place of the one appealed."""
    actor = logged_in(request)
    found = selectors.appeal(actor, appeal_id)
    policies.require(actor, policies.can_handle_assistance_appeal, found)
    decision = found.decision

    def read(errors: FormErrors) -> dict[str, Any]:
        return {
            "version": errors.check(parse_version, request.POST.get("version", "")),
            "assessment": request.POST.get("assessment", ""),
            "data": _decision_input(request),
        }

    def show(errors: FormErrors) -> HttpResponse:
        form = request.POST if request.method == "POST" else _as_form(found)
        context = _decision_form_context(case(actor, decision.application_id), errors, form)
        context.update(_appeal_context(actor, found, errors, form), decision=decision)
        return render(request, "assistance/appeal_change.html", context)

    return post_form(
        request,
        read=read,
        save=lambda values: services.appeal_change(actor=actor, appeal_id=found.pk, **values),
        success=lambda changed: reverse("assistance:appeal", args=[changed.pk]),
        show=show,
        saved=_("The new decision is made and the letter is sent."),
    )


def _as_form(found: Appeal) -> dict[str, str]:
    decision = found.decision
    return {
        "outcome": decision.outcome,
        "amount": f"{decision.amount:.2f}".replace(".", ","),
        "frequency": decision.frequency,
        "period_start": decision.period_start.isoformat(),
        "period_end": decision.period_end.isoformat(),
        "reasoning": decision.reasoning,
        "conditions": "\n".join(c.text for c in decision.conditions.all()),
        "activity": decision.activity,
        "exemption_reason": decision.exemption_reason,
        "exemption_explanation": decision.exemption_explanation,
    }
