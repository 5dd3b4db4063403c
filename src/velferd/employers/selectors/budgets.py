"""The counties' subsidy budgets for a year, with what is granted, paid and remaining."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.organisation import selectors as organisation_selectors

from ..models import (
    SubsidyBudget,
    SubsidyScheme,
    scheme_of_year,
)
from .lookups import as_int, refused
from .subsidies import CENTS, granted_total, paid_total

if TYPE_CHECKING:
    from velferd.organisation.models import County


@dataclass
class BudgetLine:
    county: County
    year: int
    budget: SubsidyBudget | None
    granted: Decimal
    paid: Decimal

    @property
    def amount(self) -> Decimal:
        return self.budget.amount.quantize(CENTS) if self.budget else Decimal("0.00")

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.granted

    @property
    def scheme(self) -> str:
        """The subsidy the year's budget is for."""
        return scheme_of_year(self.year)

    @property
    def scheme_label(self) -> str:
        return str(SubsidyScheme(self.scheme).label)


def this_year() -> int:
    return timezone.localdate().year


def budget_line(*, actor: Actor, county_number: str, year: int) -> BudgetLine:
    county = organisation_selectors.county(county_number)
    if not policies.can_view_subsidy_budget(actor, county.number):
        raise refused(actor)
    return BudgetLine(
        county=county,
        year=year,
        budget=SubsidyBudget.objects.filter(
            county=county, year=year, scheme=scheme_of_year(year)
        ).first(),
        granted=granted_total(county.number, year),
        paid=paid_total(county.number, year),
    )


def budget_lines(*, actor: Actor, year: int) -> list[BudgetLine]:
    """The year's budget of every county the actor may see: all for administrators, the
    advisor's own county. Nobody else."""
    counties = list(
        organisation_selectors.counties().filter(policies.subsidy_budget_counties(actor))
    )
    if not counties:
        raise refused(actor)
    return [budget_line(actor=actor, county_number=c.number, year=year) for c in counties]


def valid_year(value: object) -> int:
    year = as_int(value)
    if year is None or not 2000 <= year <= 2100:
        raise DomainError(
            code="invalid_year",
            field="year",
            message_nb="Året må være mellom 2000 og 2100.",
            message_en="The year must be between 2000 and 2100.",
        )
    return year


def today() -> datetime.date:
    return timezone.localdate()
