"""Commitments (tilsagn): proposed by one scheme manager for a delivery and a period inside
one budget year, approved by another, who may not be the proposer. Approving locks the
budget row first and never lets the approved commitments exceed it."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.lifecycles import Change, change
from velferd.core.validation import invalid, required_text
from velferd.schemes import selectors as schemes_selectors

from ..calculation import commitment_amount, month_end, months_between
from ..lifecycles import COMMITMENT
from ..models import Commitment, CommitmentStatus, SchemeBudget
from ..selectors.money import budget_remaining
from .common import gone, lock_budget, lock_commitment, over_budget, record_id, valid_amount

CALCULATED_MODELS = {"fixed_monthly_rate": False, "agreed_monthly": False, "agreed_weekly": True}


def _delivery(actor: Actor, delivery_id: object) -> Any:
    delivery = schemes_selectors.funding_delivery(delivery_id)
    if delivery is None:
        raise gone("gjennomføringen", "delivery")
    policies.require(actor, policies.can_manage_schemes_in, delivery.county_id)
    return delivery


def _check_period(delivery: Any, start: datetime.date, end: datetime.date) -> None:
    if end < start:
        raise invalid(
            "period_reversed",
            "period_end",
            "Sluttdatoen kan ikke være før startdatoen.",
            "The end date cannot be before the start date.",
        )
    if start.year != end.year:
        raise invalid(
            "period_crosses_year",
            "period_end",
            "Et tilsagn gjelder ett budsjettår: perioden må slutte samme år som den starter.",
            "A commitment is for one budget year: the period must end in the year it starts.",
        )
    agreement = delivery.agreement
    first = max(delivery.starts_on, agreement.starts_on)
    last = min(d for d in (delivery.ends_on, agreement.ends_on) if d is not None)
    if start < first or end > last:
        raise invalid(
            "period_outside_delivery",
            "period_start",
            f"Perioden må ligge innenfor gjennomføringen og avtalen "
            f"({first:%d.%m.%Y}–{last:%d.%m.%Y}).",
            f"The period must lie inside the delivery and the agreement "
            f"({first:%d.%m.%Y}–{last:%d.%m.%Y}).",
        )


def _no_rate() -> DomainError:
    return invalid(
        "rate_missing",
        "period_start",
        "Det finnes ingen sats for perioden, så beløpet kan ikke beregnes.",
        "There is no rate for the period, so the amount cannot be calculated.",
        status=CONFLICT,
    )


def _rates(delivery: Any, start: datetime.date, end: datetime.date) -> dict[datetime.date, Decimal]:
    months = months_between(start, end)
    if delivery.agreement.price_model == "fixed_monthly_rate":
        rate = schemes_selectors.national_rate(delivery.scheme_type_id, start.year)
        found = {month: rate for month in months}
    else:
        found = {
            month: schemes_selectors.agreed_rate(delivery.agreement_id, month_end(month))
            for month in months
        }
    if any(rate is None for rate in found.values()):
        raise _no_rate()
    return {month: rate for month, rate in found.items() if rate is not None}


def calculated_amount(
    delivery: Any, start: datetime.date, end: datetime.date, amount: object, basis: str
) -> tuple[Decimal, str]:
    """The commitment's amount and its basis in words: calculated from the price model (the
    basis is then the model, the places and the rates, shown from the records), or (hourly,
    other, outcome-based) the amount entered with its basis."""
    model = delivery.agreement.price_model
    if model not in CALCULATED_MODELS:
        entered = valid_amount(amount)
        words = required_text(basis, "basis", "Grunnlaget for beløpet", "basis of the amount")
        return entered, words
    per_week = CALCULATED_MODELS[model]
    rates = _rates(delivery, start, end)
    return commitment_amount(start, end, delivery.places, rates, per_week), ""


def _budget(delivery: Any, year: int) -> SchemeBudget:
    budget = SchemeBudget.objects.filter(
        county_id=delivery.county_id, scheme_type_id=delivery.scheme_type_id, year=year
    ).first()
    if budget is None:
        raise invalid(
            "budget_missing",
            "period_start",
            f"Fylket har ikke noe budsjett for tiltakstypen i {year}.",
            f"The county has no budget for the scheme type in {year}.",
            status=CONFLICT,
        )
    return budget


def _snapshot(commitment: Commitment) -> dict[str, Any]:
    return {
        "delivery": commitment.delivery_id,
        "period_start": commitment.period_start.isoformat(),
        "period_end": commitment.period_end.isoformat(),
        "amount": str(commitment.amount),
        "status": commitment.status,
    }


@transaction.atomic
def commitment_propose(
    *,
    actor: Actor,
    delivery_id: object,
    period_start: datetime.date,
    period_end: datetime.date,
    amount: object = None,
    basis: str = "",
) -> Commitment:
    delivery = _delivery(actor, delivery_id)
    _check_period(delivery, period_start, period_end)
    value, words = calculated_amount(delivery, period_start, period_end, amount, basis)
    assert actor.user is not None
    commitment = Commitment.objects.create(
        delivery=delivery,
        budget=_budget(delivery, period_start.year),
        period_start=period_start,
        period_end=period_end,
        amount=value,
        basis=words,
        proposed_by=actor.user,
    )
    audit.record(
        actor=actor, action="commitment.proposed", target=commitment, after=_snapshot(commitment)
    )
    return commitment


def _audited(actor: Actor, event: str) -> Any:
    def record(step: Change[Commitment]) -> None:
        audit.record(
            actor=actor,
            action=event,
            target=step.record,
            before=step.before,
            after=_snapshot(step.record) | (step.after or {}),
        )

    return record


def _commitment(actor: Actor, commitment_id: object) -> Commitment:
    found = (
        Commitment.objects.select_related("delivery").filter(pk=record_id(commitment_id)).first()
    )
    if found is None or not policies.allows(actor, policies.can_manage_commitment, found):
        if found is not None and actor.has_role("scheme_manager"):
            policies.require(actor, policies.can_manage_commitment, found)
        raise gone("tilsagnet", "commitment")
    return found


def own_proposal() -> DomainError:
    return invalid(
        "own_proposal",
        None,
        "Du foreslo dette tilsagnet og kan ikke godkjenne det selv. En annen må godkjenne.",
        "You proposed this commitment and cannot approve it yourself. Someone else must.",
        status=CONFLICT,
    )


@COMMITMENT.service("approve")
@transaction.atomic
def commitment_approve(*, actor: Actor, commitment_id: object, version: int) -> Commitment:
    """Approve: lock the budget row (first in the lock order), then the commitment; refuse
    the proposer and anything over what is left of the budget."""
    found = _commitment(actor, commitment_id)
    budget = lock_budget(found.budget_id)
    with change(
        found, version=version, lock=lock_commitment, audit=_audited(actor, "commitment.approved")
    ) as step:
        commitment = step.record
        step.before = {"status": commitment.status}
        if actor.user is None or commitment.proposed_by_id == actor.user.pk:
            raise own_proposal()
        COMMITMENT.enter(commitment, COMMITMENT.move("approve"))
        remaining = budget_remaining(budget)
        if commitment.amount > remaining:
            raise over_budget(remaining)
        commitment.approved_by = actor.user
        commitment.approved_at = timezone.now()
    return step.record


def _reason(reason: str) -> str:
    return required_text(reason, "reason", "Begrunnelsen", "reason", limit=2000)


@COMMITMENT.service("return")
@transaction.atomic
def commitment_return(
    *, actor: Actor, commitment_id: object, version: int, reason: str = ""
) -> Commitment:
    found = _commitment(actor, commitment_id)
    words = _reason(reason)
    with change(
        found, version=version, lock=lock_commitment, audit=_audited(actor, "commitment.returned")
    ) as step:
        step.before = {"status": step.record.status}
        COMMITMENT.enter(step.record, COMMITMENT.move("return"))
        step.record.status_reason = words
    return step.record


@COMMITMENT.service("resubmit")
@transaction.atomic
def commitment_resubmit(
    *,
    actor: Actor,
    commitment_id: object,
    version: int,
    period_start: datetime.date,
    period_end: datetime.date,
    amount: object = None,
    basis: str = "",
) -> Commitment:
    """Propose a returned commitment again, changed: its period (and, for the models that
    are not calculated, its amount and basis). The one who sends it again is its proposer."""
    found = _commitment(actor, commitment_id)
    _check_period(found.delivery, period_start, period_end)
    value, words = calculated_amount(found.delivery, period_start, period_end, amount, basis)
    budget = _budget(found.delivery, period_start.year)
    with change(
        found,
        version=version,
        lock=lock_commitment,
        audit=_audited(actor, "commitment.resubmitted"),
    ) as step:
        commitment = step.record
        step.before = _snapshot(commitment)
        COMMITMENT.enter(commitment, COMMITMENT.move("resubmit"))
        assert actor.user is not None
        commitment.period_start, commitment.period_end = period_start, period_end
        commitment.amount, commitment.basis, commitment.budget = value, words, budget
        commitment.proposed_by, commitment.status_reason = actor.user, ""
    return step.record


@COMMITMENT.service("annul")
@transaction.atomic
def commitment_annul(
    *, actor: Actor, commitment_id: object, version: int, reason: str = ""
) -> Commitment:
    """Annul an approved commitment, freeing its budget; refused while claims draw on it."""
    found = _commitment(actor, commitment_id)
    words = _reason(reason)
    lock_budget(found.budget_id)
    with change(
        found, version=version, lock=lock_commitment, audit=_audited(actor, "commitment.annulled")
    ) as step:
        commitment = step.record
        step.before = {"status": commitment.status}
        COMMITMENT.enter(commitment, COMMITMENT.move("annul"))
        if commitment.claims.exclude(status__in=("open", "returned")).exists():
            raise invalid(
                "commitment_has_claims",
                None,
                "Tilsagnet har innsendte eller attesterte krav og kan ikke annulleres.",
                "The commitment has submitted or attested claims and cannot be annulled.",
                status=CONFLICT,
            )
        commitment.status_reason = words
    return step.record


__all__ = [
    "CommitmentStatus",
    "calculated_amount",
    "commitment_annul",
    "commitment_approve",
    "commitment_propose",
    "commitment_resubmit",
    "commitment_return",
]
