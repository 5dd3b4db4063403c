"""The outcome figures, masked as on the page: for each scheme type (and follow-up without a
scheme, `scheme_type` "") at each horizon, how many ended and the share in each status, for
the country or one county."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import CountyNumber

from ..selectors import outcomes as selectors
from .router import operation, router


class OutcomeFigureParams(Schema):
    county: CountyNumber | None = Field(None, description="a county's number; none: Norway")
    horizon: int | None = Field(None, description="3, 6, 12 or 24; none: every horizon")


class OutcomeShareOut(Schema):
    status: str = Field(description="in_work, in_education, on_benefit or none")
    share: float | None = Field(description="per cent of those who ended; null when hidden")
    reason: str | None = Field(description="why the share is hidden (core.disclosure)")


class OutcomeFigureRowOut(Schema):
    scheme_type: str = Field(description="the scheme type's code; empty: follow-up without")
    label: str
    horizon_months: int
    ended: int | None
    reason: str | None
    shares: list[OutcomeShareOut]


class OutcomeFiguresOut(Schema):
    county: str | None
    county_name: str
    rows: list[OutcomeFigureRowOut]


@router.get(
    "/outcomes",
    response={200: OutcomeFiguresOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("outcome_figures"),
)
def outcome_figures(request: HttpRequest, params: Query[OutcomeFigureParams]) -> Any:
    """The outcome figures for Norway or one county, small cells masked."""
    actor = actor_of(request)
    figures = selectors.outcome_figures(actor=actor, county=params.county)
    horizon = selectors.horizon_from(str(params.horizon)) if params.horizon is not None else None
    rows = figures.rows if horizon is None else figures.at(horizon)
    return {
        "county": figures.county,
        "county_name": figures.county_name,
        "rows": [
            {
                "scheme_type": row.key,
                "label": row.label,
                "horizon_months": row.horizon,
                "ended": row.ended,
                "reason": row.reason or None,
                "shares": [cell.as_dict() for cell in row.cells],
            }
            for row in rows
        ],
    }
