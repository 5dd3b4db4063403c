"""What the funding services share: amounts, the refusals that name an amount, and the
locks, taken in the domain's lock order (budget → commitment → claim → audit chain head)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from velferd.core.errors import CONFLICT, NOT_FOUND, DomainError
from velferd.core.labels import kroner
from velferd.core.validation import invalid

from ..models import Claim, Commitment, SchemeBudget

MAX_AMOUNT = Decimal("999999999999.99")


def valid_amount(value: object, field: str = "amount") -> Decimal:
    """An amount in kroner with at most two decimals (a comma or a point), 0 or more."""
    text = str(value if value is not None else "").strip().replace(" ", "").replace("\u00a0", "")
    try:
        amount = Decimal(text.replace(",", "."))
    except (InvalidOperation, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT or amount != round(amount, 2):
        raise invalid(
            "invalid_amount",
            field,
            "Skriv beløpet i kroner, med høyst to desimaler (for eksempel 12 500,50).",
            "Write the amount in kroner, with at most two decimals (for example 12500.50).",
        )
    return amount.quantize(Decimal("0.01"))


def over_budget(remaining: Decimal) -> DomainError:
    return invalid(
        "budget_exceeded",
        "amount",
        f"Tilsagnet er større enn det som er igjen av budsjettet ({kroner(remaining)}).",
        f"The commitment is larger than what is left of the budget ({kroner(remaining)}).",
        status=CONFLICT,
    )


def over_commitment(remaining: Decimal) -> DomainError:
    return invalid(
        "commitment_exceeded",
        "amount",
        f"Kravet er større enn det som er igjen av tilsagnet ({kroner(remaining)}).",
        f"The claim is larger than what is left of the commitment ({kroner(remaining)}).",
        status=CONFLICT,
    )


def gone(what_nb: str, what_en: str) -> DomainError:
    return DomainError(
        code="not_found",
        message_nb=f"Fant ikke {what_nb}.",
        message_en=f"The {what_en} was not found.",
        status=NOT_FOUND,
    )


def record_id(value: object) -> int:
    """A record's id from a path or a form; 0 (no record) when it is not a number."""
    text = str(value)
    return int(text) if text.isdigit() and len(text) < 12 else 0


def lock_budget(budget_id: int) -> SchemeBudget:
    return SchemeBudget.objects.select_for_update().get(pk=budget_id)


def lock_commitment(commitment: Commitment) -> Commitment:
    return (
        Commitment.objects.select_for_update(of=("self",))
        .select_related("delivery", "budget")
        .get(pk=commitment.pk)
    )


def lock_claim(claim: Claim) -> Claim:
    return (
        Claim.objects.select_for_update(of=("self",))
        .select_related("delivery", "delivery__supplier", "commitment")
        .get(pk=claim.pk)
    )
