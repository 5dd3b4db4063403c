"""The supplier's pages (deltakeroversikt): its deliveries with participants, a delivery's
participants, a participant's page with its proposals and reports, the forms to propose a
change and to send the month's report, and withdrawing a proposal. Each form shows every
mistake at once."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, parse_date, parse_version, post_form

from .. import selectors, services
from ..models import EndReason, ProposalKind
from ..services.proposals import parse_decimal, proposal_problems
from ..services.reports import parse_days, parse_month, report_problems


@refusals_as_pages
def supplier_home(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    return render(
        request,
        "participants/supplier_home.html",
        {
            "deliveries": selectors.supplier_deliveries(actor=actor),
            "pending": selectors.pending_proposal_count(actor=actor),
            "access_days": policies.supplier_access_days(),
        },
    )


@refusals_as_pages
def supplier_delivery(request: HttpRequest, delivery_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    shown = selectors.participants_of_delivery(actor=actor, delivery_id=delivery_id)
    return render(
        request,
        "participants/supplier_delivery.html",
        {"participants": shown, "delivery": shown[0] if shown else None},
    )


@refusals_as_pages
def supplier_participant(request: HttpRequest, participation_id: str) -> HttpResponse:
    seen = selectors.participant_for_supplier(
        actor=actor_for_request(request), participation_id=participation_id
    )
    return render(request, "participants/supplier_participant.html", {"p": seen})


def _proposal_values(data: Any, errors: FormErrors) -> dict[str, Any]:
    return {
        "kind": data.get("kind", ""),
        "starts_on": errors.check(parse_date, data.get("starts_on", ""), "starts_on"),
        "ends_on": errors.check(parse_date, data.get("ends_on", ""), "ends_on"),
        "percentage": errors.check(parse_decimal, data.get("percentage"), "percentage"),
        "days_per_week": errors.check(parse_decimal, data.get("days_per_week"), "days_per_week"),
        "reason": data.get("reason", ""),
        "explanation": data.get("explanation", ""),
    }


@refusals_as_pages
def supplier_propose(request: HttpRequest, participation_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    participation = selectors.participation_for_supplier(
        actor=actor, participation_id=participation_id
    )

    def read(errors: FormErrors) -> dict[str, Any]:
        values = _proposal_values(request.POST, errors)
        for problem in proposal_problems(participation, values):
            errors.add(problem)
        return values

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "participants/supplier_propose.html",
            {
                "p": participation,
                "errors": errors,
                "form": request.POST,
                "kinds": ProposalKind.choices,
                "reasons": EndReason.choices,
            },
        )

    return post_form(
        request,
        read=read,
        save=lambda values: services.proposal_submit(
            actor=actor, participation=participation, **values
        ),
        success=lambda _saved: reverse(
            "participants:supplier_participant", args=[participation.pk]
        ),
        show=show,
        saved=_("The proposal was sent to NAV."),
    )


def _report_values(data: Any, errors: FormErrors) -> dict[str, Any]:
    return {
        "month": errors.check(parse_month, data.get("month")),
        "days_attended": errors.check(parse_days, data.get("days_attended"), "days_attended"),
        "days_planned": errors.check(parse_days, data.get("days_planned"), "days_planned"),
        "text": data.get("text", ""),
    }


@refusals_as_pages
def supplier_report(request: HttpRequest, participation_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    participation = selectors.participation_for_supplier(
        actor=actor, participation_id=participation_id
    )

    def read(errors: FormErrors) -> dict[str, Any]:
        values = _report_values(request.POST, errors)
        for problem in report_problems(participation, values):
            errors.add(problem)
        return values

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "participants/supplier_report.html",
            {"p": participation, "errors": errors, "form": request.POST},
        )

    return post_form(
        request,
        read=read,
        save=lambda values: services.report_submit(
            actor=actor, participation=participation, **values
        ),
        success=lambda _saved: reverse(
            "participants:supplier_participant", args=[participation.pk]
        ),
        show=show,
        saved=_("The report was sent."),
    )


@require_POST
@refusals_as_pages
def supplier_withdraw(request: HttpRequest, proposal_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    proposal = selectors.proposal_for(actor=actor, proposal_id=proposal_id)
    services.proposal_withdraw(
        actor=actor, proposal=proposal, version=parse_version(request.POST.get("version", ""))
    )
    return redirect("participants:supplier_participant", proposal.participation_id)
