"""The claim calculation against hand-worked examples, in the database and in Python."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from velferd.funding.calculation import (
    Share,
    claim_amount,
    commitment_amount,
    days_inside,
    to_ore,
)
from velferd.funding.models import Claim
from velferd.funding.selectors.month_claims import month_claims
from velferd.schemes.models import NationalRate, PriceModel
from velferd.schemes.tests.factories import a_delivery, an_agreement

from .factories import a_participation, calculated_claim

NOVEMBER = datetime.date(2026, 11, 1)  # 30 days
FEBRUARY = datetime.date(2026, 2, 1)  # 28 days


def test_a_participant_from_the_10th_to_the_20th_at_half_time() -> None:
    share = Share(datetime.date(2026, 11, 10), datetime.date(2026, 11, 20), Decimal("50"))
    # 11 days × 0.5 ÷ 30 month-works × 30 000 kr = 5 500 kr
    assert claim_amount([share], NOVEMBER, Decimal("30000"), per_week=False) == Decimal("5500.00")
    assert claim_amount([share], NOVEMBER, Decimal("1000"), per_week=False) == to_ore(
        Decimal(11) * Decimal("0.5") / 30 * 1000
    )


def test_week_works_are_the_days_over_seven() -> None:
    share = Share(datetime.date(2026, 2, 1), None, Decimal("100"))
    # 28 days ÷ 7 = 4 week-works × 2 500 kr
    assert claim_amount([share], FEBRUARY, Decimal("2500"), per_week=True) == Decimal("10000.00")


def test_days_inside_clamps_to_the_month() -> None:
    assert days_inside(datetime.date(2026, 10, 20), None, NOVEMBER) == 30
    assert days_inside(datetime.date(2026, 10, 20), datetime.date(2026, 10, 31), NOVEMBER) == 0
    assert days_inside(datetime.date(2026, 11, 30), datetime.date(2027, 1, 5), NOVEMBER) == 1


def test_rounding_half_up_once_per_claim() -> None:
    # 1 day × 100 % ÷ 30 × 100 kr = 3.3333… and three of them 10.00 (not 3 × 3.33)
    shares = [Share(datetime.date(2026, 11, 5), datetime.date(2026, 11, 5), Decimal(100))] * 3
    assert claim_amount(shares, NOVEMBER, Decimal("100"), per_week=False) == Decimal("10.00")
    # 1 day ÷ 30 × 0.15 kr = 0.005 → 0.01 (half up)
    one = [Share(datetime.date(2026, 11, 5), datetime.date(2026, 11, 5), Decimal(100))]
    assert claim_amount(one, NOVEMBER, Decimal("0.15"), per_week=False) == Decimal("0.01")


def test_a_commitment_counts_a_part_month_by_its_days() -> None:
    rates = {datetime.date(2026, 11, 1): Decimal(30000), datetime.date(2026, 12, 1): Decimal(31000)}
    # 10 places × (16/30 × 30 000 + 31/31 × 31 000)
    amount = commitment_amount(
        datetime.date(2026, 11, 15), datetime.date(2026, 12, 31), 10, rates, per_week=False
    )
    assert amount == Decimal("470000.00")


@pytest.mark.django_db
def test_the_database_calculates_the_hand_worked_example() -> None:
    delivery = a_delivery(agreement=an_agreement(rate=Decimal("30000.00")))
    a_participation(delivery, "p1", datetime.date(2026, 11, 10), datetime.date(2026, 11, 20), "50")
    a_participation(delivery, "p2", datetime.date(2026, 10, 1), None, "100")
    claim = calculated_claim(delivery, NOVEMBER)
    # (11 × 0.5 + 30 × 1) ÷ 30 = 1.1833… month-works × 30 000 = 35 500 kr
    assert claim.amount == Decimal("35500.00")
    assert claim.work_units == Decimal("1.1833")
    assert claim.participants == 2
    assert claim.rate == Decimal("30000.00")


@pytest.mark.django_db
def test_the_national_rate_of_the_year_and_weekly_models() -> None:
    fixed = a_delivery(agreement=an_agreement(price_model=PriceModel.FIXED_MONTHLY_RATE))
    NationalRate.objects.create(
        scheme_type=fixed.scheme_type, year=2026, monthly_rate=Decimal("18000.00")
    )
    weekly = a_delivery(
        agreement=an_agreement(price_model=PriceModel.AGREED_WEEKLY, rate=Decimal("2500.00"))
    )
    a_participation(fixed, "f1", datetime.date(2026, 2, 15), None, "80")
    a_participation(weekly, "w1", datetime.date(2026, 2, 1), None, "100")
    rows = {row.delivery_id: row for row in month_claims(FEBRUARY)}
    # 14 days × 0.8 ÷ 28 × 18 000 = 7 200 kr; 28 ÷ 7 × 2 500 = 10 000 kr
    assert rows[fixed.pk].amount(FEBRUARY) == Decimal("7200.00")
    assert rows[weekly.pk].amount(FEBRUARY) == Decimal("10000.00")


@pytest.mark.django_db
def test_other_price_models_are_not_calculated() -> None:
    other = a_delivery(agreement=an_agreement(price_model=PriceModel.OTHER))
    a_participation(other, "o1", datetime.date(2026, 2, 1))
    assert other.pk not in {row.delivery_id for row in month_claims(FEBRUARY)}


@pytest.mark.django_db
def test_recalculating_replaces_an_open_month_and_leaves_a_submitted_one() -> None:
    delivery = a_delivery(agreement=an_agreement(rate=Decimal("30000.00")))
    a_participation(delivery, "p1", datetime.date(2026, 11, 1), None, "100")
    first = calculated_claim(delivery, NOVEMBER)
    a_participation(delivery, "p2", datetime.date(2026, 11, 16), None, "100")
    second = calculated_claim(delivery, NOVEMBER)
    assert second.pk != first.pk and second.amount == Decimal("45000.00")
    Claim.objects.filter(pk=second.pk).update(status="submitted")
    a_participation(delivery, "p3", datetime.date(2026, 11, 1), None, "100")
    third = calculated_claim(delivery, NOVEMBER)
    assert third.pk == second.pk and third.amount == Decimal("45000.00")


@pytest.mark.django_db
def test_the_database_equals_python_on_a_random_sample() -> None:
    """Twenty deliveries of the three calculated models with random participation: the
    set-based aggregate gives every delivery the claim the per-delivery calculation does."""
    import random

    rng = random.Random(14)
    models = [
        (PriceModel.AGREED_MONTHLY, Decimal("18950.00")),
        (PriceModel.AGREED_WEEKLY, Decimal("4375.50")),
        (PriceModel.FIXED_MONTHLY_RATE, None),
    ]
    expected = {}
    for n in range(20):
        model, rate = models[n % 3]
        delivery = a_delivery(agreement=an_agreement(price_model=model, rate=rate))
        if rate is None:
            rate = Decimal("17891.00")
            NationalRate.objects.create(
                scheme_type=delivery.scheme_type, year=2026, monthly_rate=rate
            )
        shares = []
        for i in range(rng.randint(1, 8)):
            start = datetime.date(2026, rng.randint(1, 11), rng.randint(1, 28))
            end = (
                start + datetime.timedelta(days=rng.randint(0, 90)) if rng.random() < 0.5 else None
            )
            percentage = str(
                rng.choice((20, 50, 100)) if rng.random() < 0.7 else rng.randint(100, 9999) / 100
            )
            a_participation(delivery, f"r{i}", start, end, percentage)
            shares.append(Share(start, end, Decimal(percentage)))
        per_week = model == PriceModel.AGREED_WEEKLY
        amount = claim_amount(shares, NOVEMBER, rate, per_week=per_week)
        if any(days_inside(s.from_date, s.to_date, NOVEMBER) for s in shares):
            expected[delivery.pk] = amount
    found = {row.delivery_id: row.amount(NOVEMBER) for row in month_claims(NOVEMBER)}
    assert {pk: found.get(pk) for pk in expected} == expected
