"""The demo's money for Oslo's schemes (after the schemes demo): the year's budget per
scheme type, a commitment for every running demo delivery proposed by the demo scheme
manager (`tiltaksforvalter`) and approved by a second one (`tilsagnsgodkjenner`, a plain
login, not in the access matrix), participation rows, and last month's claims calculated,
the demo supplier's (`leverandor`) submitted and waiting to be attested. Everything goes
through the services; loading twice changes nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import DemoLogin, load_demo_logins
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.selectors import actor_for_user
from velferd.core.errors import DomainError
from velferd.schemes import selectors as schemes_selectors

from . import services
from .calculation import month_start
from .models import Claim, ClaimStatus, Commitment, Participation, SchemeBudget

SECOND_MANAGER = DemoLogin(
    "tilsagnsgodkjenner", "Tone Tilsagnsgodkjenner", Role.SCHEME_MANAGER, {"county": "03"}
)
DEMO_SUPPLIER = "912345688"
DEMO_ACCOUNT = "86011117947"
BUDGET = Decimal("25000000.00")
ENTERED = Decimal("150000.00")
CALCULATED = ("fixed_monthly_rate", "agreed_monthly", "agreed_weekly")
ENTERED_MODELS = ("agreed_hourly", "other")
# Each delivery's participants: percentage and whether they left in the middle of the month.
PARTICIPANTS = [
    (Decimal(100), False),
    (Decimal(50), False),
    (Decimal(80), True),
    (Decimal(100), False),
]


def _actor(username: str) -> Actor | None:
    user = User.objects.filter(username=username).first()
    return actor_for_user(user) if user else None


def demo_month() -> datetime.date:
    """Last month: the month whose claims the demo has waiting."""
    return month_start(month_start(timezone.localdate()) - datetime.timedelta(days=1))


def _running(month: datetime.date) -> list[Any]:
    rows = schemes_selectors.funding_deliveries().filter(
        county_id="03", status="running", starts_on__lte=month
    )
    return list(rows.order_by("number"))


def _budgets(manager: Actor, deliveries: list[Any], year: int) -> None:
    for code in sorted({d.scheme_type.code for d in deliveries}):
        if not SchemeBudget.objects.filter(
            county_id="03", scheme_type__code=code, year=year
        ).exists():
            services.budget_set(
                actor=manager, county_number="03", scheme_type=code, year=year, amount=BUDGET
            )


def _period(delivery: Any, year: int) -> tuple[datetime.date, datetime.date]:
    agreement = delivery.agreement
    start = max(delivery.starts_on, agreement.starts_on, datetime.date(year, 1, 1))
    ends = [d for d in (delivery.ends_on, agreement.ends_on) if d is not None]
    return start, min([*ends, datetime.date(year, 12, 31)])


def _commitment(manager: Actor, approver: Actor, delivery: Any, year: int) -> None:
    model = delivery.agreement.price_model
    if (
        model not in CALCULATED + ENTERED_MODELS
        or Commitment.objects.filter(delivery=delivery).exists()
    ):
        return
    start, end = _period(delivery, year)
    if end < start:
        return
    entered: dict[str, Any] = {}
    if model in ENTERED_MODELS:
        entered = {"amount": ENTERED, "basis": "Anslått etter avtalens timepris og forventet bruk"}
    try:
        proposal = services.commitment_propose(
            actor=manager, delivery_id=delivery.pk, period_start=start, period_end=end, **entered
        )
        services.commitment_approve(
            actor=approver, commitment_id=proposal.pk, version=proposal.version
        )
    except DomainError:
        return  # no rate for the year, or no room: the demo goes on without it


def _participation(delivery: Any, month: datetime.date) -> None:
    if Participation.objects.filter(delivery=delivery).exists():
        return
    start = max(delivery.starts_on, month - datetime.timedelta(days=45))
    rows = []
    for n, (percentage, leaves) in enumerate(PARTICIPANTS[: min(delivery.places, 4)]):
        rows.append(
            Participation(
                delivery=delivery,
                participant=f"demo-{delivery.pk}-{n + 1}",
                from_date=start if n != 1 else max(start, month + datetime.timedelta(days=9)),
                to_date=month + datetime.timedelta(days=14) if leaves else None,
                percentage=percentage,
            )
        )
    Participation.objects.bulk_create(rows)


def _submit_supplier_claim(month: datetime.date) -> None:
    supplier = _actor("leverandor")
    mine = Claim.objects.filter(month=month, delivery__supplier__organisation_number=DEMO_SUPPLIER)
    if mine.exclude(status=ClaimStatus.OPEN).exists():
        return
    claim = (
        Claim.objects.filter(
            month=month,
            status=ClaimStatus.OPEN,
            delivery__supplier__organisation_number=DEMO_SUPPLIER,
        )
        .order_by("delivery__number")
        .first()
    )
    if supplier is None or claim is None:
        return
    try:
        services.claim_submit(
            actor=supplier, claim_id=claim.pk, version=claim.version, bank_account=DEMO_ACCOUNT
        )
    except DomainError:
        return


def load_demo_funding(*, system: Actor) -> int:
    """Oslo's budgets, commitments, participation and last month's claims; returns how
    many claims the month has."""
    load_demo_logins(actor=system, logins=[SECOND_MANAGER])
    manager, approver = _actor("tiltaksforvalter"), _actor(SECOND_MANAGER.username)
    if manager is None or approver is None:
        return 0
    month = demo_month()
    deliveries = _running(month)
    _budgets(manager, deliveries, month.year)
    for delivery in deliveries:
        _commitment(manager, approver, delivery, month.year)
        _participation(delivery, month)
    if not Claim.objects.filter(month=month).exists():
        services.claims_calculate(actor=manager, month=month)
    _submit_supplier_claim(month)
    return Claim.objects.filter(month=month).count()
