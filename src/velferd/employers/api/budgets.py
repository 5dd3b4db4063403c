"""The counties' subsidy budgets."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import CountyNumber

from .. import selectors, services
from ..schemas import (
    BudgetIn,
    BudgetList,
    BudgetOut,
    Year,
)
from .router import operation, router


def budget_out(line: selectors.BudgetLine) -> dict[str, Any]:
    return {
        "county": line.county.number,
        "county_name": line.county.name,
        "year": line.year,
        "scheme": line.scheme,
        "amount": line.amount,
        "granted": line.granted,
        "paid": line.paid,
        "remaining": line.remaining,
        "version": line.budget.version if line.budget else None,
    }


@router.get(
    "/budgets",
    response={200: BudgetList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_budgets"),
)
def list_budgets(request: HttpRequest, year: Year | None = None) -> Any:
    """The year's subsidy budget of each county the caller may see, with what is granted,
    paid and remaining."""
    lines = selectors.budget_lines(
        actor=actor_of(request), year=selectors.valid_year(year or selectors.this_year())
    )
    return {"items": [budget_out(line) for line in lines], "count": len(lines)}


@router.get(
    "/budgets/{county}/{year}",
    response={200: BudgetOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_budget"),
)
def get_budget(request: HttpRequest, county: CountyNumber, year: Year) -> Any:
    return budget_out(
        selectors.budget_line(
            actor=actor_of(request), county_number=county, year=selectors.valid_year(year)
        )
    )


@router.put(
    "/budgets/{county}/{year}",
    response={200: BudgetOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("set_budget"),
)
def set_budget(request: HttpRequest, county: CountyNumber, year: Year, payload: BudgetIn) -> Any:
    """Set the county's budget for the year (administrators or the county's IW centre)."""
    actor = actor_of(request)
    services.budget_set(
        actor=actor,
        county_number=county,
        year=year,
        amount=payload.amount,
        version=payload.version,
    )
    return budget_out(selectors.budget_line(actor=actor, county_number=county, year=year))
