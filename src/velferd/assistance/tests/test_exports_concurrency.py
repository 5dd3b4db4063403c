"""Exports at the same moment on real connections (PostgreSQL): the municipality's row is
locked first, then its approved payments, so concurrent exports never send a payment twice
and never give two runs the same number."""

from __future__ import annotations

import datetime
from functools import partial

import pytest

from velferd.assistance.models import Payment, PaymentExport, PaymentStatus
from velferd.assistance.services.exports import payments_export
from velferd.assistance.services.payments import payment_approve, plan_payments
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together

from .payment_factories import a_decision, second_caseworker

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


def _approved(count: int) -> None:
    approver = second_caseworker()
    for _ in range(count):
        for payment in plan_payments(a_decision(decided_on=datetime.date(2025, 12, 31))):
            payment_approve(actor=approver, payment_id=payment.pk, version=payment.version)


def test_four_exports_at_once_send_each_payment_once() -> None:
    load_demo_data()
    _approved(5)
    exporter = login_actor("sosialkonsulent")

    results = run_together(
        [partial(payments_export, actor=exporter, municipality_number="0301")] * 4
    )

    made = [r for r in results if isinstance(r, PaymentExport)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(made) == 1 and [e.code for e in refused] == ["nothing_to_export"] * 3
    assert made[0].payments == 15 and made[0].run_number == 1
    assert Payment.objects.filter(status=PaymentStatus.EXPORTED).count() == 15
    assert Payment.objects.filter(export__isnull=False).values("export").distinct().count() == 1


def test_an_approval_during_an_export_lands_in_this_run_or_the_next() -> None:
    load_demo_data()
    _approved(2)
    late = plan_payments(a_decision(decided_on=datetime.date(2025, 12, 31)))[0]
    exporter = login_actor("sosialkonsulent")

    run_together(
        [
            partial(payments_export, actor=exporter, municipality_number="0301"),
            partial(
                payment_approve,
                actor=second_caseworker("sosial-3"),
                payment_id=late.pk,
                version=late.version,
            ),
        ]
    )
    if Payment.objects.get(pk=late.pk).export_id is None:
        payments_export(actor=exporter, municipality_number="0301")

    runs = list(PaymentExport.objects.order_by("run_number").values_list("run_number", "payments"))
    assert sum(n for _, n in runs) == 7 and [r for r, _ in runs] == list(range(1, len(runs) + 1))
    assert Payment.objects.filter(status=PaymentStatus.EXPORTED).count() == 7
