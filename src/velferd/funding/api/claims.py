"""Participation, the month's claims, their moves, and the payment files."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.lifecycles import unknown_action

from .. import selectors, services
from ..lifecycles import CLAIM
from ..models import Claim, PaymentExport
from ..schemas import (
    ClaimCalculationIn,
    ClaimCalculationOut,
    ClaimIn,
    ClaimList,
    ClaimMove,
    ClaimMoveIn,
    ClaimOut,
    ClaimStatusFilter,
    MonthFilter,
    ParticipationIn,
    ParticipationRowOut,
    PaymentExportList,
    PaymentExportOut,
)
from .router import month_of, operation, paged, router


@router.post(
    "/participation",
    response={200: ParticipationRowOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("import_participation"),
)
def import_participation(request: HttpRequest, payload: ParticipationIn) -> Any:
    """Import participation rows (CSV as docs/funding-participation.md describes): all or
    nothing, every bad line named."""
    return {"rows": services.participation_import(actor=actor_of(request), text=payload.content)}


@router.post(
    "/claims/calculate",
    response={200: ClaimCalculationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("calculate_claims"),
)
def calculate_claims(request: HttpRequest, payload: ClaimCalculationIn) -> Any:
    """Calculate the month's claims of every delivery the caller manages."""
    run = services.claims_calculate(actor=actor_of(request), month=month_of(payload.month))
    return {
        "month": f"{run.month:%Y-%m}",
        "claims": run.claims,
        "total": run.total,
        "kept": run.kept,
        "without_rate": run.without_rate,
    }


def claim_out(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.pk,
        "reference": claim.reference,
        "delivery": claim.delivery.number,
        "supplier": claim.delivery.supplier.organisation_number,
        "month": f"{claim.month:%Y-%m}",
        "price_model": claim.price_model,
        "participants": claim.participants,
        "work_units": claim.work_units,
        "rate": claim.rate,
        "amount": claim.amount,
        "basis": claim.basis,
        "status": claim.status,
        "status_reason": claim.status_reason,
        "commitment": claim.commitment.number if claim.commitment else None,
        "bank_account": claim.bank_account,
        "due_on": claim.due_on,
        "version": claim.version,
    }


@router.get(
    "/claims", response={200: ClaimList, **ERRORS}, auth=AUTH, operation_id=operation("list_claims")
)
def list_claims(
    request: HttpRequest,
    paging: Query[PageParams],
    month: MonthFilter = "",
    status: ClaimStatusFilter = "",
) -> Any:
    """The claims the caller sees: a county's for its scheme managers, a supplier's own."""
    chosen = month_of(month) if month else None
    return paged(selectors.claims(actor_of(request), chosen, status), paging, claim_out)


@router.post(
    "/claims", response={201: ClaimOut, **ERRORS}, auth=AUTH, operation_id=operation("enter_claim")
)
def enter_claim(request: HttpRequest, payload: ClaimIn) -> Any:
    """The supplier's claim where nothing is calculated: the amount with its basis."""
    actor = actor_of(request)
    claim = services.claim_enter(
        actor=actor,
        delivery_id=payload.delivery,
        month=month_of(payload.month),
        amount=payload.amount,
        basis=payload.basis,
    )
    return 201, claim_out(selectors.claim_for(actor, claim.pk))


@router.get(
    "/claims/{claim_id}",
    response={200: ClaimOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_claim"),
)
def get_claim(request: HttpRequest, claim_id: int) -> Any:
    return claim_out(selectors.claim_for(actor_of(request), claim_id))


@router.post(
    "/claims/{claim_id}/{move}",
    response={200: ClaimOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("move_claim"),
)
def move_claim(request: HttpRequest, claim_id: int, move: ClaimMove, payload: ClaimMoveIn) -> Any:
    """submit (the supplier, with the bank account), approve (attest: not the commitment's
    approver) or return (with a reason)."""
    actor = actor_of(request)
    if move not in ("submit", "approve", "return"):
        raise unknown_action()
    found = selectors.claim_for(actor, claim_id)
    common: dict[str, Any] = {"actor": actor, "claim_id": found.pk, "version": payload.version}
    if move == "submit":
        common["bank_account"] = payload.bank_account
    if move == "return":
        common["reason"] = payload.reason
    CLAIM.service_for(move)(**common)
    return claim_out(selectors.claim_for(actor, found.pk))


def export_out(export: PaymentExport) -> dict[str, Any]:
    return {
        "id": export.pk,
        "created_at": export.created_at,
        "payments": export.payments,
        "total": export.total,
        "filename": export.filename,
    }


@router.get(
    "/exports",
    response={200: PaymentExportList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_exports"),
)
def list_exports(request: HttpRequest, paging: Query[PageParams]) -> Any:
    return paged(selectors.exports(actor_of(request)), paging, export_out)


@router.post(
    "/exports",
    response={201: PaymentExportOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("export_payments"),
)
def export_payments(request: HttpRequest) -> Any:
    """Put every attested payment not yet sent into one file for the accounting system."""
    return 201, export_out(services.payments_export(actor=actor_of(request)))


@router.get(
    "/exports/{export_id}/file",
    response={200: str, **ERRORS},
    auth=AUTH,
    operation_id=operation("export_file"),
)
def export_file(request: HttpRequest, export_id: int) -> Any:
    """The file as it was sent (CSV, ; separated, UTF-8)."""
    export = selectors.export_for(actor_of(request), export_id)
    response = HttpResponse(export.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response
