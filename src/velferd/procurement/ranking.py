"""The ranking of a competition's bids, as docs/architecture.md states it:

- per criterion, the mean of the evaluators' scores (0–10);
- the price criterion is scored relatively: the lowest price gets 10, any other
  10 × lowest ÷ price;
- total = Σ weight/100 × score, rounded to two decimals;
- the highest total ranks first; equal totals are ranked by price (lower first), then by
  the time the bid was sent (earlier first).

Numbers only, no models: the selectors gather the figures, the award stores the result."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

TEN = Decimal(10)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Weighted:
    criterion_id: int
    weight: int
    is_price: bool = False


@dataclass(frozen=True)
class BidFigures:
    bid_id: int
    price: Decimal
    submitted_at: datetime.datetime
    # The evaluators' scores per criterion (not the price criterion's).
    scores: dict[int, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Ranked:
    bid_id: int
    rank: int
    total: Decimal
    criterion_scores: dict[int, Decimal]


def mean(scores: list[int]) -> Decimal:
    """The mean of the evaluators' scores (0 when none has scored)."""
    if not scores:
        return Decimal(0)
    return Decimal(sum(scores)) / Decimal(len(scores))


def price_score(price: Decimal, lowest: Decimal) -> Decimal:
    """10 for the lowest price, 10 × lowest ÷ price for any other."""
    if price <= 0:
        return TEN
    return TEN * lowest / price


def criterion_scores(
    bid: BidFigures, criteria: list[Weighted], lowest: Decimal
) -> dict[int, Decimal]:
    return {
        c.criterion_id: price_score(bid.price, lowest)
        if c.is_price
        else mean(bid.scores.get(c.criterion_id, []))
        for c in criteria
    }


def total(scores: dict[int, Decimal], criteria: list[Weighted]) -> Decimal:
    summed = sum(
        (Decimal(c.weight) / HUNDRED * scores[c.criterion_id] for c in criteria), Decimal(0)
    )
    return summed.quantize(CENT, rounding=ROUND_HALF_UP)


def rank(bids: list[BidFigures], criteria: list[Weighted]) -> list[Ranked]:
    """The bids in their order, each with its rank (1 first), its total and its score per
    criterion."""
    if not bids:
        return []
    lowest = min(bid.price for bid in bids)
    worked = []
    for bid in bids:
        scores = criterion_scores(bid, criteria, lowest)
        worked.append((bid, scores, total(scores, criteria)))
    worked.sort(key=lambda row: (-row[2], row[0].price, row[0].submitted_at, row[0].bid_id))
    return [
        Ranked(bid_id=bid.bid_id, rank=place, total=points, criterion_scores=scores)
        for place, (bid, scores, points) in enumerate(worked, start=1)
    ]
