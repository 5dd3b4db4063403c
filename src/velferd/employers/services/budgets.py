"""The counties' subsidy budgets: one per county and year, for the subsidy of that year
(prevention and facilitation up to 2018, expert assistance since), never below what is
granted."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid
from velferd.organisation import selectors as organisation_selectors

from .. import selectors
from ..models import (
    SubsidyBudget,
    scheme_of_year,
)
from .subsidies import valid_amount

if TYPE_CHECKING:
    from velferd.organisation.models import County


def _budget_amount(amount: object) -> Decimal:
    """A budget may be nothing at all (0), else an amount like any other."""
    try:
        if Decimal(str(amount).strip()) == 0:
            return Decimal("0.00")
    except (InvalidOperation, ValueError):
        pass
    return valid_amount(amount)


def _budget_exists(county: str, year: int) -> DomainError:
    return invalid(
        "budget_exists",
        "version",
        f"{county} har allerede et budsjett for {year}. Last inn på nytt og endre det.",
        f"{county} already has a budget for {year}. Reload and change it.",
        status=CONFLICT,
    )


def _budget_create(county: County, year: int, amount: Decimal) -> SubsidyBudget:
    """The county's first budget for the year. Two sessions may both have found none: the
    unique constraint lets one create it, and the other is told it now exists (in a
    savepoint, so its transaction can still answer)."""
    try:
        with transaction.atomic():
            return SubsidyBudget.objects.create(
                county=county, year=year, scheme=scheme_of_year(year), amount=amount
            )
    except IntegrityError:
        if _budgets(county, year).exists():
            raise _budget_exists(county.name, year) from None
        raise


def _budgets(county: County, year: int) -> QuerySet[SubsidyBudget]:
    return SubsidyBudget.objects.filter(county=county, year=year, scheme=scheme_of_year(year))


@transaction.atomic
def budget_set(
    *, actor: Actor, county_number: str, year: int, amount: object, version: int | None = None
) -> SubsidyBudget:
    """Set a county's subsidy budget for a year. Changing an existing budget needs its
    version; it cannot go below what has already been granted. The first setting creates
    the budget, so this write looks its row up under lock (there may be none yet) instead
    of going through audited_change."""
    county = organisation_selectors.county(county_number)
    policies.require(actor, policies.can_set_subsidy_budget, county.number)
    year = selectors.valid_year(year)
    value = _budget_amount(amount)
    budget = _budgets(county, year).select_for_update().first()
    if budget is None and version not in (None, 0):
        raise invalid(
            "stale_version",
            "version",
            "Budsjettet finnes ikke ennå. Last inn på nytt.",
            "The budget does not exist yet. Reload.",
            status=CONFLICT,
        )
    if budget is not None:
        if version is None:
            raise _budget_exists(county.name, year)
        budget.check_version(version)
    granted = selectors.granted_total(county.number, year)
    if value < granted:
        raise invalid(
            "below_granted",
            "amount",
            f"Budsjettet kan ikke være lavere enn det som er innvilget ({granted} kr).",
            f"The budget cannot be lower than what has been granted ({granted} NOK).",
        )
    before = {"amount": str(budget.amount)} if budget else None
    if budget is None:
        budget = _budget_create(county, year, value)
    else:
        budget.amount = value
        budget.bump_version()
        budget.save()
    audit.record(
        actor=actor,
        action="budget.set",
        target=budget,
        before=before,
        after={
            "county": county.number,
            "year": year,
            "scheme": budget.scheme,
            "amount": str(value),
        },
    )
    return budget
