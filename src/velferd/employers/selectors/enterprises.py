"""Enterprises as far as the reader may see them, and the IW centre and advisors of their
county."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from velferd.access import policies, selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.core.errors import not_found
from velferd.organisation import selectors as organisation_selectors

from ..models import (
    Cooperation,
    CooperationStatus,
    Enterprise,
    Sector,
)
from .choices import DEFERRED_DUE
from .lookups import refused, unknown

if TYPE_CHECKING:
    from velferd.organisation.models import County, IWCentre


def enterprises_visible_to(
    *,
    actor: Actor,
    query: str = "",
    municipality: str = "",
    sector: str = "",
    status: str = "",
    iw_agreement: bool | None = None,
) -> QuerySet[Enterprise]:
    """The enterprises the actor may see (advisors: their county's; an employer: their
    own; administrators: all), with `cooperation_status` the status of the open (or else
    the latest) cooperation and `deferred_until` the date a deferred one comes back.
    `status="none"` finds those with no cooperation at all, `"deferred_due"` those whose
    deferred cooperation is due for assessment."""
    if not policies.can_list_enterprises(actor):
        raise refused(actor)
    latest = Cooperation.objects.filter(enterprise=OuterRef("pk")).order_by("-is_open", "-id")
    found = Enterprise.objects.select_related(
        "municipality", "county__iw_centre", "contact_person"
    ).annotate(
        cooperation_status=Subquery(latest.values("status")[:1]),
        deferred_until=Subquery(latest.values("deferred_until")[:1]),
    )
    found = found.filter(policies.enterprises_visible(actor))
    query = query.strip()
    if query.isdigit():
        found = found.filter(organisation_number__startswith=query)
    elif query:
        found = found.filter(name__icontains=query)
    if municipality:
        found = found.filter(municipality_id=municipality)
    if sector:
        if sector not in Sector.values:
            raise not_found(f"sektor «{sector}»", f"sector “{sector}”", field="sector")
        found = found.filter(sector=sector)
    if status == "none":
        found = found.filter(cooperation_status__isnull=True)
    elif status == DEFERRED_DUE:
        found = found.filter(
            cooperation_status=CooperationStatus.DEFERRED,
            deferred_until__lte=timezone.localdate(),
        )
    elif status:
        if status not in CooperationStatus.values:
            raise not_found(f"status «{status}»", f"status “{status}”", field="status")
        found = found.filter(cooperation_status=status)
    if iw_agreement is not None:
        found = found.filter(has_iw_agreement=iw_agreement)
    return found


def enterprise_for(*, actor: Actor, organisation_number: str) -> Enterprise:
    found = (
        Enterprise.objects.select_related("municipality", "county__iw_centre", "contact_person")
        .filter(organisation_number=organisation_number)
        .first()
    )
    if found is None:
        raise unknown(
            actor, f"virksomheten {organisation_number}", f"the enterprise {organisation_number}"
        )
    if not policies.can_view_enterprise(actor, found):
        raise unknown(
            actor, f"virksomheten {organisation_number}", f"the enterprise {organisation_number}"
        )
    return found


def own_enterprises(*, actor: Actor) -> QuerySet[Enterprise]:
    """The enterprises the actor represents as an employer."""
    return Enterprise.objects.filter(policies.enterprises_represented(actor)).select_related(
        "municipality", "county__iw_centre", "contact_person"
    )


def iw_centre_of(enterprise: Enterprise) -> IWCentre | None:
    """The IW centre of the enterprise's county (selected with the enterprise)."""
    return getattr(enterprise.county, "iw_centre", None)


def iw_advisors_of(county_number: str) -> list[User]:
    """The active advisors of a county's IW centre: who may be a contact person there."""
    centre = organisation_selectors.iw_centres().filter(county_id=county_number).first()
    if centre is None:
        return []
    return [
        access_selectors.active_user_named(name)
        for name in access_selectors.usernames_in_role(Role.IW_ADVISOR, iw_centre=centre)
    ]


def counties_advised_by(actor: Actor) -> QuerySet[County]:
    return organisation_selectors.counties().filter(number__in=policies.iw_counties(actor))


def enterprise_numbered(organisation_number: str) -> Enterprise | None:
    """The enterprise with this organisation number and its county, or None; for a domain
    that applies its own policy to it (no reader's filter here)."""
    return (
        Enterprise.objects.select_related("county")
        .filter(organisation_number=organisation_number)
        .first()
    )


def enterprise_ids(organisation_numbers: Collection[str]) -> dict[str, int]:
    """The ids of the registered enterprises among these organisation numbers, by number;
    for loading records about enterprises (no reader's filter here)."""
    return dict(
        Enterprise.objects.filter(organisation_number__in=organisation_numbers).values_list(
            "organisation_number", "pk"
        )
    )
