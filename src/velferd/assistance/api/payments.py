"""Payments of financial assistance in the API: the office's payments, their approval, the
runs for the municipality's accounting and their files (CSV, ; separated, UTF-8; the
columns in docs/architecture.md, "Financial assistance")."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import Declared, one_of
from velferd.core.pagination import MAX_PAGE

from ..models import Payment, PaymentExport, PaymentStatus
from ..selectors import payments as selectors
from ..services.exports import payments_export
from ..services.payments import payment_approve

router = Router()
StatusFilter = Annotated[str, one_of(PaymentStatus, blank=True)]
MunicipalityNumber = Annotated[str, Declared(pattern=r"^[0-9]{4}$")]


def operation(function: str) -> str:
    return f"velferd_assistance_api_payments_{function}"


class AssistancePaymentOut(Schema):
    id: uuid.UUID
    decision: uuid.UUID
    reference: str | None
    person: str
    municipality: str
    due_on: datetime.date
    amount: Decimal
    status: str
    approved_by: str | None
    run_number: int | None
    version: int


class AssistancePaymentList(Schema):
    items: list[AssistancePaymentOut]
    count: int
    page: int
    pages: int


class AssistancePaymentFilter(Schema):
    status: StatusFilter = ""
    page: int = Field(1, ge=1, le=MAX_PAGE)


class AssistancePaymentApproveIn(Schema):
    version: int = Field(..., ge=1)


class AssistanceExportIn(Schema):
    municipality: MunicipalityNumber
    due_by: datetime.date | None = None


class AssistanceExportOut(Schema):
    id: int
    municipality: str
    run_number: int
    payments: int
    total: Decimal
    sha256: str
    created_at: datetime.datetime
    filename: str


class AssistanceExportList(Schema):
    items: list[AssistanceExportOut]


def payment_out(payment: Payment) -> dict[str, Any]:
    application = payment.decision.application
    return {
        "id": payment.pk,
        "decision": payment.decision_id,
        "reference": application.reference,
        "person": application.person.full_name,
        "municipality": payment.municipality_id,
        "due_on": payment.due_on,
        "amount": payment.amount,
        "status": payment.status,
        "approved_by": payment.approved_by.username if payment.approved_by else None,
        "run_number": payment.export.run_number if payment.export else None,
        "version": payment.version,
    }


def export_out(export: PaymentExport) -> dict[str, Any]:
    return {
        "id": export.pk,
        "municipality": export.municipality_id,
        "run_number": export.run_number,
        "payments": export.payments,
        "total": export.total,
        "sha256": export.sha256,
        "created_at": export.created_at,
        "filename": selectors.export_filename(export),
    }


@router.get(
    "/payments",
    response={200: AssistancePaymentList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list"),
)
def list_payments(request: HttpRequest, filters: Query[AssistancePaymentFilter]) -> Any:
    """The payments the caller may see, by due day; every person shown is logged."""
    found = selectors.payments_list(actor_of(request), filters.status, filters.page)
    return {
        "items": [payment_out(p) for p in found.rows],
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
    }


@router.post(
    "/payments/{payment_id}/approve",
    response={200: AssistancePaymentOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("approve"),
)
def approve_payment(
    request: HttpRequest, payment_id: uuid.UUID, payload: AssistancePaymentApproveIn
) -> Any:
    """Approve a planned payment: a municipal caseworker at the office other than the one
    who made the decision."""
    approved = payment_approve(
        actor=actor_of(request), payment_id=payment_id, version=payload.version
    )
    return payment_out(approved)


@router.get(
    "/payment-runs",
    response={200: AssistanceExportList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_runs"),
)
def list_runs(request: HttpRequest) -> Any:
    """The runs sent for the municipalities the caller exports for, the newest first."""
    return {"items": [export_out(e) for e in selectors.export_runs(actor_of(request))[:100]]}


@router.post(
    "/payment-runs",
    response={201: AssistanceExportOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("export"),
)
def export(request: HttpRequest, payload: AssistanceExportIn) -> Any:
    """Every approved payment of the municipality not yet sent (due by `due_by`, if given)
    in its next run; nothing new is refused with 409 and makes no run."""
    made = payments_export(
        actor=actor_of(request), municipality_number=payload.municipality, due_by=payload.due_by
    )
    return 201, export_out(made)


@router.get(
    "/payment-runs/{export_id}/file",
    response={200: str, **ERRORS},
    auth=AUTH,
    operation_id=operation("run_file"),
)
def run_file(request: HttpRequest, export_id: int) -> Any:
    """The file as it was sent."""
    found = selectors.export_run(actor_of(request), export_id)
    response = HttpResponse(found.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{selectors.export_filename(found)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
