"""The advisors' prioritisation list: the enterprises of their county by their lost workdays
(as NAV's IW advisors' list sorts them first), or by the workdays that could be saved
(velferd's own measure: the lost workdays beyond what the enterprise would have lost at its
industry's percentage)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    F,
    QuerySet,
)

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core import disclosure
from velferd.core.disclosure import Reason
from velferd.core.errors import DomainError, forbidden
from velferd.employers import selectors as employer_selectors

from ..models import (
    EnterpriseSummary,
)
from ..programmes import BY_KEY as PROGRAMMES, programme_q
from .aggregates import hidden_industries
from .figures import (
    MASK_BELOW,
    rounded,
)

COOPERATION_NONE = employer_selectors.NO_COOPERATION
SORT_LOST = "lost_workdays"
SORT_SAVEABLE = "saveable_workdays"
SORTS = (SORT_LOST, SORT_SAVEABLE)
# Each order has its index, (county_id, <column> DESC NULLS LAST): migrations 0002 and 0004.
ORDER_COLUMNS = {SORT_LOST: "shown_lost_workdays", SORT_SAVEABLE: "saveable_workdays"}


@dataclass
class PriorityFilters:
    county: str = ""
    min_percentage: Decimal | None = None
    max_percentage: Decimal | None = None
    min_lost_workdays: Decimal | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    industry: str = ""
    programme: str = ""
    sector: str = ""
    municipality: str = ""
    cooperation_status: str = ""
    sort: str = SORT_LOST


def _invalid_filter(name: str, nb: str, en: str) -> DomainError:
    return DomainError(code="invalid_filter", field=name, message_nb=nb, message_en=en)


def _check_filters(filters: PriorityFilters) -> None:
    allowed = {COOPERATION_NONE, *employer_selectors.COOPERATION_STATUSES}
    if filters.cooperation_status and filters.cooperation_status not in allowed:
        raise _invalid_filter(
            "cooperation_status",
            "Ukjent samarbeidsstatus.",
            "Unknown cooperation status.",
        )
    if filters.programme and filters.programme not in PROGRAMMES:
        raise _invalid_filter("programme", "Ukjent bransjeprogram.", "Unknown industry programme.")
    if filters.sort not in SORTS:
        raise _invalid_filter("sort", "Ukjent sortering.", "Unknown sort order.")
    if filters.sector and filters.sector not in employer_selectors.SECTORS:
        raise _invalid_filter("sector", "Ukjent sektor.", "Unknown sector.")
    for low, high, name in (
        (filters.min_percentage, filters.max_percentage, "percentage"),
        (filters.min_employees, filters.max_employees, "employees"),
    ):
        if low is not None and high is not None and low > high:
            raise _invalid_filter(
                f"min_{name}",
                "Fra-verdien er større enn til-verdien.",
                "The lower bound is above the upper bound.",
            )


def priorities(*, actor: Actor, filters: PriorityFilters) -> QuerySet[EnterpriseSummary]:
    """The enterprises of the advisor's county (or counties) by their lost workdays or by the
    workdays that could be saved (`filters.sort`), most first, masked ones last."""
    policies.require(actor, policies.can_prioritise_enterprises)
    _check_filters(filters)
    if filters.county:
        if not policies.allows(actor, policies.can_prioritise_enterprises, filters.county):
            raise forbidden()
        found = EnterpriseSummary.objects.filter(county_id__in={filters.county})
    else:
        found = EnterpriseSummary.objects.filter(policies.priority_lines_visible(actor))
    # Figures based on fewer than five persons are masked: they match no range filter.
    if filters.min_percentage is not None:
        found = found.filter(
            percentage__gte=filters.min_percentage, sick_listed_persons__gte=MASK_BELOW
        )
    if filters.max_percentage is not None:
        found = found.filter(
            percentage__lte=filters.max_percentage, sick_listed_persons__gte=MASK_BELOW
        )
    if filters.min_lost_workdays is not None:
        found = found.filter(
            lost_workdays__gte=filters.min_lost_workdays, sick_listed_persons__gte=MASK_BELOW
        )
    if filters.min_employees is not None:
        found = found.filter(enterprise__employees__gte=filters.min_employees)
    if filters.max_employees is not None:
        found = found.filter(enterprise__employees__lte=filters.max_employees)
    if filters.industry:
        found = found.filter(enterprise__industry_code__startswith=filters.industry.strip())
    if filters.programme:
        found = found.filter(programme_q(filters.programme, "enterprise__"))
    if filters.sector:
        found = found.filter(enterprise__sector=filters.sector)
    if filters.municipality:
        found = found.filter(enterprise__municipality_id=filters.municipality)
    if filters.cooperation_status:
        found = employer_selectors.with_cooperation_status(found, filters.cooperation_status)
    return (
        found.select_related("enterprise", "enterprise__municipality", "industry")
        .annotate(cooperation_status=employer_selectors.current_cooperation_status())
        .order_by(
            F(ORDER_COLUMNS[filters.sort]).desc(nulls_last=True),
            "enterprise__name",
            "enterprise_id",
        )
    )


def _percentage(value: Decimal | None) -> Decimal | None:
    return None if value is None else rounded(Decimal(value))


def priority_rows(summaries: Iterable[EnterpriseSummary]) -> list[dict[str, Any]]:
    """The lines of one page of the list."""
    hidden = hidden_industries()
    return [priority_row(s, hidden_industries=hidden) for s in summaries]


def priority_row(
    summary: EnterpriseSummary, *, hidden_industries: dict[str, Reason] | None = None
) -> dict[str, Any]:
    """One line of the list, masked where the figures rest on fewer than five persons. The
    industry's percentage is left out where the analysts do not see it, and so are the
    workdays to save, from which it would follow (lost − possible × percentage)."""
    enterprise = summary.enterprise
    reason = disclosure.persons_reason(summary.sick_listed_persons)
    industry = summary.industry
    industry_reason = (
        None
        if industry is None
        else (hidden_industries or {}).get(industry.key)
        or disclosure.persons_reason(industry.sick_listed_persons)
    )
    saveable = summary.saveable_workdays
    return {
        "organisation_number": enterprise.organisation_number,
        "name": enterprise.name,
        "municipality": enterprise.municipality_id,
        "municipality_name": enterprise.municipality.name,
        "industry_code": enterprise.industry_code,
        "sector": enterprise.sector,
        "employees": enterprise.employees,
        "cooperation_status": getattr(summary, "cooperation_status", None) or COOPERATION_NONE,
        "masked": reason is not None,
        "reason": reason,
        "percentage": None if reason else _percentage(summary.percentage),
        "lost_workdays": None if reason else rounded(Decimal(summary.lost_workdays)),
        "industry_percentage": (
            _percentage(industry.percentage)
            if industry is not None and industry_reason is None
            else None
        ),
        "industry_reason": industry_reason,
        "saveable_workdays": (
            None if reason or industry_reason or saveable is None else rounded(Decimal(saveable))
        ),
    }
