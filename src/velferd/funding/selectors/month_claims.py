"""The month's claims for every delivery, calculated in the database in one aggregate.

For each delivery with a calculated price model and participation in the month: the day
points Σ (days of the month inside the participation × the percentage in hundredths), an
integer on every database; then the rate of the month (the national rate of the scheme
type for the year, or the agreement's rate in force on the month's last day) joined by key.
`calculation.amount_of` turns points and rate into the claim."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, ExtractDay, Greatest, Least, Round

from velferd.schemes import selectors as schemes_selectors

from ..calculation import amount_of, month_end, work_units_of
from ..models import Participation

CALCULATED = {"fixed_monthly_rate": False, "agreed_monthly": False, "agreed_weekly": True}


@dataclass(frozen=True)
class MonthClaim:
    delivery_id: int
    price_model: str
    participants: int
    points: int
    rate: Decimal | None

    def per_week(self) -> bool:
        return CALCULATED[self.price_model]

    def work_units(self, month: datetime.date) -> Decimal:
        return work_units_of(self.points, month, self.per_week())

    def amount(self, month: datetime.date) -> Decimal | None:
        if self.rate is None:
            return None
        return amount_of(self.points, month, self.rate, self.per_week())


def _days_inside(first: datetime.date, last: datetime.date) -> Any:
    """The days of the month inside a participation: both ends clamped into the month, so
    the day of the month of each is enough (on every database)."""
    start = Greatest(F("from_date"), Value(first))
    end = Least(Coalesce(F("to_date"), Value(last)), Value(last))
    return ExtractDay(end) - ExtractDay(start) + 1


def _rates(first: datetime.date, last: datetime.date) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """The month's rates, two set-based reads: the national rate of each scheme type for the
    year, and each agreement's rate in force on the month's last day (the last valid from
    on or before it). Joined to the aggregate by key rather than as correlated subqueries,
    which the database would run once per participation row (they join the GROUP BY)."""
    national = dict(
        schemes_selectors.national_rates()
        .filter(year=first.year)
        .values_list("scheme_type_id", "monthly_rate")
    )
    agreed: dict[Any, Any] = {}
    in_force = (
        schemes_selectors.agreement_rates()
        .filter(valid_from__lte=last)
        .order_by("agreement_id", "valid_from")
        .values_list("agreement_id", "amount")
    )
    for agreement_id, amount in in_force.iterator(chunk_size=10_000):
        agreed[agreement_id] = amount
    return national, agreed


def month_claims(month: datetime.date, deliveries: Q | None = None) -> list[MonthClaim]:
    """Every calculated delivery's claim for the month (`deliveries`: a filter over
    participation rows, e.g. by county)."""
    first, last = month, month_end(month)
    hundredths = Cast(Round(F("percentage") * 100), IntegerField())
    points = ExpressionWrapper(_days_inside(first, last) * hundredths, output_field=IntegerField())
    rows = (
        Participation.objects.filter(
            Q(to_date__isnull=True) | Q(to_date__gte=first),
            from_date__lte=last,
            delivery__agreement__price_model__in=list(CALCULATED),
        )
        .filter(deliveries or Q())
        .values(
            "delivery_id",
            "delivery__agreement__price_model",
            "delivery__scheme_type",
            "delivery__agreement",
        )
        .annotate(
            points=Sum(points),
            participants=Count("participant", distinct=True),
        )
        .order_by("delivery_id")
    )
    national, agreed = _rates(first, last)
    return [
        MonthClaim(
            delivery_id=row["delivery_id"],
            price_model=row["delivery__agreement__price_model"],
            participants=row["participants"],
            points=int(row["points"]),
            rate=_rate_of(row, national, agreed),
        )
        for row in rows
    ]


def _rate_of(
    row: Mapping[str, Any], national: dict[Any, Any], agreed: dict[Any, Any]
) -> Decimal | None:
    if row["delivery__agreement__price_model"] == "fixed_monthly_rate":
        value = national.get(row["delivery__scheme_type"])
    else:
        value = agreed.get(row["delivery__agreement"])
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
