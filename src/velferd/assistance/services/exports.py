"""The file of approved payments for a municipality's accounting system (the columns:
docs/architecture.md, "Financial assistance").

Each approved payment goes into one run only. Runs are numbered per municipality, counting
up from 1 with no gaps. An export with nothing new is refused (409) and makes no run, so a
run number always stands for a file with payments in it.

Locks, in this order: the municipality's row (so two exports for the same municipality wait
for each other and the run number is the last + 1), then the approved payments' rows in
the order of their due day and id. Approving or cancelling a payment locks only that row,
so no two writers ever wait for each other in opposite orders.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid
from velferd.organisation import selectors as organisation_selectors

from ..models import Payment, PaymentExport, PaymentStatus

EXPORT_HEADER = [
    "run_number",
    "line",
    "payment_id",
    "reference",
    "national_id",
    "bank_account",
    "amount_ore",
    "due_date",
    "decision_id",
]


def _line(run_number: int, line: int, payment: Payment) -> list[str]:
    application = payment.decision.application
    return [
        str(run_number),
        str(line),
        str(payment.pk),
        application.reference or "",
        application.person.national_id,
        payment.bank_account,
        str(int(payment.amount * 100)),
        payment.due_on.isoformat(),
        str(payment.decision_id),
    ]


def export_content(run_number: int, payments: list[Payment]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(EXPORT_HEADER)
    writer.writerows(_line(run_number, n, p) for n, p in enumerate(payments, start=1))
    return out.getvalue()


def _municipality(number: str) -> Any:
    found = (
        organisation_selectors.municipalities().select_for_update().filter(number=number).first()
    )
    if found is None:
        raise invalid(
            "unknown_municipality",
            "municipality",
            "Fant ikke kommunen.",
            "The municipality was not found.",
            status=404,
        )
    return found


def _nothing_to_export() -> Exception:
    return invalid(
        "nothing_to_export",
        None,
        "Det finnes ingen godkjente utbetalinger som ikke er sendt til regnskapet.",
        "There are no approved payments not yet sent to accounting.",
        status=CONFLICT,
    )


def _due_payments(municipality: Any, due_by: datetime.date | None) -> list[Payment]:
    rows = Payment.objects.filter(
        municipality=municipality, status=PaymentStatus.APPROVED, export__isnull=True
    )
    if due_by is not None:
        rows = rows.filter(due_on__lte=due_by)
    return list(
        rows.select_for_update(of=("self",))
        .select_related("decision__application__person")
        .order_by("due_on", "pk")
    )


@transaction.atomic
def payments_export(
    *, actor: Actor, municipality_number: str, due_by: datetime.date | None = None
) -> PaymentExport:
    """Every approved payment of the municipality not yet in a run (due by `due_by`, if
    given), in the next run."""
    municipality = _municipality(municipality_number)
    policies.require(actor, policies.can_export_payments, municipality)
    payments = _due_payments(municipality, due_by)
    if not payments:
        raise _nothing_to_export()
    last = PaymentExport.objects.filter(municipality=municipality).aggregate(n=Max("run_number"))
    run_number = (last["n"] or 0) + 1
    content = export_content(run_number, payments)
    export = PaymentExport.objects.create(
        municipality=municipality,
        run_number=run_number,
        payments=len(payments),
        total=sum((p.amount for p in payments), Decimal("0.00")),
        sha256=hashlib.sha256(content.encode()).hexdigest(),
        content=content,
        exported_by=actor.user,
    )
    Payment.objects.filter(pk__in=[p.pk for p in payments]).update(
        status=PaymentStatus.EXPORTED, export=export
    )
    audit.record(
        actor=actor,
        action="assistance_payment_export.made",
        target=export,
        after={
            "municipality": municipality.number,
            "run_number": run_number,
            "payments": len(payments),
            "total": str(export.total),
        },
    )
    return export


def municipalities_with_approved_payments(due_by: datetime.date | None = None) -> list[str]:
    rows = Payment.objects.filter(status=PaymentStatus.APPROVED, export__isnull=True)
    if due_by is not None:
        rows = rows.filter(due_on__lte=due_by)
    return sorted(set(rows.values_list("municipality_id", flat=True)))


def payments_export_country(
    *, actor: Actor, due_by: datetime.date | None = None
) -> list[PaymentExport]:
    """A run for every municipality with approved payments not yet sent (the month's run
    for the whole country, by the system): a transaction each, so one municipality's
    refusal leaves the others' runs made."""
    return [
        payments_export(actor=actor, municipality_number=number, due_by=due_by)
        for number in municipalities_with_approved_payments(due_by)
    ]
