"""The overview of places in the API: a county's, an office's or the whole country's
places, occupied places and people waiting per scheme type, and the last 12 months. People
waiting are under statistical disclosure control: a hidden count is null with
`masked: true` and the reason."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import CountyNumber, UnitNumber

from ..selectors.overview import Overview, Waiting, overview_scope, places_overview
from .router import router


class WaitingOut(Schema):
    count: int | None = Field(description="people waiting; null when masked")
    masked: bool
    reason: str | None = Field(None, description="why the count is masked; null if shown")


class TypeLineOut(Schema):
    scheme_type: str = Field(description="the scheme type's code")
    label: str = Field(description="the scheme type's name in the reader's language")
    places: int
    occupied: int
    utilisation: Decimal | None = Field(description="occupied ÷ places in per cent, 1 decimal")
    waiting: WaitingOut


class VtaOut(Schema):
    places: int
    occupied: int


class MonthOut(Schema):
    month: str = Field(description="yyyy-mm")
    counted_on: datetime.date = Field(description="the day the month is counted on")
    places: int
    occupied: int
    utilisation: Decimal | None
    vta_ordinary: VtaOut = Field(description="VTA in ordinary enterprises")
    vta_sheltered: VtaOut = Field(description="VTA in sheltered enterprises")


class PlacesOverviewOut(Schema):
    scope: str = Field(description="country, county or office")
    name: str
    county: str | None
    office: str | None = Field(description="the office's unit number")
    today: datetime.date
    places: int
    occupied: int
    utilisation: Decimal | None
    waiting: WaitingOut
    scheme_types: list[TypeLineOut]
    months: list[MonthOut]


def _waiting(waiting: Waiting) -> dict[str, Any]:
    return {"count": waiting.count, "masked": waiting.count is None, "reason": waiting.reason}


def overview_out(overview: Overview) -> dict[str, Any]:
    scope = overview.scope
    return {
        "scope": scope.kind,
        "name": scope.name,
        "county": scope.county_id,
        "office": scope.unit_number,
        "today": overview.today,
        "places": overview.places,
        "occupied": overview.occupied,
        "utilisation": overview.utilisation,
        "waiting": _waiting(overview.waiting),
        "scheme_types": [
            {
                "scheme_type": line.code,
                "label": line.label,
                "places": line.places,
                "occupied": line.occupied,
                "utilisation": line.utilisation,
                "waiting": _waiting(line.waiting),
            }
            for line in overview.lines
        ],
        "months": [
            {
                "month": f"{month.month:%Y-%m}",
                "counted_on": month.counted_on,
                "places": month.places,
                "occupied": month.occupied,
                "utilisation": month.utilisation,
                "vta_ordinary": _vta(month.vta, "VARIG_TILRETTELAGT_ARBEID_ORDINAER"),
                "vta_sheltered": _vta(month.vta, "VARIG_TILRETTELAGT_ARBEID_SKJERMET"),
            }
            for month in overview.months
        ],
    }


def _vta(vta: dict[str, tuple[int, int]], code: str) -> dict[str, int]:
    places, occupied = vta.get(code, (0, 0))
    return {"places": places, "occupied": occupied}


@router.get(
    "/overview",
    response={200: PlacesOverviewOut, **ERRORS},
    auth=AUTH,
    operation_id="velferd_participants_api_places_overview",
)
def places_overview_api(
    request: HttpRequest, county: CountyNumber | None = None, office: UnitNumber | None = None
) -> Any:
    """Scheme managers (their counties and offices; national: all), office managers (their
    office) and analysts (any): the places overview of an office (`office`: unit number), a
    county (`county`: number) or, with neither, the reader's own."""
    scope = overview_scope(actor_of(request), county=county or "", office=office or "")
    return overview_out(places_overview(scope))
