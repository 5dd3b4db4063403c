"""Sick-leave statistics: one enterprise's figures, the groups, the lists and results."""

from __future__ import annotations

from typing import Any

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


def can_prioritise_enterprises(actor: Actor) -> bool:
    """The prioritisation list of the county's enterprises by the workdays that could be
    saved: the IW centres' advisors, for their own county."""
    return bool(iw_counties(actor))


def can_view_iw_results(actor: Actor, county: str | None = None) -> bool:
    """The IW centre's results (aggregates of the enterprises it serves): the advisors of
    that county; analysts, ministry staff and administrators for any county or the country
    (`county` None)."""
    if actor.has_role(Role.ANALYST, Role.MINISTRY_STAFF, Role.ADMINISTRATOR):
        return True
    return county is not None and county in iw_counties(actor)
