"""The calculation aid: what the household needs a month by the state's guideline rates, its
housing and electricity, less its income. An aid to the caseworker's judgement, not the
decision: financial assistance is assessed case by case (Social Services Act § 18).

- The applicant's own rate: a couple's rate with a spouse or cohabitant in the household,
  the rate for a person sharing a household with other adults, or a single adult's.
- Each child living with the applicant at least half the time: the rate of its age band on
  the day of the calculation; a child of 18 or more counts as an adult sharing the household.
- Housing and electricity as the applicant states them (they are not in the rates).
- Income a month, except child benefit: it is not counted since 1 September 2022 (§ 18
  third paragraph). Assets are listed beside it for the caseworker's judgement, not
  subtracted.

The rates of the calculation's year are used, or, when that year's are not entered yet, the
latest earlier year's: the result says which."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .models import (
    ASSET_KINDS,
    Application,
    GuidelineRate,
    MoneyKind,
    RateKind,
    Relation,
)

ZERO = Decimal("0.00")
NOT_COUNTED = frozenset({MoneyKind.CHILD_BENEFIT})


@dataclass(frozen=True)
class Line:
    kind: str
    count: int
    rate: Decimal

    @property
    def amount(self) -> Decimal:
        return self.rate * self.count


@dataclass(frozen=True)
class Calculation:
    year: int  # the year the rates are of
    asked_year: int
    lines: list[Line]
    housing: Decimal
    electricity: Decimal
    income: Decimal
    assets: Decimal
    missing_rates: list[str] = field(default_factory=list)

    @property
    def rates_total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def need(self) -> Decimal:
        return self.rates_total + self.housing + self.electricity

    @property
    def result(self) -> Decimal:
        """The need less the income, never below nothing."""
        return max(ZERO, self.need - self.income)

    @property
    def rates_of_earlier_year(self) -> bool:
        return self.year != self.asked_year

    def as_record(self) -> dict[str, Any]:
        """The figures as the decision keeps them."""
        return {
            "year": self.year,
            "lines": [
                {"kind": line.kind, "count": line.count, "rate": str(line.rate)}
                for line in self.lines
            ],
            "housing": str(self.housing),
            "electricity": str(self.electricity),
            "income": str(self.income),
            "assets": str(self.assets),
            "result": str(self.result),
        }


def _age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _child_band(age: int) -> str:
    if age <= 5:
        return RateKind.CHILD_0_5
    if age <= 10:
        return RateKind.CHILD_6_10
    if age <= 17:
        return RateKind.CHILD_11_17
    return RateKind.SHARED_HOUSING


def household_kinds(application: Application, on: datetime.date) -> list[str]:
    """The rate kind of each member of the household's economy, the applicant first."""
    members = [m for m in application.household.all() if m.lives_with_applicant]
    relations = {m.relation for m in members}
    adult_children = [
        m for m in members if m.relation == Relation.CHILD and _age_on(m.birth_date, on) >= 18
    ]
    kinds: list[str]
    if Relation.SPOUSE in relations:
        kinds = [RateKind.COUPLE]
    elif Relation.OTHER_ADULT in relations or adult_children:
        kinds = [RateKind.SHARED_HOUSING]
    else:
        kinds = [RateKind.SINGLE_ADULT]
    for member in members:
        if member.relation == Relation.CHILD:
            kinds.append(_child_band(_age_on(member.birth_date, on)))
    return kinds


def rates_for(year: int) -> tuple[int, dict[str, Decimal]]:
    """The rates of `year`, or of the latest earlier year that has any; (year, {})
    when none are entered."""
    latest = (
        GuidelineRate.objects.filter(year__lte=year)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if latest is None:
        return year, {}
    rows = GuidelineRate.objects.filter(year=latest)
    return latest, {rate.kind: rate.amount for rate in rows}


def _lines(kinds: list[str], rates: dict[str, Decimal]) -> tuple[list[Line], list[str]]:
    lines: list[Line] = []
    missing: list[str] = []
    for kind in RateKind.values:
        count = kinds.count(kind)
        if not count:
            continue
        if kind not in rates:
            missing.append(kind)
            continue
        lines.append(Line(kind=kind, count=count, rate=rates[kind]))
    return lines, missing


def calculate(application: Application, on: datetime.date) -> Calculation:
    """The calculation aid for the application on a day (the period's first)."""
    year, rates = rates_for(on.year)
    lines, missing = _lines(household_kinds(application, on), rates)
    money = list(application.money.all())
    income = sum(
        (m.amount for m in money if m.kind not in ASSET_KINDS and m.kind not in NOT_COUNTED),
        ZERO,
    )
    assets = sum((m.amount for m in money if m.kind in ASSET_KINDS), ZERO)
    return Calculation(
        year=year,
        asked_year=on.year,
        lines=lines,
        housing=application.housing_cost or ZERO,
        electricity=application.electricity_cost or ZERO,
        income=income,
        assets=assets,
        missing_rates=missing,
    )
