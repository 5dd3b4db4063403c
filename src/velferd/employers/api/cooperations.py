"""The IW cooperation: starting one, its owner, its lifecycle moves and its event log."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import OrganisationNumber
from velferd.core.lifecycles import Move, state_label

from .. import lifecycles, selectors, services
from ..models import Cooperation
from ..schemas import (
    CooperationIn,
    CooperationList,
    CooperationOut,
    EventList,
    OwnerIn,
    TransitionIn,
)
from .router import (
    cooperation_of,
    enterprise_named,
    in_english,
    operation,
    paged,
    router,
    user_named,
)


def cooperation_out(cooperation: Cooperation) -> dict[str, Any]:
    blockers = selectors.completion_blockers(cooperation) if cooperation.is_open else []
    english = in_english()
    return {
        "id": cooperation.pk,
        "organisation_number": cooperation.enterprise.organisation_number,
        "enterprise_name": cooperation.enterprise.name,
        "status": cooperation.status,
        "is_open": cooperation.is_open,
        "owner": str(cooperation.owner) if cooperation.owner else None,
        "owner_username": cooperation.owner.username if cooperation.owner else None,
        "reason": cooperation.reason,
        "deferred_until": cooperation.deferred_until,
        "deferral_due": cooperation.deferral_due,
        "started_at": cooperation.created_at,
        "completion_blockers": [en if english else nb for nb, en in blockers],
        "version": cooperation.version,
    }


@router.get(
    "/enterprises/{organisation_number}/cooperations",
    response={200: CooperationList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_cooperations"),
)
def list_cooperations(
    request: HttpRequest, organisation_number: OrganisationNumber, paging: Query[PageParams]
) -> Any:
    """The enterprise's cooperations, the open one first."""
    enterprise = enterprise_named(request, organisation_number)
    return paged(selectors.cooperations_of(enterprise), paging, cooperation_out)


@router.post(
    "/enterprises/{organisation_number}/cooperations",
    response={201: CooperationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("start_cooperation"),
)
def start_cooperation(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: CooperationIn
) -> Any:
    """Start a cooperation (to assess); 409 while one is open."""
    enterprise = enterprise_named(request, organisation_number)
    cooperation = services.cooperation_start(
        actor=actor_of(request),
        enterprise=enterprise,
        owner=user_named(payload.owner, "owner") if payload.owner else None,
        comment=payload.comment,
    )
    return Status(201, cooperation_out(cooperation))


@router.get(
    "/cooperations/deferred",
    response={200: CooperationList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_deferred_cooperations"),
)
def list_deferred_cooperations(
    request: HttpRequest, paging: Query[PageParams], due: bool = False
) -> Any:
    """Advisors: the deferred cooperations of their county, the earliest date first; `due`
    for those whose date has come, back for assessment (resume them)."""
    return paged(
        selectors.deferred_cooperations(actor=actor_of(request), due=due), paging, cooperation_out
    )


@router.get(
    "/cooperations/{cooperation_id}",
    response={200: CooperationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_cooperation"),
)
def get_cooperation(request: HttpRequest, cooperation_id: int) -> Any:
    return cooperation_out(cooperation_of(request, cooperation_id))


@router.put(
    "/cooperations/{cooperation_id}/owner",
    response={200: CooperationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("set_owner"),
)
def set_owner(request: HttpRequest, cooperation_id: int, payload: OwnerIn) -> Any:
    cooperation = cooperation_of(request, cooperation_id)
    return cooperation_out(
        services.cooperation_set_owner(
            actor=actor_of(request),
            cooperation=cooperation,
            owner=user_named(payload.username, "owner"),
            version=payload.version,
        )
    )


def _summary(move: Move) -> str:
    """ "Active → completed (needs a reason, and …)": from the table and the declaration."""
    cycle = lifecycles.COOPERATION
    sources = " or ".join(
        state_label(cycle.choices, state, "en") for state in cycle if move.target in cycle[state]
    )
    needs = ["needs a reason"] if move.reasons else []
    if "deferred_until" in move.inputs:
        needs.append("needs deferred_until")
    if isinstance(move, lifecycles.Move) and move.needs:
        needs.append(move.needs)
    target = state_label(cycle.choices, move.target, "en").lower()
    return f"{sources} → {target}" + (f" ({', and '.join(needs)})" if needs else "")


def _move_route(move: Move) -> None:
    """POST /cooperations/{id}/<move>: a route for each move of the cooperation."""
    service = lifecycles.COOPERATION.service_for(move.name)

    def transition(request: HttpRequest, cooperation_id: int, payload: TransitionIn) -> Any:
        cooperation = cooperation_of(request, cooperation_id)
        moved = service(
            actor=actor_of(request),
            cooperation=cooperation,
            version=payload.version,
            **lifecycles.arguments(move, payload.dict()),
        )
        return cooperation_out(moved)

    router.post(
        f"/cooperations/{{cooperation_id}}/{move.name}",
        response={200: CooperationOut, **ERRORS},
        auth=AUTH,
        operation_id=f"employers_cooperation_{move.name}",
        summary=_summary(move),
    )(transition)


for _declared in lifecycles.COOPERATION.moves:
    _move_route(_declared)


@router.get(
    "/cooperations/{cooperation_id}/events",
    response={200: EventList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_events"),
)
def list_events(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    """The cooperation's event log, the latest first."""
    cooperation = cooperation_of(request, cooperation_id)
    return paged(
        selectors.events_of(cooperation),
        paging,
        lambda e: {
            "occurred_at": e.occurred_at,
            "actor": e.actor_label,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "reason": e.reason,
            "comment": e.comment,
            "deferred_until": e.deferred_until,
        },
    )
