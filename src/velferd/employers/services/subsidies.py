"""Prevention and facilitation subsidies: the application and its lifecycle, a grant
counted against the county's budget for the year."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid, required_text
from velferd.organisation import selectors as organisation_selectors

from .. import lifecycles, selectors
from ..models import (
    Enterprise,
    Subsidy,
    SubsidyBudget,
    SubsidyStatus,
)
from .versioned import stamp

MAX_AMOUNT = Decimal("9999999999.99")


def valid_amount(value: object, field: str = "amount") -> Decimal:
    """A positive amount in kroner with at most two decimals (øre), kept exact."""
    try:
        amount = Decimal(str(value).strip().replace(" ", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT:
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet må være et positivt tall i kroner.",
            "The amount must be a positive number of kroner.",
        )
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet kan ha høyst to desimaler (øre).",
            "The amount can have at most two decimals (øre).",
        )
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def subsidy_apply(*, actor: Actor, enterprise: Enterprise, purpose: str, amount: object) -> Subsidy:
    """An application for a prevention and facilitation subsidy, from the employer or from
    an advisor on the enterprise's behalf."""
    policies.require(actor, policies.can_apply_for_subsidy, enterprise)
    subsidy = Subsidy.objects.create(
        enterprise=enterprise,
        purpose=required_text(purpose, "purpose", "Formålet", "purpose"),
        amount_applied=valid_amount(amount),
        applied_by=actor.user,
        applied_on=timezone.localdate(),
    )
    audit.record(
        actor=actor,
        action="subsidy.applied",
        target=subsidy,
        after=audit.snapshot(subsidy, "enterprise", "amount_applied", "status"),
    )
    return subsidy


def _subsidy_move(actor: Actor, subsidy: Subsidy, version: int, target: str) -> tuple[Subsidy, str]:
    policies.require(actor, policies.can_decide_subsidy, subsidy.enterprise)
    subsidy = Subsidy.objects.select_for_update().select_related("enterprise").get(pk=subsidy.pk)
    subsidy.check_version(version)
    lifecycles.require_transition(lifecycles.SUBSIDY, SubsidyStatus, subsidy.status, target)
    return subsidy, subsidy.status


def _record_subsidy(actor: Actor, subsidy: Subsidy, before: str, action: str) -> Subsidy:
    stamp(subsidy)
    audit.record(
        actor=actor,
        action=action,
        target=subsidy,
        before={"status": before},
        after=audit.snapshot(subsidy, "status", "amount_granted", "budget_year"),
    )
    return subsidy


@transaction.atomic
def subsidy_assess(*, actor: Actor, subsidy: Subsidy, version: int) -> Subsidy:
    subsidy, before = _subsidy_move(actor, subsidy, version, SubsidyStatus.UNDER_ASSESSMENT)
    subsidy.status = SubsidyStatus.UNDER_ASSESSMENT
    return _record_subsidy(actor, subsidy, before, "subsidy.under_assessment")


def _budget_exceeded(remaining: Decimal, county: str, year: int) -> DomainError:
    nb_amount = f"{remaining:,.2f}".replace(",", " ").replace(".", ",")
    return invalid(
        "budget_exceeded",
        "amount",
        f"Tilskuddet går over budsjettet for {county} {year}: det er {nb_amount} kr igjen.",
        f"The grant exceeds the budget of {county} for {year}: {remaining:,.2f} NOK remain.",
        status=CONFLICT,
    )


@transaction.atomic
def subsidy_grant(
    *, actor: Actor, subsidy: Subsidy, version: int, amount: object | None = None
) -> Subsidy:
    """Grant the amount applied for, or less (partly granted), from this year's budget of
    the enterprise's county. The budget row is locked, so two grants at the same time are
    counted one after the other and cannot together exceed it."""
    policies.require(actor, policies.can_decide_subsidy, subsidy.enterprise)
    target_amount = subsidy.amount_applied if amount is None else valid_amount(amount)
    if target_amount > subsidy.amount_applied:
        raise invalid(
            "more_than_applied",
            "amount",
            f"Kan ikke innvilge mer enn det er søkt om ({subsidy.amount_applied} kr).",
            f"Cannot grant more than was applied for ({subsidy.amount_applied} NOK).",
        )
    target = (
        SubsidyStatus.GRANTED
        if target_amount == subsidy.amount_applied
        else SubsidyStatus.PARTLY_GRANTED
    )
    subsidy, before = _subsidy_move(actor, subsidy, version, target)
    year = timezone.localdate().year
    county = subsidy.enterprise.county_id
    budget = SubsidyBudget.objects.select_for_update().filter(county_id=county, year=year).first()
    county_name = organisation_selectors.county(county).name
    if budget is None:
        raise _budget_exceeded(Decimal("0.00"), county_name, year)
    remaining = budget.amount - selectors.granted_total(county, year)
    if target_amount > remaining:
        raise _budget_exceeded(remaining, county_name, year)
    subsidy.status = target
    subsidy.amount_granted = target_amount
    subsidy.budget_year = year
    subsidy.decided_on = timezone.localdate()
    return _record_subsidy(actor, subsidy, before, f"subsidy.{target}")


@transaction.atomic
def subsidy_refuse(*, actor: Actor, subsidy: Subsidy, version: int, reason: str) -> Subsidy:
    subsidy, before = _subsidy_move(actor, subsidy, version, SubsidyStatus.REFUSED)
    subsidy.refusal_reason = required_text(reason, "reason", "Begrunnelsen", "reason", 2000)
    subsidy.status = SubsidyStatus.REFUSED
    subsidy.decided_on = timezone.localdate()
    return _record_subsidy(actor, subsidy, before, "subsidy.refused")


@transaction.atomic
def subsidy_pay(*, actor: Actor, subsidy: Subsidy, version: int) -> Subsidy:
    """Only a granted or partly granted subsidy is paid (the table says so)."""
    subsidy, before = _subsidy_move(actor, subsidy, version, SubsidyStatus.PAID)
    subsidy.status = SubsidyStatus.PAID
    subsidy.paid_on = timezone.localdate()
    return _record_subsidy(actor, subsidy, before, "subsidy.paid")


SUBSIDY_TRANSITIONS = {"assess": subsidy_assess, "pay": subsidy_pay}
