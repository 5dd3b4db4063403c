"""The ranking formula against the hand-worked example in docs/architecture.md, its
tie-breaks, and the award storing it for every bidder."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from velferd.procurement import ranking, services
from velferd.procurement.ranking import BidFigures, Weighted

from .factories import a_bid, a_scheme_manager, evaluating, manager, published, score_all

EARLY = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
LATE = EARLY + datetime.timedelta(hours=1)
QUALITY, METHOD, PRICE = 1, 2, 3
CRITERIA = [Weighted(QUALITY, 50), Weighted(METHOD, 20), Weighted(PRICE, 30, is_price=True)]


def test_the_hand_worked_example() -> None:
    """A at 20 000 kr: quality 8 and 6 (mean 7), method 6 and 6, price 10 →
    0.5 × 7 + 0.2 × 6 + 0.3 × 10 = 7.70. B at 25 000 kr: quality 9 and 9, method 8 and 10
    (mean 9), price 10 × 20 000 ÷ 25 000 = 8 → 0.5 × 9 + 0.2 × 9 + 0.3 × 8 = 8.70."""
    a = BidFigures(1, Decimal("20000"), EARLY, {QUALITY: [8, 6], METHOD: [6, 6]})
    b = BidFigures(2, Decimal("25000"), EARLY, {QUALITY: [9, 9], METHOD: [8, 10]})
    first, second = ranking.rank([a, b], CRITERIA)
    assert (first.bid_id, first.rank, first.total) == (2, 1, Decimal("8.70"))
    assert (second.bid_id, second.rank, second.total) == (1, 2, Decimal("7.70"))
    assert first.criterion_scores == {QUALITY: 9, METHOD: 9, PRICE: 8}
    assert second.criterion_scores[PRICE] == 10


def test_equal_totals_are_ranked_by_price_then_by_the_time_sent() -> None:
    only_price = [Weighted(QUALITY, 100)]
    dear = BidFigures(1, Decimal("30000"), EARLY, {QUALITY: [7, 7]})
    cheap = BidFigures(2, Decimal("10000"), LATE, {QUALITY: [7, 7]})
    cheap_early = BidFigures(3, Decimal("10000"), EARLY, {QUALITY: [7, 7]})
    assert [r.bid_id for r in ranking.rank([dear, cheap, cheap_early], only_price)] == [3, 2, 1]


def test_the_price_score_is_ten_times_the_lowest_over_the_price() -> None:
    assert ranking.price_score(Decimal("20000"), Decimal("20000")) == 10
    assert ranking.price_score(Decimal("40000"), Decimal("20000")) == 5


def test_the_total_is_rounded_half_up_to_two_decimals() -> None:
    third = BidFigures(1, Decimal("1"), EARLY, {QUALITY: [1, 1, 2]})
    (only,) = ranking.rank([third], [Weighted(QUALITY, 100)])
    assert only.total == Decimal("1.33")


@pytest.mark.django_db
def test_the_award_gives_every_bidder_its_rank_and_total() -> None:
    competition = published()
    a, _ = a_bid(competition, "20000.00")
    b, _ = a_bid(competition, "25000.00")
    one, two = manager(), a_scheme_manager()
    competition = evaluating(competition, one, two)
    quality, method = "Kvalitet i oppfølgingen", "Samarbeid med arbeidsgivere"
    score_all(one, a, {quality: 8, method: 6})
    score_all(two, a, {quality: 6, method: 6})
    score_all(one, b, {quality: 9, method: 8})
    score_all(two, b, {quality: 9, method: 10})
    services.competition_award(
        actor=one, competition=competition, version=competition.version, bids=[b.pk]
    )
    a.refresh_from_db()
    b.refresh_from_db()
    # Weights 40/30/30 here: A 0.4 × 7 + 0.3 × 6 + 0.3 × 10 = 7.60; B 0.4 × 9 + 0.3 × 9 +
    # 0.3 × 8 = 8.70.
    assert (b.rank, b.total_score, b.is_winner) == (1, Decimal("8.70"), True)
    assert (a.rank, a.total_score, a.is_winner) == (2, Decimal("7.60"), False)
