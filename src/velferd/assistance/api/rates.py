"""The state's guideline rates in the API: read by the municipal caseworkers and the
administrators, entered and corrected by administrators."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS

from ..models import GuidelineRate
from ..selectors.rates import rates_of
from ..services.rates import rate_set, valid_year

router = Router()


class GuidelineRateOut(Schema):
    year: int
    kind: str
    amount: str
    version: int


class GuidelineRateList(Schema):
    year: int
    items: list[GuidelineRateOut]


class GuidelineRateIn(Schema):
    year: int
    kind: Annotated[str, Field(max_length=20)]
    amount: Annotated[str, Field(max_length=20)]
    version: int | None = Field(None, ge=0)


def rate_out(rate: GuidelineRate) -> dict[str, Any]:
    return {
        "year": rate.year,
        "kind": rate.kind,
        "amount": str(rate.amount),
        "version": rate.version,
    }


@router.get(
    "/rates",
    response={200: GuidelineRateList, **ERRORS},
    auth=AUTH,
    operation_id="velferd_assistance_api_rates_list",
)
def list_rates(request: HttpRequest, year: int | None = None) -> Any:
    """A year's guideline rates (this year's by default), in kroner a month."""
    policies.require(actor_of(request), policies.can_view_guideline_rates)
    checked = valid_year(year if year is not None else timezone.localdate().year)
    rates = rates_of(checked)
    return {"year": checked, "items": [rate_out(rate) for rate in rates]}


@router.put(
    "/rates",
    response={200: GuidelineRateOut, **ERRORS},
    auth=AUTH,
    operation_id="velferd_assistance_api_rates_set",
)
def set_rate(request: HttpRequest, payload: GuidelineRateIn) -> Any:
    """Enter a year's rate for a kind (no version the first time) or correct it."""
    rate = rate_set(
        actor=actor_of(request),
        year=payload.year,
        kind=payload.kind,
        amount=payload.amount,
        version=payload.version,
    )
    return rate_out(rate)
