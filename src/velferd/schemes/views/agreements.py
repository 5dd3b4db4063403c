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
from velferd.core.forms import FormErrors, parse_date, parse_version
from velferd.core.pagination import paginate
from velferd.core.validation import invalid

from .. import lifecycles, selectors
from ..lifecycles import AGREED_PRICE_MODELS
from ..models import AgreementStatus, EnrolmentMode, PriceModel
from ..services import agreements as services, deliveries as delivery_services


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


def _add_delivery(actor: Actor, agreement: Any, data: Any) -> None:
    errors = FormErrors()
    starts_on = errors.check(parse_date, data.get("starts_on", ""), "starts_on")
    ends_on = errors.check(parse_date, data.get("ends_on", ""), "ends_on")
    if starts_on is None and errors.get("starts_on") is None:
        errors.add(
            invalid(
                "starts_on_required", "starts_on", "Startdato mangler.", "The start is missing."
            )
        )
    errors.raise_first()
    assert starts_on is not None
    delivery_services.delivery_create(
        actor=actor,
        agreement=agreement,
        name=data.get("name", ""),
        places=data.get("places", ""),
        starts_on=starts_on,
        ends_on=ends_on,
        enrolment_mode=data.get("enrolment_mode", ""),
        offices=data.getlist("offices"),
    )


def _add_rate(actor: Actor, agreement: Any, data: Any, version: int) -> None:
    valid_from = parse_date(data.get("valid_from", ""), "valid_from")
    if valid_from is None:
        raise invalid(
            "valid_from_required", "valid_from", "Datoen mangler.", "The date is missing."
        )
    services.agreement_add_rate(
        actor=actor,
        agreement=agreement,
        version=version,
        valid_from=valid_from,
        amount=data.get("amount", ""),
    )


def _act(actor: Actor, agreement: Any, data: Any) -> None:
    """The move, option, rate or delivery the button names, with what its form holds."""
    action = data.get("action") or ""
    if action == "add_delivery":
        _add_delivery(actor, agreement, data)
        return
    version = parse_version(data.get("version", ""))
    if action == "add_rate":
        _add_rate(actor, agreement, data, version)
        return
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
    contract = selectors.outcome_contract_of(found)
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
            "takes_rates": found.price_model in AGREED_PRICE_MODELS,
            "area_offices": selectors.area_offices(found),
            "enrolment_modes": EnrolmentMode.choices,
            "error": error,
            "form": request.POST if error else {},
        },
        status=error.status if error else 200,
    )
