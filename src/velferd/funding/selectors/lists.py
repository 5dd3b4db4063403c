"""What the funding pages and API list, already filtered by access (the list filters of
access/policies/funding.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import NOT_FOUND, DomainError
from velferd.schemes import selectors as schemes_selectors

from ..models import (
    Claim,
    ClaimStatus,
    Commitment,
    CommitmentStatus,
    PaymentExport,
    SchemeBudget,
)


def _gone(what_nb: str, what_en: str) -> DomainError:
    return DomainError(
        code="not_found",
        message_nb=f"Fant ikke {what_nb}.",
        message_en=f"The {what_en} was not found.",
        status=NOT_FOUND,
    )


def _id(value: object) -> int:
    text = str(value)
    return int(text) if text.isdigit() and len(text) < 12 else 0


@dataclass(frozen=True)
class BudgetLine:
    budget: SchemeBudget
    committed: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget.amount - self.committed


def budget_lines(actor: Actor, year: int) -> list[BudgetLine]:
    """The year's budgets the actor manages, with what approved commitments hold."""
    policies.require(actor, policies.can_manage_funding)
    rows = (
        SchemeBudget.objects.filter(policies.budgets_managed(actor), year=year)
        .select_related("county", "scheme_type")
        .annotate(
            held=Sum("commitments__amount", filter=Q(commitments__status=CommitmentStatus.APPROVED))
        )
        .order_by("county_id", "scheme_type__name_nb")
    )
    return [BudgetLine(row, row.held or Decimal("0.00")) for row in rows]


def commitments(actor: Actor, status: str = "") -> QuerySet[Commitment]:
    policies.require(actor, policies.can_manage_funding)
    rows = Commitment.objects.filter(policies.commitments_managed(actor)).select_related(
        "delivery", "delivery__supplier", "proposed_by", "approved_by"
    )
    if status in CommitmentStatus.values:
        rows = rows.filter(status=status)
    return rows.order_by("-period_start", "-pk")


def commitment_for(actor: Actor, commitment_id: object) -> Commitment:
    found = (
        Commitment.objects.select_related(
            "delivery", "delivery__supplier", "budget", "proposed_by", "approved_by"
        )
        .filter(pk=_id(commitment_id))
        .first()
    )
    if found is None or not policies.allows(actor, policies.can_manage_commitment, found):
        raise _gone("tilsagnet", "commitment")
    return found


def deliveries_to_commit(actor: Actor) -> QuerySet[Any]:
    """The deliveries of the counties the actor manages, for a new commitment."""
    policies.require(actor, policies.can_manage_funding)
    return schemes_selectors.funding_deliveries(policies.counties_managed(actor, "county"))


def claims(actor: Actor, month: datetime.date | None = None, status: str = "") -> QuerySet[Claim]:
    """The claims the actor sees: NAV's scheme managers their counties', supplier staff
    their own supplier's."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    rows = Claim.objects.filter(policies.claims_visible(actor)).select_related(
        "delivery", "delivery__supplier", "commitment"
    )
    if month is not None:
        rows = rows.filter(month=month)
    if status in ClaimStatus.values:
        rows = rows.filter(status=status)
    return rows.order_by("-month", "delivery__number")


def claim_for(actor: Actor, claim_id: object) -> Claim:
    found = (
        Claim.objects.select_related("delivery", "delivery__supplier", "commitment")
        .filter(pk=_id(claim_id))
        .first()
    )
    if found is None or not policies.allows(actor, policies.can_view_claim, found):
        raise _gone("kravet", "claim")
    return found


def exports(actor: Actor) -> QuerySet[PaymentExport]:
    policies.require(actor, policies.can_manage_funding)
    mine = Claim.objects.filter(policies.claims_managed(actor)).values("export_id")
    return PaymentExport.objects.filter(pk__in=mine).select_related("created_by")


def export_for(actor: Actor, export_id: object) -> PaymentExport:
    found = exports(actor).filter(pk=_id(export_id)).first()
    if found is None:
        raise _gone("filen", "file")
    return found


def to_export(actor: Actor) -> QuerySet[Claim]:
    """The attested payments not yet in a file."""
    policies.require(actor, policies.can_manage_funding)
    return claims(actor, status=ClaimStatus.APPROVED).filter(export__isnull=True)
