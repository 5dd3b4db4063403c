"""The municipality's page: IMDi's request, the decision form with every decision before,
and the proposals sent to it, to accept with a date or decline with a reason."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, parse_date, post_form

from .. import selectors, services
from ..services.common import municipality as municipality_of
from .common import logged_in, shown_year


def _decision(request: HttpRequest, errors: FormErrors) -> dict[str, Any]:
    return {
        "persons": request.POST.get("persons", ""),
        "unaccompanied_minors": request.POST.get("unaccompanied_minors", "") or 0,
        "health_competence": request.POST.get("health_competence") == "on",
        "decided_on": errors.check(parse_date, request.POST.get("decided_on", ""), "decided_on"),
        "comment": request.POST.get("comment", ""),
    }


def _answer(request: HttpRequest, errors: FormErrors) -> dict[str, Any]:
    return {
        "action": request.POST.get("action", ""),
        "proposal_id": request.POST.get("proposal", ""),
        "settle_on": errors.check(parse_date, request.POST.get("settle_on", ""), "settle_on"),
        "reason": request.POST.get("reason", ""),
    }


def _save(actor: Any, year: int, number: str, values: dict[str, Any]) -> Any:
    if "proposal_id" not in values:
        return services.decision_enter(actor=actor, year=year, municipality_number=number, **values)
    if values["action"] == "decline":
        return services.proposal_decline(
            actor=actor, proposal_id=values["proposal_id"], reason=values["reason"]
        )
    return services.proposal_accept(
        actor=actor, proposal_id=values["proposal_id"], settle_on=values["settle_on"]
    )


@refusals_as_pages
def municipality(request: HttpRequest, number: str) -> HttpResponse:
    actor = logged_in(request)
    place = municipality_of(number)
    policies.require(actor, policies.can_view_settlement_request, place)
    year = shown_year(request)
    request_ = selectors.request_of(actor, year, place)
    answering = policies.allows(actor, policies.can_coordinate_settlement_in, place)

    def show(errors: FormErrors) -> HttpResponse:
        proposals = [
            p for p in selectors.proposals_to_answer(actor) if p.municipality_id == place.number
        ]
        line = next(
            (c for c in selectors.capacities(year) if c.municipality.number == place.number), None
        )
        return render(
            request,
            "settlement/municipality.html",
            {
                "place": place,
                "year": year,
                "request_": request_,
                "line": line,
                "decisions": list(selectors.decisions_of(request_)) if request_ else [],
                "proposals": proposals,
                "answering": answering,
                "errors": errors,
                "form": request.POST if errors else {},
                "failed": request.POST.get("proposal", ""),
            },
        )

    def read(errors: FormErrors) -> dict[str, Any]:
        return (
            _answer(request, errors) if "proposal" in request.POST else _decision(request, errors)
        )

    return post_form(
        request,
        read=read,
        save=lambda values: _save(actor, year.year, place.number, values),
        success=lambda _done: reverse("settlement:municipality", kwargs={"number": place.number}),
        show=show,
        saved=_("Saved."),
    )
