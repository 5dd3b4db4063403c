"""The year, the requests in bulk, the municipalities' lines and their decisions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS

from .. import selectors, services
from ..models import MunicipalityDecision
from ..schemas import (
    MunicipalityNumber,
    SettlementDecisionIn,
    SettlementDecisionList,
    SettlementDecisionOut,
    SettlementMunicipalityList,
    SettlementRequestsIn,
    SettlementYearIn,
    SettlementYearList,
    SettlementYearNumber,
    SettlementYearOut,
)
from ..services.common import municipality, year_of
from .router import operation, router


def _year_out(year: Any) -> dict[str, Any]:
    return {
        "year": year.year,
        "estimated_persons": year.estimated_persons,
        "estimated_unaccompanied_minors": year.estimated_unaccompanied_minors,
        "version": year.version,
    }


@router.get(
    "/years",
    response={200: SettlementYearList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_years"),
)
def list_years(request: HttpRequest) -> Any:
    """The settlement years with IMDi's estimates."""
    policies.require(actor_of(request), policies.can_work_with_settlement)
    found = [_year_out(y) for y in selectors.years()]
    return {"items": found, "count": len(found)}


@router.put(
    "/years",
    response={200: SettlementYearOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("set_year"),
)
def set_year(request: HttpRequest, payload: SettlementYearIn) -> Any:
    """Open a year with IMDi's estimate, or change the estimate (with its version)."""
    year = services.year_set(
        actor=actor_of(request),
        year=payload.year,
        estimated_persons=payload.estimated_persons,
        estimated_unaccompanied_minors=payload.estimated_unaccompanied_minors,
        version=payload.version,
    )
    return _year_out(year)


def _lines(request: HttpRequest, year: int) -> dict[str, Any]:
    lines = selectors.round_lines(actor_of(request), year_of(year))
    items = [
        {
            "municipality": line.municipality.number,
            "name": line.municipality.name,
            "requested_persons": line.request.persons,
            "requested_unaccompanied_minors": line.request.unaccompanied_minors,
            "decided_persons": line.decision.persons if line.decision else None,
            "decided_unaccompanied_minors": (
                line.decision.unaccompanied_minors if line.decision else None
            ),
            "health_competence": line.health_competence,
            "promised_persons": line.promised_persons,
            "settled_persons": line.settled_persons,
            "remaining_persons": line.remaining_persons,
            "remaining_unaccompanied_minors": line.remaining_minors,
        }
        for line in lines
    ]
    return {"items": items, "count": len(items)}


@router.put(
    "/years/{year}/requests",
    response={200: SettlementMunicipalityList, **ERRORS},
    auth=AUTH,
    operation_id=operation("set_requests"),
)
def set_requests(
    request: HttpRequest, year: SettlementYearNumber, payload: SettlementRequestsIn
) -> Any:
    """IMDi's requests to the municipalities, in bulk: a row per municipality. A bad row is
    refused with its line number and nothing is written."""
    services.requests_set(
        actor=actor_of(request), year=year, rows=[row.dict() for row in payload.rows]
    )
    return _lines(request, year)


@router.get(
    "/years/{year}/municipalities",
    response={200: SettlementMunicipalityList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_municipalities"),
)
def list_municipalities(request: HttpRequest, year: SettlementYearNumber) -> Any:
    """Requested, decided, promised, settled and remaining per municipality the caller may
    see (a coordinator: their own)."""
    policies.require(actor_of(request), policies.can_work_with_settlement)
    return _lines(request, year)


def decision_out(decision: MunicipalityDecision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "municipality": decision.request.municipality_id,
        "persons": decision.persons,
        "unaccompanied_minors": decision.unaccompanied_minors,
        "health_competence": decision.health_competence,
        "decided_on": decision.decided_on,
        "comment": decision.comment,
        "entered_by_imdi": decision.entered_by_imdi,
    }


@router.post(
    "/years/{year}/decisions",
    response={201: SettlementDecisionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("enter_decision"),
)
def enter_decision(
    request: HttpRequest, year: SettlementYearNumber, payload: SettlementDecisionIn
) -> Any:
    """The municipality's decision: by its coordinator, or by IMDi (marked so)."""
    decision = services.decision_enter(
        actor=actor_of(request),
        year=year,
        municipality_number=payload.municipality,
        persons=payload.persons,
        unaccompanied_minors=payload.unaccompanied_minors,
        health_competence=payload.health_competence,
        decided_on=payload.decided_on,
        comment=payload.comment,
    )
    return 201, decision_out(decision)


@router.get(
    "/years/{year}/municipalities/{number}/decisions",
    response={200: SettlementDecisionList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_decisions"),
)
def list_decisions(
    request: HttpRequest, year: SettlementYearNumber, number: MunicipalityNumber
) -> Any:
    """Every decision of the municipality this year, the newest (which holds) first."""
    found = selectors.request_of(actor_of(request), year_of(year), municipality(number))
    items = [decision_out(d) for d in selectors.decisions_of(found)] if found else []
    return {"items": items, "count": len(items)}
