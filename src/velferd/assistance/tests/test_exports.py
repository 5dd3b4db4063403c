"""The file of approved payments for the municipality's accounting: its columns, run
numbers counting up per municipality, and a payment sent once only."""

from __future__ import annotations

import datetime

import pytest

from velferd.assistance.models import Payment, PaymentExport, PaymentStatus
from velferd.assistance.services.exports import EXPORT_HEADER, payments_export
from velferd.assistance.services.payments import payment_approve, plan_payments
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor, staff_at

from .payment_factories import a_decision, second_caseworker

pytestmark = pytest.mark.django_db
OSLO = "0301"


def approved_payments(count: int = 3) -> list[Payment]:
    approver = second_caseworker()
    payments = plan_payments(a_decision(decided_on=datetime.date(2025, 12, 31)))[:count]
    return [payment_approve(actor=approver, payment_id=p.pk, version=p.version) for p in payments]


def _export(actor: object = None) -> PaymentExport:
    return payments_export(actor=actor or login_actor("sosialkonsulent"), municipality_number=OSLO)  # type: ignore[arg-type]


def test_the_approved_payments_go_into_run_1_with_the_documented_columns() -> None:
    payments = approved_payments(2)
    plan_payments(a_decision(decided_on=datetime.date(2025, 12, 31)))  # planned, not approved

    export = _export()

    header, *lines = [row.split(";") for row in export.content.splitlines()]
    assert header == EXPORT_HEADER
    assert (export.run_number, export.payments, str(export.total)) == (1, 2, "15500.00")
    assert [line[2] for line in lines] == [str(p.pk) for p in payments]
    assert lines[0][:2] == ["1", "1"] and lines[0][6:8] == ["775000", "2026-01-01"]
    assert lines[0][5] == "86011117947" and lines[0][3].startswith("SOS-2026-")
    assert set(Payment.objects.filter(export=export).values_list("status", flat=True)) == {
        PaymentStatus.EXPORTED
    }
    assert AuditEvent.objects.filter(action="assistance_payment_export.made").count() == 1


def test_a_second_export_with_nothing_new_is_refused_and_makes_no_run() -> None:
    approved_payments(1)
    _export()
    with pytest.raises(DomainError) as refusal:
        _export()
    assert (refusal.value.status, refusal.value.code) == (409, "nothing_to_export")
    assert "ingen godkjente utbetalinger" in refusal.value.message_nb
    assert PaymentExport.objects.count() == 1


def test_run_numbers_count_up_per_municipality() -> None:
    first, second = approved_payments(2)
    Payment.objects.filter(pk=second.pk).update(status=PaymentStatus.PLANNED)
    assert _export().run_number == 1
    Payment.objects.filter(pk=second.pk).update(status=PaymentStatus.APPROVED)
    run = _export()
    assert run.run_number == 2 and list(run.lines.all()) == [Payment.objects.get(pk=second.pk)]
    assert Payment.objects.get(pk=first.pk).export_id != run.pk


def test_only_municipal_caseworkers_serving_the_municipality_export() -> None:
    approved_payments(1)
    for actor in (
        login_actor("veileder"),
        staff_at("3201", "sosial-baerum", "caseworker_municipal"),
    ):
        with pytest.raises(DomainError) as refusal:
            _export(actor)
        assert refusal.value.status == 403
    assert PaymentExport.objects.count() == 0


def test_an_unknown_municipality_is_404() -> None:
    with pytest.raises(DomainError) as refusal:
        payments_export(actor=login_actor("sosialkonsulent"), municipality_number="9999")
    assert refusal.value.status == 404
