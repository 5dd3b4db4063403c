"""Sick-leave statistics: one enterprise's figures, the groups, the lists and results.

A list filter is a `Q` over the listed model: the prioritisation list's over its lines
(velferd.sickleave EnterpriseSummary, with the county the enterprise was in at the import),
the results' over the registry's counties."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .employers import employer_organisation_numbers, iw_counties


def can_view_sick_leave_aggregates(actor: Actor) -> bool:
    """Figures for an industry, a sector, a county or the country, masked where fewer than
    five persons were sick-listed."""
    return actor.has_role(Role.ANALYST, Role.IW_ADVISOR, Role.MINISTRY_STAFF, Role.ADMINISTRATOR)


def can_import_sick_leave_statistics(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR)


def can_view_enterprise_sick_leave(actor: Actor, enterprise: Any) -> bool:
    """One enterprise's own figures (and its comparison): its employer representative, the
    IW centre of its county, administrators. Analysts see groups only, never one enterprise."""
    return (
        actor.has_role(Role.ADMINISTRATOR)
        or enterprise.county_id in iw_counties(actor)
        or enterprise.organisation_number in employer_organisation_numbers(actor)
    )


def can_prioritise_enterprises(actor: Actor, county: str | None = None) -> bool:
    """The prioritisation list of the county's enterprises by the workdays that could be
    saved: the IW centres' advisors, for their own county (`county` None: any of theirs)."""
    counties = iw_counties(actor)
    return bool(counties) if county is None else county in counties


def can_view_priority_line(actor: Actor, line: Any) -> bool:
    """A line of the prioritisation list (`line.county_id`: the enterprise's county at the
    import) is for the advisors of that county."""
    return can_prioritise_enterprises(actor, line.county_id)


def priority_lines_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_priority_line`."""
    return Q(**{f"{via}county_id__in": iw_counties(actor)})


def can_view_iw_results(actor: Actor, county: str | None = None) -> bool:
    """The IW centre's results (aggregates of the enterprises it serves): the advisors of
    that county; analysts, ministry staff and administrators for any county or the country
    (`county` None)."""
    if actor.has_role(Role.ANALYST, Role.MINISTRY_STAFF, Role.ADMINISTRATOR):
        return True
    return county is not None and county in iw_counties(actor)


def iw_results_counties(actor: Actor) -> Q:
    """The list filter of `can_view_iw_results`, over counties: the counties whose results
    the actor may choose."""
    if can_view_iw_results(actor, None):
        return Q()
    return Q(number__in=iw_counties(actor))


def iw_results_county(actor: Actor) -> str | None:
    """The county whose results the actor sees when they name none: the whole country (None)
    for whom may see any county's, else an advisor's own county (the first of several)."""
    if can_view_iw_results(actor, None):
        return None
    mine = sorted(iw_counties(actor))
    return mine[0] if mine else None
