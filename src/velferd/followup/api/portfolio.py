"""The portfolio: the people in follow-up at the caller's office, with their flags."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS, PageParams

from .. import portfolio
from ..schemas import (
    AgeBandFilter,
    BenefitFilter,
    MainGoalFilter,
    NeedGroupFilter,
    PortfolioFlags,
    PortfolioOut,
    PortfolioSort,
)

router = Router()


def portfolio_row(row: Any) -> dict[str, Any]:
    person = row.person
    return {
        "person": str(person.pk),
        "name": person.full_name,
        "national_id": person.masked_national_id,
        "age": person.age,
        "caseworker": row.caseworker.username if row.caseworker else None,
        "started_on": row.started_on,
        "need_group": row.need_group,
        "main_goal": row.main_goal,
        "next_deadline": row.next_deadline,
        "flags": [flag for flag in portfolio.FLAGS if getattr(row, f"f_{flag}")],
        "activity_requirement_since": (
            row.requirement_flagged_since if row.f_activity_requirement else None
        ),
    }


def _flags(value: str) -> set[str]:
    return {flag for flag in value.split(",") if flag}


@router.get(
    "/portfolio",
    response={200: PortfolioOut, **ERRORS},
    operation_id="velferd_followup_api_get_portfolio",
)
def get_portfolio(
    request: HttpRequest,
    paging: Query[PageParams],
    office: int | None = None,
    flags: PortfolioFlags = "",
    need_group: NeedGroupFilter = "",
    main_goal: MainGoalFilter = "",
    benefit: BenefitFilter = "",
    age_band: AgeBandFilter = "",
    sort: PortfolioSort = "name",
) -> Any:
    """The people in follow-up at the caller's office: `flags` is a comma list of
    unassigned, new, assessment_missing, waiting_for_office, waiting_for_person,
    overdue_activities, in_agreed_activity, not_in_agreed_activity, meetings_today,
    activity_requirement, qualification_not_assessed, plan_overdue_measures, scheme_waiting
    (on a waiting list for a scheme), scheme_ends_soon (a running scheme ends within 14
    days), children_under_18, needs_interpreter, mine. `counts` has every flag's count."""
    found = portfolio.portfolio(
        actor=actor_of(request),
        query=portfolio.PortfolioQuery(
            office=office,
            flags=_flags(flags),
            need_group=need_group,
            main_goal=main_goal,
            benefit=benefit,
            age_band=age_band,
            sort=sort,
        ),
        page=paging.page,
        page_size=paging.page_size,
    )
    return {
        "items": [portfolio_row(r) for r in found.rows],
        "count": found.count,
        "total": found.total,
        "counts": found.counts,
    }
