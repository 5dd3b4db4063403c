"""Bids: the supplier's own (submit, revise, withdraw), NAV's reading of them after the
deadline, and the evaluators' scores."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams

from .. import selectors, services
from ..models import Bid
from ..schemas import BidChangeIn, BidIn, BidList, BidOut, ScoresIn, VersionIn
from .router import bid_of, competition_of, operation, paged, router


def bid_out(bid: Bid) -> dict[str, Any]:
    return {
        "id": bid.pk,
        "competition": bid.competition_id,
        "organisation_number": bid.supplier.organisation_number,
        "supplier_name": bid.supplier.name,
        "status": bid.status,
        "price": bid.price,
        "places": bid.places,
        "submitted_at": bid.submitted_at,
        "answers": [{"criterion": a.criterion_id, "text": a.text} for a in bid.answers.all()],
        "rank": bid.rank,
        "total_score": bid.total_score,
        "is_winner": bid.is_winner,
        "version": bid.version,
    }


def _answers(payload: Any) -> dict[int, str]:
    return {answer.criterion: answer.text for answer in payload.answers}


@router.get(
    "/competitions/{competition_id}/bids",
    response={200: BidList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_bids"),
)
def list_bids(request: HttpRequest, competition_id: int, paging: Query[PageParams]) -> Any:
    """The competition's bids the caller may see: supplier staff their own; its managers
    and evaluators every bid, but only after the deadline (before it, none, and a count
    of 0)."""
    actor = actor_of(request)
    competition = competition_of(request, competition_id)
    found = selectors.bids_visible_to(actor=actor, competition=competition)
    return paged(found.prefetch_related("answers"), paging, bid_out)


@router.post(
    "/competitions/{competition_id}/bids",
    response={201: BidOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("submit_bid"),
)
def submit_bid(request: HttpRequest, competition_id: int, payload: BidIn) -> Any:
    """Supplier staff bid for their supplier before the deadline (409 naming it after)."""
    bid = services.bid_submit(
        actor=actor_of(request),
        competition=competition_of(request, competition_id),
        price=payload.price,
        places=payload.places,
        answers=_answers(payload),
        organisation_number=payload.organisation_number or "",
    )
    return Status(201, bid_out(bid))


@router.get(
    "/bids/{bid_id}",
    response={200: BidOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_bid"),
)
def get_bid(request: HttpRequest, bid_id: int) -> Any:
    """One bid: for its supplier's staff; for the competition's managers and evaluators
    only after the deadline (404 before, as for no such bid)."""
    return bid_out(bid_of(request, bid_id))


@router.put(
    "/bids/{bid_id}",
    response={200: BidOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("revise_bid"),
)
def revise_bid(request: HttpRequest, bid_id: int, payload: BidChangeIn) -> Any:
    bid = services.bid_revise(
        actor=actor_of(request),
        bid=bid_of(request, bid_id),
        version=payload.version,
        price=payload.price,
        places=payload.places,
        answers=_answers(payload),
    )
    return bid_out(bid)


@router.post(
    "/bids/{bid_id}/withdraw",
    response={200: BidOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("withdraw_bid"),
)
def withdraw_bid(request: HttpRequest, bid_id: int, payload: VersionIn) -> Any:
    bid = services.bid_withdraw(
        actor=actor_of(request), bid=bid_of(request, bid_id), version=payload.version
    )
    return bid_out(bid)


@router.put(
    "/bids/{bid_id}/scores",
    response={200: BidOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("score_bid"),
)
def score_bid(request: HttpRequest, bid_id: int, payload: ScoresIn) -> Any:
    """The evaluator's scores of the bid, 0–10 per criterion (not the price's)."""
    bid = bid_of(request, bid_id)
    services.bid_score(
        actor=actor_of(request),
        bid=bid,
        scores={score.criterion: score.score for score in payload.scores},
    )
    return bid_out(bid)
