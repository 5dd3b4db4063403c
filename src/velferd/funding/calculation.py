"""The arithmetic of the schemes' money, as plain functions: months and their days, a
commitment's amount from its price model, and one delivery's claim for a month worked out
in Python (the month's claims for every delivery are calculated in the database by
`selectors.claims_month`; this is what they must equal).

Month-works (månedsverk): for each participant, the days of the month inside their
participation × their participation percentage ÷ the days in the month. Week-works
(ukeverk): the same days × percentage ÷ 7. A claim is the sum of the work units × the rate
of the month, rounded half up to øre once per claim."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ORE = Decimal("0.01")
WORK_UNIT_PLACES = Decimal("0.0001")
DAYS_IN_WEEK = 7


def to_ore(amount: Decimal) -> Decimal:
    """Round half up to øre: the one rounding a claim or commitment gets."""
    return amount.quantize(ORE, rounding=ROUND_HALF_UP)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def days_in_month(day: datetime.date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=days_in_month(day))


def parse_month(value: str) -> datetime.date:
    """`2026-11` (or a date in the month) → the month's first day; ValueError otherwise."""
    text = value.strip()
    if len(text) == 7:
        text += "-01"
    return month_start(datetime.date.fromisoformat(text))


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first days of the months from `start`'s to `end`'s, both included."""
    months = []
    current = month_start(start)
    while current <= end:
        months.append(current)
        current = (current + datetime.timedelta(days=32)).replace(day=1)
    return months


def days_inside(start: datetime.date, end: datetime.date | None, month: datetime.date) -> int:
    """The days of the month inside [start, end] (an open end runs past the month)."""
    first, last = month_start(month), month_end(month)
    inside_from = max(start, first)
    inside_to = min(end or last, last)
    return max((inside_to - inside_from).days + 1, 0)


@dataclass(frozen=True)
class Share:
    """One participation: its period and percentage (0–100)."""

    from_date: datetime.date
    to_date: datetime.date | None
    percentage: Decimal


def day_points(shares: Iterable[Share], month: datetime.date) -> int:
    """Σ days of the month inside each participation × its percentage in hundredths of a
    per cent: an integer, so that the database and Python add up exactly the same."""
    return sum(
        days_inside(share.from_date, share.to_date, month) * int(share.percentage * 100)
        for share in shares
    )


def divisor(month: datetime.date, per_week: bool) -> int:
    """What day points are divided by to give work units: 100 % in hundredths × the days in
    the month (month-works) or in a week (week-works)."""
    return 10_000 * (DAYS_IN_WEEK if per_week else days_in_month(month))


def work_units_of(points: int, month: datetime.date, per_week: bool) -> Decimal:
    return (Decimal(points) / divisor(month, per_week)).quantize(
        WORK_UNIT_PLACES, rounding=ROUND_HALF_UP
    )


def amount_of(points: int, month: datetime.date, rate: Decimal, per_week: bool) -> Decimal:
    """The claim: work units × rate, multiplied before dividing, rounded half up once."""
    return to_ore(Decimal(points) * rate / divisor(month, per_week))


def claim_amount(
    shares: Iterable[Share], month: datetime.date, rate: Decimal, per_week: bool
) -> Decimal:
    """One delivery's claim for the month, added up one participation at a time."""
    return amount_of(day_points(shares, month), month, rate, per_week)


def commitment_amount(
    start: datetime.date,
    end: datetime.date,
    places: int,
    rate_of_month: dict[datetime.date, Decimal],
    per_week: bool,
) -> Decimal:
    """places × the period's months (or weeks) × the rate of each month: a part month
    counts as its days ÷ the days in the month; weeks are the period's days ÷ 7."""
    total = Decimal(0)
    for month in months_between(start, end):
        days = Decimal(days_inside(start, end, month))
        units = days / DAYS_IN_WEEK if per_week else days / days_in_month(month)
        total += units * rate_of_month[month]
    return to_ore(total * places)
