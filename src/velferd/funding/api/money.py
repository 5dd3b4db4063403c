"""Budgets and commitments, for the county's scheme managers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.lifecycles import unknown_action

from .. import selectors, services
from ..lifecycles import COMMITMENT
from ..models import Commitment
from ..schemas import (
    CommitmentIn,
    CommitmentList,
    CommitmentMove,
    CommitmentMoveIn,
    CommitmentOut,
    CommitmentStatusFilter,
    SchemeBudgetIn,
    SchemeBudgetList,
    SchemeBudgetOut,
    Year,
)
from .router import operation, paged, router


def budget_out(line: selectors.BudgetLine) -> dict[str, Any]:
    budget = line.budget
    return {
        "id": budget.pk,
        "county": budget.county_id,
        "scheme_type": budget.scheme_type.code,
        "year": budget.year,
        "amount": budget.amount,
        "committed": line.committed,
        "remaining": line.remaining,
        "version": budget.version,
    }


@router.get(
    "/budgets",
    response={200: SchemeBudgetList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_budgets"),
)
def list_budgets(request: HttpRequest, year: Year | None = None) -> Any:
    """The year's budgets (this year's by default) of the counties the caller manages, with
    what is committed."""
    lines = selectors.budget_lines(actor_of(request), year or timezone.localdate().year)
    return {"items": [budget_out(line) for line in lines], "count": len(lines)}


@router.put(
    "/budgets",
    response={200: SchemeBudgetOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("set_budget"),
)
def set_budget(request: HttpRequest, payload: SchemeBudgetIn) -> Any:
    """Set a county's budget for a scheme type and year (a change needs its version)."""
    actor = actor_of(request)
    budget = services.budget_set(
        actor=actor,
        county_number=payload.county,
        scheme_type=payload.scheme_type,
        year=payload.year,
        amount=payload.amount,
        version=payload.version,
    )
    line = next(
        line for line in selectors.budget_lines(actor, budget.year) if line.budget.pk == budget.pk
    )
    return budget_out(line)


def commitment_out(commitment: Commitment) -> dict[str, Any]:
    return {
        "id": commitment.pk,
        "number": commitment.number,
        "delivery": commitment.delivery.number,
        "period_start": commitment.period_start,
        "period_end": commitment.period_end,
        "amount": commitment.amount,
        "basis": commitment.basis,
        "status": commitment.status,
        "status_reason": commitment.status_reason,
        "proposed_by": commitment.proposed_by.username,
        "approved_by": commitment.approved_by.username if commitment.approved_by else None,
        "remaining": selectors.commitment_remaining(commitment),
        "version": commitment.version,
    }


@router.get(
    "/commitments",
    response={200: CommitmentList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_commitments"),
)
def list_commitments(
    request: HttpRequest, paging: Query[PageParams], status: CommitmentStatusFilter = ""
) -> Any:
    return paged(selectors.commitments(actor_of(request), status), paging, commitment_out)


@router.post(
    "/commitments",
    response={201: CommitmentOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("propose_commitment"),
)
def propose_commitment(request: HttpRequest, payload: CommitmentIn) -> Any:
    """Propose a commitment for a delivery and period; another scheme manager approves it."""
    commitment = services.commitment_propose(
        actor=actor_of(request),
        delivery_id=payload.delivery,
        period_start=payload.period_start,
        period_end=payload.period_end,
        amount=payload.amount,
        basis=payload.basis,
    )
    return 201, commitment_out(selectors.commitment_for(actor_of(request), commitment.pk))


@router.get(
    "/commitments/{commitment_id}",
    response={200: CommitmentOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_commitment"),
)
def get_commitment(request: HttpRequest, commitment_id: int) -> Any:
    return commitment_out(selectors.commitment_for(actor_of(request), commitment_id))


@router.post(
    "/commitments/{commitment_id}/{move}",
    response={200: CommitmentOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("move_commitment"),
)
def move_commitment(
    request: HttpRequest, commitment_id: int, move: CommitmentMove, payload: CommitmentMoveIn
) -> Any:
    """approve (not by its proposer), return or annul (with a reason), or resubmit a
    returned commitment with its period (and amount and basis, when not calculated)."""
    actor = actor_of(request)
    if move not in COMMITMENT.names:
        raise unknown_action()
    found = selectors.commitment_for(actor, commitment_id)
    common: dict[str, Any] = {"actor": actor, "commitment_id": found.pk, "version": payload.version}
    if move in ("return", "annul"):
        common["reason"] = payload.reason
    if move == "resubmit":
        common |= {
            "period_start": payload.period_start or found.period_start,
            "period_end": payload.period_end or found.period_end,
            "amount": payload.amount,
            "basis": payload.basis,
        }
    COMMITMENT.service_for(move)(**common)
    return commitment_out(selectors.commitment_for(actor, found.pk))
