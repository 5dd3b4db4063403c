"""The month's payment claims: calculated for every delivery in one go, entered by the
supplier where nothing is calculated, reviewed and submitted by the supplier with a bank
account. A claim never exceeds what is left of the approved commitment covering its month:
submitting locks that commitment's row and checks."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from stdnum.exceptions import ValidationError
from stdnum.no import kontonr

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.lifecycles import Change, change
from velferd.core.validation import invalid, required_text
from velferd.schemes import selectors as schemes_selectors

from ..calculation import month_end, month_start
from ..lifecycles import CLAIM
from ..models import Claim, ClaimCalculation, ClaimStatus, Commitment, CommitmentStatus
from ..selectors.money import commitment_remaining
from ..selectors.month_claims import CALCULATED, month_claims
from .common import gone, lock_claim, over_commitment, record_id, valid_amount

# A calculated month not yet submitted is replaced when it is calculated again.
REPLACEABLE = (ClaimStatus.OPEN,)


def _scope(actor: Actor) -> Q:
    """The deliveries the actor calculates for, as a filter over rows with a `delivery`."""
    if actor.system:
        return Q()
    policies.require(actor, policies.can_manage_funding)
    return policies.counties_managed(actor, "delivery__county")


@transaction.atomic
def claims_calculate(*, actor: Actor, month: datetime.date) -> ClaimCalculation:
    """Calculate the month's claims of every delivery with a calculated price model, in
    one aggregate (selectors.month_claims). Open claims of the month are replaced; claims
    already submitted (or further) are left alone."""
    first = month_start(month)
    scope = _scope(actor)
    calculated = Claim.objects.filter(scope, month=first, price_model__in=list(CALCULATED))
    kept = set(calculated.exclude(status__in=REPLACEABLE).values_list("delivery_id", flat=True))
    calculated.filter(status__in=REPLACEABLE).delete()
    rows = month_claims(first, scope)
    new = [
        Claim(
            delivery_id=row.delivery_id,
            month=first,
            price_model=row.price_model,
            participants=row.participants,
            work_units=row.work_units(first),
            rate=row.rate,
            amount=row.amount(first) or Decimal("0.00"),
        )
        for row in rows
        if row.delivery_id not in kept and row.rate is not None
    ]
    Claim.objects.bulk_create(new, batch_size=2000)
    run = ClaimCalculation.objects.create(
        month=first,
        calculated_by=actor.user,
        claims=len(new),
        total=sum((claim.amount for claim in new), Decimal("0.00")),
        kept=len(kept),
        without_rate=sum(1 for row in rows if row.rate is None),
    )
    audit.record(
        actor=actor,
        action="claim_month.calculated",
        target=run,
        after={
            "month": first.isoformat(),
            "claims": run.claims,
            "total": str(run.total),
            "kept": run.kept,
            "without_rate": run.without_rate,
        },
    )
    return run


def _snapshot(claim: Claim) -> dict[str, Any]:
    return {
        "delivery": claim.delivery_id,
        "month": claim.month.isoformat(),
        "amount": str(claim.amount),
        "status": claim.status,
        "commitment": claim.commitment_id,
    }


def _audited(actor: Actor, event: str) -> Any:
    def record(step: Change[Claim]) -> None:
        audit.record(
            actor=actor,
            action=event,
            target=step.record,
            before=step.before,
            after=_snapshot(step.record) | (step.after or {}),
        )

    return record


def claim_of(actor: Actor, claim_id: object) -> Claim:
    """The claim, if the actor may see it (404 otherwise, whether it exists or not)."""
    found = (
        Claim.objects.select_related("delivery", "delivery__supplier", "commitment")
        .filter(pk=record_id(claim_id))
        .first()
    )
    if found is None or not policies.allows(actor, policies.can_view_claim, found):
        raise gone("kravet", "claim")
    return found


def valid_bank_account(value: str) -> str:
    """A Norwegian bank account number (11 digits, mod 11), without dots or spaces."""
    try:
        return str(kontonr.validate(value or ""))
    except ValidationError:
        raise invalid(
            "invalid_bank_account",
            "bank_account",
            "Kontonummeret er ikke gyldig. Skriv de 11 sifrene, for eksempel 1234.56.78903.",
            "The bank account number is not valid. Write its 11 digits, for example 1234.56.78903.",
        ) from None


def covering_commitment(claim: Claim) -> Commitment:
    """The approved commitment of the claim's delivery covering its month, locked."""
    found = (
        Commitment.objects.select_for_update()
        .filter(
            delivery_id=claim.delivery_id,
            status=CommitmentStatus.APPROVED,
            period_start__lte=month_end(claim.month),
            period_end__gte=claim.month,
        )
        .order_by("period_start", "pk")
        .first()
    )
    if found is None:
        raise invalid(
            "no_commitment",
            None,
            "Det finnes ikke noe godkjent tilsagn for gjennomføringen som dekker måneden.",
            "There is no approved commitment for the delivery covering the month.",
            status=CONFLICT,
        )
    return found


def _within(commitment: Commitment, claim: Claim) -> None:
    remaining = commitment_remaining(commitment, excluding=claim.pk)
    if claim.amount > remaining:
        raise over_commitment(remaining)


