"""The agreement pages: the list (scheme managers: their counties'; supplier staff: their
own) and an agreement's page with its rates, options, call-offs, deliveries and, for an
outcome-based one, its outcome contract; the scheme manager makes its moves and exercises
its options there."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import parse_version
from velferd.core.pagination import paginate

from .. import lifecycles, selectors
from ..models import AgreementStatus, OutcomeContract, PriceModel
from ..services import agreements as services


@refusals_as_pages
def agreement_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    filters = {
        "status": request.GET.get("status", ""),
        "scheme_type": request.GET.get("scheme_type", ""),
    }
    if filters["status"] not in AgreementStatus.values:
        filters["status"] = ""
    found = selectors.agreements_for(actor=actor, **filters).prefetch_related("counties")
    page = paginate(found, page=pagination.page_number(request.GET.get("page")), clamp=True)
    return render(
        request,
        "schemes/agreement_list.html",
        {
            "page": page,
            "filters": filters,
            "statuses": AgreementStatus.choices,
            "scheme_types": selectors.scheme_types_with_deliveries(),
        },
    )


def _act(actor: Actor, agreement: Any, data: Any) -> None:
    """The move or option the button names, with what its form holds."""
    version = parse_version(data.get("version", ""))
    action = data.get("action") or ""
    if action == "exercise":
        services.agreement_exercise_option(
            actor=actor,
            agreement=agreement,
            version=version,
            number=int(data.get("option") or 0),
            on=timezone.localdate(),
        )
        return
    move = lifecycles.AGREEMENT.move(action)
    given = {"reason": data.get("reason", "")} if "reason" in move.inputs else {}
    lifecycles.AGREEMENT.service_for(move.name)(
        actor=actor, agreement=agreement, version=version, **given
    )


@refusals_as_pages
def agreement(request: HttpRequest, agreement_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.agreement_for(actor=actor, agreement_id=agreement_id)
    error = None
    if request.method == "POST":
        policies.require(actor, policies.can_manage_agreement, found)
        try:
            _act(actor, found, request.POST)
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
            found = selectors.agreement_for(actor=actor, agreement_id=agreement_id)
        else:
            return redirect("schemes:agreement", agreement_id=found.pk)
    contract = OutcomeContract.objects.filter(agreement=found).first()
    return render(
        request,
        "schemes/agreement.html",
        {
            "a": found,
            "can_manage": policies.can_manage_agreement(actor, found),
            "moves": [m.name for m in lifecycles.allowed(lifecycles.AGREEMENT, found.status)],
            "rates": selectors.rates_of(found),
            "national_rates": selectors.national_rate_of(found)
            if found.price_model == PriceModel.FIXED_MONTHLY_RATE
            else [],
            "options": selectors.options_of(found),
            "call_offs": selectors.call_offs(actor, found),
            "deliveries": selectors.deliveries_visible_of(actor, found),
            "contract": selectors.outcome_summary(contract) if contract else None,
            "error": error,
            "form": request.POST if error else {},
        },
        status=error.status if error else 200,
    )
