"""The figures behind the ranking: the submitted bids, the criteria and the scores of the
evaluators who may score (declared, no conflict, not replaced). The formula is ranking.py's.
Callers have checked that the reader may see the bids (after the deadline)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .. import ranking
from ..models import Bid, BidStatus, Competition, Evaluator, Score

MIN_EVALUATORS = 2


def submitted_bids(competition: Competition) -> list[Bid]:
    return list(
        Bid.objects.filter(competition=competition, status=BidStatus.SUBMITTED)
        .select_related("supplier")
        .order_by("submitted_at", "pk")
    )


def scoring_evaluators(competition: Competition) -> list[Evaluator]:
    return [
        e
        for e in Evaluator.objects.filter(competition=competition).select_related("user")
        if e.may_score
    ]


def _weighted(competition: Competition) -> list[ranking.Weighted]:
    return [
        ranking.Weighted(criterion_id=c.pk, weight=c.weight, is_price=c.is_price)
        for c in competition.criteria.all()
    ]


def ranking_of(competition: Competition) -> list[tuple[Bid, ranking.Ranked]]:
    """Each submitted bid with its place, its total and its score per criterion."""
    bids = submitted_bids(competition)
    evaluators = {e.pk for e in scoring_evaluators(competition)}
    given: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for score in Score.objects.filter(bid__in=bids, evaluator_id__in=evaluators):
        given[score.bid_id][score.criterion_id].append(score.score)
    figures = [
        ranking.BidFigures(
            bid_id=bid.pk,
            price=bid.price,
            submitted_at=bid.submitted_at,
            scores={k: list(v) for k, v in given[bid.pk].items()},
        )
        for bid in bids
    ]
    by_id = {bid.pk: bid for bid in bids}
    return [(by_id[r.bid_id], r) for r in ranking.rank(figures, _weighted(competition))]


def scores_missing(competition: Competition) -> int:
    """How many scores the evaluators who may score have yet to give (each bid, each
    criterion but the price)."""
    bids = submitted_bids(competition)
    evaluators = scoring_evaluators(competition)
    criteria = [c for c in competition.criteria.all() if not c.is_price]
    wanted = len(bids) * len(evaluators) * len(criteria)
    given = Score.objects.filter(
        bid__in=bids, evaluator__in=evaluators, criterion__in=criteria
    ).count()
    return wanted - given


def scores_by(evaluator: Evaluator) -> dict[tuple[int, int], int]:
    """The evaluator's scores, by (bid, criterion)."""
    return {(s.bid_id, s.criterion_id): s.score for s in evaluator.scores.all()}


def evaluators_of(competition: Competition) -> list[Any]:
    return list(Evaluator.objects.filter(competition=competition).select_related("user"))