@transaction.atomic
def claim_enter(
    *, actor: Actor, delivery_id: object, month: datetime.date, amount: object, basis: str
) -> Claim:
    """The supplier's own claim for a month where nothing is calculated (hourly, other and
    outcome-based price models): the amount with its basis in words. An open one is
    changed."""
    delivery = schemes_selectors.funding_delivery(delivery_id)
    if delivery is None or not policies.allows(
        actor, policies.represents_supplier, delivery.supplier
    ):
        raise gone("gjennomføringen", "delivery")
    if delivery.agreement.price_model in CALCULATED:
        raise invalid(
            "claim_calculated",
            None,
            "Kravet for denne gjennomføringen beregnes av NAV ut fra deltakelsen.",
            "The claim for this delivery is calculated by NAV from the participation.",
            status=CONFLICT,
        )
    value = valid_amount(amount)
    words = required_text(basis, "basis", "Grunnlaget for beløpet", "basis of the amount")
    first = month_start(month)
    claim, created = Claim.objects.select_for_update().get_or_create(
        delivery=delivery,
        month=first,
        defaults={"price_model": delivery.agreement.price_model, "amount": value, "basis": words},
    )
    if not created:
        if claim.status != ClaimStatus.OPEN:
            raise claim_not_open()
        claim.amount, claim.basis = value, words
        claim.bump_version()
        claim.save()
    audit.record(actor=actor, action="claim.entered", target=claim, after=_snapshot(claim))
    return claim


def claim_not_open() -> DomainError:
    return DomainError(
        code="claim_not_open",
        field=None,
        status=CONFLICT,
        message_nb="Kravet for måneden er allerede sendt inn.",
        message_en="The claim for the month has already been submitted.",
    )


@CLAIM.service("submit")
@transaction.atomic
def claim_submit(*, actor: Actor, claim_id: object, version: int, bank_account: str = "") -> Claim:
    """The supplier submits the claim to be paid into the account: the commitment covering
    the month is locked (before the claim, as the lock order says) and must hold it."""
    found = claim_of(actor, claim_id)
    policies.require(actor, policies.can_submit_claim, found)
    account = valid_bank_account(bank_account)
    commitment = covering_commitment(found)
    with change(
        found, version=version, lock=lock_claim, audit=_audited(actor, "claim.submitted")
    ) as step:
        claim = step.record
        step.before = {"status": claim.status}
        CLAIM.enter(claim, CLAIM.move("submit"))
        _within(commitment, claim)
        claim.commitment, claim.bank_account = commitment, account
        claim.submitted_by, claim.submitted_at = actor.user, timezone.now()
    return step.record


def own_commitment() -> DomainError:
    return invalid(
        "approved_commitment",
        None,
        "Du godkjente tilsagnet kravet trekker på, og kan ikke attestere utbetalingen. "
        "En annen må attestere.",
        "You approved the commitment the claim draws on and cannot attest the payment. "
        "Someone else must.",
        status=CONFLICT,
    )


# Suppliers are paid within 30 days of the attestation.
PAYMENT_TERMS = datetime.timedelta(days=30)


@CLAIM.service("approve")
@transaction.atomic
def claim_approve(*, actor: Actor, claim_id: object, version: int) -> Claim:
    """Attest the payment: someone other than the commitment's approver; the commitment's
    row is locked and what is left of it checked again."""
    found = claim_of(actor, claim_id)
    policies.require(actor, policies.can_manage_claim, found)
    commitment = (
        Commitment.objects.select_for_update().filter(pk=found.commitment_id).first()
        if found.commitment_id
        else None
    )
    with change(
        found, version=version, lock=lock_claim, audit=_audited(actor, "claim.approved")
    ) as step:
        claim = step.record
        step.before = {"status": claim.status}
        CLAIM.enter(claim, CLAIM.move("approve"))
        if commitment is None or commitment.status != CommitmentStatus.APPROVED:
            raise invalid(
                "no_commitment",
                None,
                "Kravet trekker ikke på noe godkjent tilsagn.",
                "The claim draws on no approved commitment.",
                status=CONFLICT,
            )
        if actor.user is None or commitment.approved_by_id == actor.user.pk:
            raise own_commitment()
        _within(commitment, claim)
        claim.approved_by, claim.approved_at = actor.user, timezone.now()
        claim.due_on = timezone.localdate() + PAYMENT_TERMS
    return step.record


@CLAIM.service("return")
@transaction.atomic
def claim_return(*, actor: Actor, claim_id: object, version: int, reason: str = "") -> Claim:
    """Send the claim back to the supplier with a reason; it no longer draws on the
    commitment until it is submitted again."""
    found = claim_of(actor, claim_id)
    policies.require(actor, policies.can_manage_claim, found)
    words = required_text(reason, "reason", "Begrunnelsen", "reason", limit=2000)
    with change(
        found, version=version, lock=lock_claim, audit=_audited(actor, "claim.returned")
    ) as step:
        step.before = {"status": step.record.status}
        CLAIM.enter(step.record, CLAIM.move("return"))
        step.record.status_reason = words
    return step.record
