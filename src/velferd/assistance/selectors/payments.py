"""The office's payments of financial assistance (planned, approved, sent, cancelled), the
municipalities whose payments its caseworkers send to accounting, and the runs already
sent. Every list of payments is a read of the persons' data and logged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import not_found
from velferd.core.pagination import paginate
from velferd.organisation import selectors as organisation_selectors

from ..models import Payment, PaymentExport, PaymentStatus
from .queue import PURPOSE

PAGE_SIZE = 50


@dataclass(frozen=True)
class PaymentList:
    status: str
    rows: list[Payment]
    page: int
    pages: int
    count: int


def payments_rows(actor: Actor, status: str = "") -> QuerySet[Payment]:
    # The filter joins the person's consents: a row per consent, so pick the ids first.
    visible = Payment.objects.filter(policies.payments_visible(actor)).values("pk")
    rows = Payment.objects.filter(pk__in=visible).select_related(
        "decision__application__person", "approved_by", "export"
    )
    if status in PaymentStatus.values:
        rows = rows.filter(status=status)
    return rows.order_by("due_on", "pk")


def payments_list(
    actor: Actor, status: str = "", page: int = 1, clamp: bool = False
) -> PaymentList:
    """The payments the actor may see, due first; each person shown is logged."""
    found = paginate(payments_rows(actor, status), page=page, page_size=PAGE_SIZE, clamp=clamp)
    audit.log_access_many(
        actor=actor,
        subjects=[p.decision.application.person for p in found.items],
        what="assistance_payments",
        purpose=PURPOSE,
    )
    return PaymentList(
        status=status if status in PaymentStatus.values else "",
        rows=found.items,
        page=found.page,
        pages=max(1, -(-found.count // PAGE_SIZE)),
        count=found.count,
    )


def exportable_municipalities(actor: Actor) -> list[Any]:
    return list(
        organisation_selectors.municipalities()
        .filter(policies.municipalities_exportable(actor))
        .distinct()
        .order_by("number")
    )


def waiting_for_export(actor: Actor) -> list[tuple[Any, int]]:
    """Each municipality the actor exports for, with how many approved payments wait."""
    municipalities = exportable_municipalities(actor)
    waiting = Payment.objects.filter(
        municipality__in=municipalities, status=PaymentStatus.APPROVED, export__isnull=True
    )
    counts: dict[str, int] = {}
    for number in waiting.values_list("municipality_id", flat=True):
        counts[number] = counts.get(number, 0) + 1
    return [(m, counts.get(m.number, 0)) for m in municipalities]


def export_runs(actor: Actor) -> QuerySet[PaymentExport]:
    numbers = [m.number for m in exportable_municipalities(actor)]
    return (
        PaymentExport.objects.filter(municipality__in=numbers)
        .select_related("municipality", "exported_by")
        .order_by("-created_at")
    )


def export_run(actor: Actor, export_id: int) -> PaymentExport:
    found = export_runs(actor).filter(pk=export_id).first()
    if found is None:
        raise not_found("betalingsfilen", "the payment file", field="export")
    return found


def export_filename(export: PaymentExport) -> str:
    return f"okonomisk-stonad-{export.municipality_id}-{export.run_number:05d}.csv"
