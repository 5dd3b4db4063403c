"""A decision's payments: the days and amounts it gives, their approval by a second
caseworker, and what replacing the decision does to them."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from velferd.assistance.models import Frequency, Payment, PaymentStatus
from velferd.assistance.services.payments import payment_approve, plan_payments
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor, staff_at

from .payment_factories import a_decision, decider, second_caseworker

pytestmark = pytest.mark.django_db
D = datetime.date


def _plan(**fields: Any) -> list[tuple[datetime.date, Decimal]]:
    return [(p.due_on, p.amount) for p in plan_payments(a_decision(**fields))]


def test_a_monthly_grant_is_paid_on_the_period_start_day_of_each_month() -> None:
    planned = _plan(
        period_start=D(2026, 1, 31), period_end=D(2026, 4, 29), decided_on=D(2026, 1, 5)
    )
    assert planned == [
        (D(2026, 1, 31), Decimal("7750.00")),
        (D(2026, 2, 28), Decimal("7750.00")),
        (D(2026, 3, 31), Decimal("7750.00")),
    ]


def test_months_already_begun_are_paid_together_on_the_decision_day() -> None:
    planned = _plan(decided_on=D(2026, 2, 10))
    assert planned == [(D(2026, 2, 10), Decimal("15500.00")), (D(2026, 3, 1), Decimal("7750.00"))]


def test_a_one_off_is_paid_once_on_the_later_of_period_start_and_decision_day() -> None:
    one_off = {"frequency": Frequency.ONE_OFF, "amount": Decimal("2500.00")}
    assert _plan(**one_off, decided_on=D(2026, 1, 15)) == [(D(2026, 1, 15), Decimal("2500.00"))]
    assert _plan(**one_off, decided_on=D(2025, 12, 20)) == [(D(2026, 1, 1), Decimal("2500.00"))]


def test_a_refusal_gives_no_payment() -> None:
    assert _plan(outcome="refused", amount=Decimal("0")) == []


def test_a_replacing_decision_cancels_what_was_not_sent_and_sets_off_what_was() -> None:
    first = a_decision(decided_on=D(2025, 12, 31))
    january, february, _march = plan_payments(first)
    Payment.objects.filter(pk=january.pk).update(status=PaymentStatus.EXPORTED)
    Payment.objects.filter(pk=february.pk).update(status=PaymentStatus.APPROVED)
    reduced = a_decision(
        first.application,
        replaces=first,
        reason="breach_of_condition",
        amount=Decimal("5000.00"),
        decided_on=D(2025, 12, 31),
    )

    planned = plan_payments(reduced)

    statuses = dict(Payment.objects.filter(decision=first).values_list("due_on", "status"))
    assert statuses == {
        D(2026, 1, 1): "exported",
        D(2026, 2, 1): "cancelled",
        D(2026, 3, 1): "cancelled",
    }
    # 5,000 a month for three months, 7,750 already sent: set off against the first months.
    assert [(p.due_on, p.amount) for p in planned] == [
        (D(2026, 2, 1), Decimal("2250.00")),
        (D(2026, 3, 1), Decimal("5000.00")),
    ]
    event = AuditEvent.objects.filter(action="assistance_decision.payments_planned").last()
    assert event is not None and event.after is not None
    assert len(event.after["cancelled"]) == 2


def test_another_caseworker_at_the_office_approves_a_payment() -> None:
    payment = plan_payments(a_decision())[0]
    approved = payment_approve(
        actor=second_caseworker(), payment_id=payment.pk, version=payment.version
    )
    assert approved.status == PaymentStatus.APPROVED and approved.approved_by is not None
    assert AuditEvent.objects.filter(action="assistance_payment.approved").count() == 1


def _refused(actor: object, payment: Payment, version: int | None = None) -> DomainError:
    with pytest.raises(DomainError) as refusal:
        payment_approve(
            actor=actor,  # type: ignore[arg-type]
            payment_id=payment.pk,
            version=payment.version if version is None else version,
        )
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.PLANNED
    return refusal.value


def test_the_decider_cannot_approve_their_own_decisions_payment() -> None:
    payment = plan_payments(a_decision())[0]
    refusal = _refused(decider(), payment)
    assert (refusal.status, refusal.code) == (403, "approver_is_decider")
    assert "En annen saksbehandler" in refusal.message_nb


def test_those_outside_the_office_and_the_state_side_cannot_approve() -> None:
    payment = plan_payments(a_decision())[0]
    assert (
        _refused(staff_at("0320", "sosial-sagene", "caseworker_municipal"), payment).status == 403
    )
    assert _refused(login_actor("veileder"), payment).status == 403


def test_a_stale_or_second_approval_is_refused_with_409() -> None:
    payment = plan_payments(a_decision())[0]
    assert (
        _refused(second_caseworker(), payment, version=payment.version + 1).code == "stale_version"
    )
    payment_approve(
        actor=second_caseworker("sosial-3"), payment_id=payment.pk, version=payment.version
    )
    with pytest.raises(DomainError) as again:
        payment_approve(
            actor=second_caseworker("sosial-4"), payment_id=payment.pk, version=payment.version + 1
        )
    assert (again.value.status, again.value.code) == (409, "payment_not_planned")
