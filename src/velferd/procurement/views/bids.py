"""The supplier's pages for a bid: submitting or revising it before the deadline, its
receipt, withdrawing it, and its result and rank once the competition is awarded."""

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
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import FormErrors, parse_version, post_form
from velferd.schemes.selectors import procurement_support as schemes

from .. import selectors, services
from ..models import BidStatus, CompetitionStatus
from . import forms

RESULT_STATES = (CompetitionStatus.AWARDED, CompetitionStatus.CONCLUDED)


@refusals_as_pages
def bid_form(request: HttpRequest, competition_id: int) -> HttpResponse:
    """Submit a bid, or revise the one the supplier has sent."""
    actor = actor_for_request(request)
    competition = selectors.competition_for(actor=actor, competition_id=competition_id)
    if not actor.has_role("supplier"):
        raise forbidden()
    own = selectors.own_bid_in(actor=actor, competition=competition)
    revising = own if own is not None and own.status == BidStatus.SUBMITTED else None

    def show(errors: FormErrors) -> HttpResponse:
        form: Any
        if request.method == "POST":
            form = request.POST
        elif revising is not None:
            form = {"price": revising.price, "places": revising.places}
            form.update({f"answer_{a.criterion_id}": a.text for a in revising.answers.all()})
        else:
            form = {}
        rows = [
            {"criterion": c, "field": f"answer_{c.pk}", "text": form.get(f"answer_{c.pk}", "")}
            for c in competition.criteria.all()
            if not c.is_price
        ]
        return render(
            request,
            "procurement/bid_form.html",
            {
                "c": competition,
                "answer_rows": rows,
                "answer_fields": "".join(f" {row['field']}" for row in rows),
                "price_model": schemes.price_model_label(competition.price_model),
                "bid": revising,
                "errors": errors,
                "form": form,
                "closed": selectors.deadline_passed(competition),
            },
        )

    def save(values: dict[str, Any]) -> Any:
        if revising is not None:
            return services.bid_revise(
                actor=actor,
                bid=revising,
                version=parse_version(request.POST.get("version", "")),
                **values,
            )
        return services.bid_submit(actor=actor, competition=competition, **values)

    return post_form(
        request,
        read=lambda errors: forms.bid_fields(competition, request.POST, errors),
        save=save,
        success=lambda bid: reverse("procurement:bid", args=[bid.pk]),
        show=show,
        saved=_("Your bid was received."),
    )


@refusals_as_pages
def bid_page(request: HttpRequest, bid_id: int) -> HttpResponse:
    """The bid: for its supplier a receipt (and, after the award, its result and rank);
    for the competition's managers and evaluators, after the deadline, the bid itself."""
    actor = actor_for_request(request)
    bid = selectors.bid_for(actor=actor, bid_id=bid_id)
    competition = bid.competition
    return render(
        request,
        "procurement/bid.html",
        {
            "bid": bid,
            "c": competition,
            "answers": list(bid.answers.select_related("criterion")),
            "own": policies.represents_supplier(actor, bid.supplier),
            "open": not selectors.deadline_passed(competition)
            and competition.status == CompetitionStatus.PUBLISHED
            and bid.status == BidStatus.SUBMITTED,
            "result": competition.status in RESULT_STATES and bid.rank is not None,
            "price_model": schemes.price_model_label(competition.price_model),
        },
    )


@refusals_as_pages
@require_POST
def bid_withdraw(request: HttpRequest, bid_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    bid = selectors.bid_for(actor=actor, bid_id=bid_id)
    try:
        services.bid_withdraw(
            actor=actor, bid=bid, version=parse_version(request.POST.get("version", ""))
        )
    except DomainError as error:
        if error.status in (401, 403):
            raise
        return render(
            request,
            "procurement/bid.html",
            {
                "bid": bid,
                "c": bid.competition,
                "answers": list(bid.answers.select_related("criterion")),
                "own": True,
                "error": error,
                "price_model": schemes.price_model_label(bid.competition.price_model),
            },
            status=error.status,
        )
    return redirect("procurement:bid", bid_id=bid.pk)
