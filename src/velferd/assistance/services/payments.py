"""The payments a decision gives, and their approval.

The schedule (`payment_schedule`):
- one-off: one payment of the amount, due on the period's first day, or on the decision's
  day when the period has already begun;
- monthly: one payment of the amount for each whole or started month counted from the
  period's first day, due on that day of the month (the month's last day in a shorter
  month); months whose day has passed when the decision is made are paid together, as one
  payment, on the decision's day.
A refused decision, or one of 0 kroner, gives none.

A decision that replaces another (a reduction after a breach of a condition, a change after
an appeal) cancels what the one it replaces had planned or approved but not yet sent to
accounting; what was already sent for days in the new period is set off against the new
decision's first payments, so nothing is paid twice. Locks: the payments' rows, in the
order of their due day (the export takes the municipality first, then the same rows).
"""

from __future__ import annotations

import calendar
import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid

from ..models import Decision, Frequency, Outcome, Payment, PaymentStatus

ZERO = Decimal("0.00")
OPEN_STATUSES = (PaymentStatus.PLANNED, PaymentStatus.APPROVED)


@dataclass(frozen=True)
class Due:
    on: datetime.date
    amount: Decimal


def _same_day_in_month(start: datetime.date, months_on: int) -> datetime.date:
    month_index = start.month - 1 + months_on
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(start.day, last))


def _monthly_days(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    days: list[datetime.date] = []
    while (day := _same_day_in_month(start, len(days))) <= end:
        days.append(day)
    return days


def payment_schedule(decision: Decision) -> list[Due]:
    """The days and amounts the decision gives, before any set-off (see the module)."""
    if decision.outcome == Outcome.REFUSED or decision.amount <= 0:
        return []
    decided = decision.decided_on
    if decision.frequency == Frequency.ONE_OFF:
        return [Due(max(decision.period_start, decided), decision.amount)]
    days = _monthly_days(decision.period_start, decision.period_end)
    passed = [day for day in days if day < decided]
    coming = [Due(day, decision.amount) for day in days if day >= decided]
    if not passed:
        return coming
    arrears = Due(decided, decision.amount * len(passed))
    if coming and coming[0].on == decided:
        arrears = Due(decided, arrears.amount + coming.pop(0).amount)
    return [arrears, *coming]


def _already_sent(decision: Decision) -> Decimal:
    """What the decisions this one replaces already sent to accounting for days in its
    period."""
    sent = ZERO
    replaced = decision.replaces
    while replaced is not None:
        for payment in replaced.payments.filter(
            status=PaymentStatus.EXPORTED,
            due_on__gte=decision.period_start,
            due_on__lte=decision.period_end,
        ):
            sent += payment.amount
        replaced = replaced.replaces
    return sent


def _set_off(schedule: list[Due], sent: Decimal) -> list[Due]:
    left: list[Due] = []
    for due in schedule:
        taken = min(sent, due.amount)
        sent -= taken
        if due.amount - taken > 0:
            left.append(Due(due.on, due.amount - taken))
    return left


def _cancel_replaced(actor: Actor | None, decision: Decision) -> list[str]:
    if decision.replaces is None:
        return []
    open_payments = list(
        Payment.objects.select_for_update()
        .filter(decision=decision.replaces, status__in=OPEN_STATUSES)
        .order_by("due_on")
    )
    for payment in open_payments:
        payment.status = PaymentStatus.CANCELLED
        payment.version += 1
        payment.save(update_fields=["status", "version", "updated_at"])
    return [str(payment.pk) for payment in open_payments]


@transaction.atomic
def plan_payments(decision: Decision, actor: Actor | None = None) -> list[Payment]:
    """Plan the decision's payments (called by the decision's own service, inside its
    transaction, after its checks): cancels the open payments of the decision it replaces
    and sets off what was already sent."""
    cancelled = _cancel_replaced(actor, decision)
    application = decision.application
    assert application.municipality_id is not None, "a decided application has a municipality"
    schedule = _set_off(payment_schedule(decision), _already_sent(decision))
    payments = [
        Payment.objects.create(
            decision=decision,
            municipality_id=application.municipality_id,
            due_on=due.on,
            amount=due.amount,
            bank_account=application.bank_account,
        )
        for due in schedule
    ]
    if payments or cancelled:
        audit.record(
            actor=actor or _decider(decision),
            action="assistance_decision.payments_planned",
            target=decision,
            after={
                "planned": [[str(p.due_on), str(p.amount)] for p in payments],
                "cancelled": cancelled,
            },
        )
    return payments


def _decider(decision: Decision) -> Actor:
    return Actor(user=decision.decided_by)


def _stale() -> Exception:
    return invalid(
        "stale_version",
        "version",
        "Utbetalingen er endret av en annen i mellomtiden. Last inn på nytt.",
        "The payment was changed by someone else in the meantime. Reload.",
        status=CONFLICT,
    )


def _locked(payment_id: uuid.UUID | str) -> Payment:
    payment = (
        Payment.objects.select_for_update(of=("self",))
        .select_related("decision", "decision__application")
        .filter(pk=payment_id)
        .first()
    )
    if payment is None:
        raise invalid(
            "not_found", None, "Fant ikke utbetalingen.", "The payment was not found.", status=404
        )
    return payment


@transaction.atomic
def payment_approve(*, actor: Actor, payment_id: uuid.UUID | str, version: int) -> Payment:
    """Approve a planned payment: a municipal caseworker at the application's office who did
    not make the decision (two people for every krone paid out)."""
    payment = _locked(payment_id)
    policies.require(actor, policies.can_view_payment, payment)
    if actor.user is not None and actor.user.pk == payment.decision.decided_by_id:
        raise invalid(
            "approver_is_decider",
            None,
            "Den som fattet vedtaket, kan ikke godkjenne utbetalingen. En annen saksbehandler"
            " ved kontoret må godkjenne den.",
            "The one who made the decision cannot approve its payment. Another caseworker at"
            " the office must approve it.",
            status=403,
        )
    policies.require(actor, policies.can_approve_payment, payment)
    if payment.version != version:
        raise _stale()
    _refuse_unless_planned(payment)
    if not payment.bank_account:
        raise invalid(
            "no_bank_account",
            "bank_account",
            "Søknaden har ikke noe kontonummer å betale til.",
            "The application has no bank account to pay to.",
            status=CONFLICT,
        )
    payment.status = PaymentStatus.APPROVED
    payment.approved_by = actor.user
    payment.version += 1
    payment.save(update_fields=["status", "approved_by", "version", "updated_at"])
    audit.record(
        actor=actor,
        action="assistance_payment.approved",
        target=payment,
        before={"status": PaymentStatus.PLANNED},
        after={"status": payment.status, "amount": str(payment.amount)},
    )
    return payment


def _refuse_unless_planned(payment: Payment) -> None:
    if payment.status != PaymentStatus.PLANNED:
        raise invalid(
            "payment_not_planned",
            None,
            "Bare en planlagt utbetaling kan godkjennes.",
            "Only a planned payment can be approved.",
            status=CONFLICT,
        )
