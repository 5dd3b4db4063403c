"""Subsidy applications as far as the reader may see them, and what a county has granted
and paid."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import not_found

from ..models import (
    GRANTED_STATUSES,
    Enterprise,
    ExpertAssistance,
    ExpertAssistanceStatus,
    Subsidy,
    SubsidyScheme,
    SubsidyStatus,
    scheme_of_year,
)
from .lookups import as_int, refused, unknown


def subsidies_visible_to(*, actor: Actor, status: str = "") -> QuerySet[Subsidy]:
    if not policies.can_list_enterprises(actor):
        raise refused(actor)
    found = Subsidy.objects.select_related("enterprise", "enterprise__county").filter(
        policies.enterprises_visible(actor, "enterprise__")
    )
    if status:
        if status not in SubsidyStatus.values:
            raise not_found(f"status «{status}»", f"status “{status}”", field="status")
        found = found.filter(status=status)
    return found


def subsidies_of(enterprise: Enterprise) -> QuerySet[Subsidy]:
    return enterprise.subsidies.all()


def subsidy_for(*, actor: Actor, subsidy_id: object) -> Subsidy:
    key = as_int(subsidy_id)
    found = (
        Subsidy.objects.select_related("enterprise", "enterprise__county").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise unknown(actor, "søknaden om tilskudd", "the subsidy application")
    if not policies.can_view_cooperation(actor, found.enterprise):
        raise unknown(actor, "søknaden om tilskudd", "the subsidy application")
    return found


CENTS = Decimal("0.01")


def _granted(county_number: str, year: int, scheme: str | None) -> QuerySet[Any]:
    """The grants counted against the county's budget for the scheme in the year (by default
    the scheme of that year)."""
    if (scheme or scheme_of_year(year)) == SubsidyScheme.EXPERT_ASSISTANCE:
        return ExpertAssistance.objects.filter(
            enterprise__county_id=county_number,
            budget_year=year,
            status=ExpertAssistanceStatus.GRANTED,
        )
    return Subsidy.objects.filter(
        enterprise__county_id=county_number, budget_year=year, status__in=GRANTED_STATUSES
    )


def _total(found: QuerySet[Any]) -> Decimal:
    total = found.aggregate(total=Sum("amount_granted"))["total"]
    return Decimal(total or 0).quantize(CENTS)


def granted_total(county_number: str, year: int, scheme: str | None = None) -> Decimal:
    """What the county has granted from the year's budget for the scheme (paid grants
    included)."""
    return _total(_granted(county_number, year, scheme))


def paid_total(county_number: str, year: int, scheme: str | None = None) -> Decimal:
    """What is paid of the prevention and facilitation grants; expert assistance is refunded
    outside this register, so nothing is counted as paid of it here."""
    if (scheme or scheme_of_year(year)) == SubsidyScheme.EXPERT_ASSISTANCE:
        return Decimal("0.00")
    return _total(_granted(county_number, year, scheme).filter(status=SubsidyStatus.PAID))
