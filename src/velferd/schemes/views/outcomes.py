"""An outcome contract's page: the metric, the terms, the parties and the measurements,
pending until outcomes exist; the scheme manager records a measurement there (its
settlement is calculated, within the cap)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import parse_version

from .. import selectors
from ..services import outcomes as services


@refusals_as_pages
def outcome_contract(request: HttpRequest, agreement_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    contract = selectors.outcome_contract_for(actor=actor, agreement_id=agreement_id)
    error = None
    if request.method == "POST":
        policies.require(actor, policies.can_manage_agreement, contract.agreement)
        data = request.POST
        try:
            services.measurement_record(
                actor=actor,
                measurement=selectors.measurement_of(contract, data.get("measurement") or 0),
                version=parse_version(data.get("version", "")),
                participants=data.get("participants", ""),
                outcomes=data.get("outcomes", ""),
                comparison_rate=data.get("comparison_rate", ""),
            )
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
        else:
            return redirect("schemes:outcome_contract", agreement_id=agreement_id)
    contract.refresh_from_db()
    return render(
        request,
        "schemes/outcome_contract.html",
        {
            "s": selectors.outcome_summary(contract),
            "a": contract.agreement,
            "can_manage": policies.can_manage_agreement(actor, contract.agreement),
            "error": error,
            "form": request.POST if error else {},
        },
        status=error.status if error else 200,
    )
