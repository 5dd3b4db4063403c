"""What is left: of a budget once its approved commitments are counted, of a commitment
once the claims drawing on it are."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from ..models import DRAWING_STATUSES, Claim, Commitment, CommitmentStatus, SchemeBudget


def committed(budget: SchemeBudget, excluding: int | None = None) -> Decimal:
    rows = Commitment.objects.filter(budget=budget, status=CommitmentStatus.APPROVED)
    if excluding is not None:
        rows = rows.exclude(pk=excluding)
    return rows.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def budget_remaining(budget: SchemeBudget) -> Decimal:
    return budget.amount - committed(budget)


def drawn(commitment: Commitment, excluding: int | None = None) -> Decimal:
    rows = Claim.objects.filter(commitment=commitment, status__in=DRAWING_STATUSES)
    if excluding is not None:
        rows = rows.exclude(pk=excluding)
    return rows.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def commitment_remaining(commitment: Commitment, excluding: int | None = None) -> Decimal:
    """What the claims may still draw (`excluding` one claim being checked again)."""
    return commitment.amount - drawn(commitment, excluding)
