"""What the funding domain reads of the schemes: deliveries with their agreement, price
model and supplier, the agreed rates and the national rates. Funding joins these tables
through its own models' string paths for the month's claims; here are the rows it looks up
one by one and the rate tables it joins as subqueries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from ..models import AgreementRate, Delivery, NationalRate, SchemeType

FUNDING_DELIVERY_RELATIONS = ("agreement", "supplier", "scheme_type", "county")


def funding_deliveries(condition: Q | None = None) -> QuerySet[Delivery]:
    """Deliveries with what funding shows of them, filtered by `condition` (an access
    filter over deliveries)."""
    rows = Delivery.objects.select_related(*FUNDING_DELIVERY_RELATIONS)
    return rows.filter(condition) if condition is not None else rows


def funding_delivery(delivery_id: Any) -> Delivery | None:
    return funding_deliveries().filter(pk=delivery_id).first()


def funding_deliveries_by_number(numbers: set[str]) -> dict[str, Delivery]:
    return {d.number: d for d in funding_deliveries().filter(number__in=numbers)}


def funding_scheme_types() -> QuerySet[SchemeType]:
    """The scheme types a budget may be set for."""
    return SchemeType.objects.filter(is_active=True)


def funding_scheme_type(code: str) -> SchemeType | None:
    return SchemeType.objects.filter(code=code).first()


def national_rates() -> QuerySet[NationalRate]:
    """The national monthly rates (scheme_type, year)."""
    return NationalRate.objects.all()


def agreement_rates() -> QuerySet[AgreementRate]:
    """The agreed rates (agreement, valid_from)."""
    return AgreementRate.objects.all()


def national_rate(scheme_type_id: Any, year: int) -> Decimal | None:
    row = NationalRate.objects.filter(scheme_type_id=scheme_type_id, year=year).first()
    return row.monthly_rate if row else None


def agreed_rate(agreement_id: Any, month_end: datetime.date) -> Decimal | None:
    """The agreed rate in force in a month: the last one valid from on or before its last
    day."""
    row = (
        AgreementRate.objects.filter(agreement_id=agreement_id, valid_from__lte=month_end)
        .order_by("-valid_from")
        .first()
    )
    return row.amount if row else None


__all__ = [
    "agreed_rate",
    "agreement_rates",
    "funding_deliveries",
    "funding_deliveries_by_number",
    "funding_delivery",
    "funding_scheme_type",
    "funding_scheme_types",
    "national_rate",
    "national_rates",
]
