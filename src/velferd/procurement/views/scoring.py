"""The evaluator's scoring page: each bid (after the deadline) with its answers, and a
score of 0–10 per criterion but the price, which follows from the prices."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import FormErrors

from .. import selectors, services
from ..models import Competition, Evaluator
from . import forms


def _sheet(
    actor: Actor, competition: Competition, evaluator: Evaluator | None
) -> list[dict[str, Any]]:
    given = selectors.scores_by(evaluator) if evaluator is not None else {}
    criteria = [c for c in competition.criteria.all() if not c.is_price]
    return [
        {
            "bid": bid,
            "answers": {a.criterion_id: a.text for a in bid.answers.all()},
            "scores": [(c, given.get((bid.pk, c.pk))) for c in criteria],
        }
        for bid in selectors.submitted_bids_visible_to(
            actor=actor, competition=competition
        ).prefetch_related("answers")
    ]


@refusals_as_pages
def scoring(request: HttpRequest, competition_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    competition = selectors.competition_for(actor=actor, competition_id=competition_id)
    if not policies.is_evaluator(actor, competition):
        raise forbidden()
    evaluator = selectors.evaluator_of(actor=actor, competition=competition)
    errors = FormErrors()
    failed = ""
    if request.method == "POST":
        failed = request.POST.get("bid", "")
        try:
            bid = selectors.bid_for(actor=actor, bid_id=failed)
            scores = forms.score_fields(competition, request.POST, errors)
            if not errors:
                services.bid_score(actor=actor, bid=bid, scores=scores)
                return redirect(f"{request.path}#bid-{bid.pk}")
        except DomainError as error:
            errors.add(error)
    closed = selectors.deadline_passed(competition)
    return render(
        request,
        "procurement/scoring.html",
        {
            "c": competition,
            "me": evaluator,
            "closed": closed,
            "sheet": _sheet(actor, competition, evaluator) if closed else [],
            "errors": errors,
            "failed": failed,
            "form": request.POST if errors else {},
        },
        status=errors.status if errors else 200,
    )
