"""Participants in labour market schemes: who sees a participation and changes it.

A participation here is a velferd.participants Participation (person, delivery with its
supplier, status, ended_at); a proposal a ChangeProposal (participation). The statuses are
read by their values: access imports no domain above it.

The supplier's side follows NAV's supplier portal (deltakeroversikt): supplier staff see
the participants of their own supplier's deliveries once the participation is shared with
them (from the application on; never a draft, nor one registered in error), and a closed
participation for `VELFERD_SUPPLIER_ACCESS_DAYS_AFTER_END` days after it closed (40, as
NAV's portal keeps an ended participant: amt-tiltaksarrangor-bff, DAGER_AVSLUTTET_DELTAKER_
VISES). After that the participant is gone from their lists and 404 to them."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ..actor import Actor
from ..roles import Role
from .base import NOTHING
from .people import (
    CASEWORKERS,
    OFFICE_STAFF,
    _staff_may_see,
    _staff_see,
    is_the_person,
    the_person,
)
from .schemes import (
    is_national_scheme_manager,
    represents_supplier,
    scheme_counties,
    supplier_organisation_numbers,
)

# The supplier's side ------------------------------------------------------------------------

# Shared with the supplier while open, and for the access window after closing.
SHARED_WHILE_OPEN = (
    "applied",
    "being_assessed",
    "waiting_list",
    "awaiting_start",
    "participating",
)
SHARED_AFTER_CLOSING = ("ended", "completed", "not_relevant")


def supplier_access_days() -> int:
    return int(getattr(settings, "VELFERD_SUPPLIER_ACCESS_DAYS_AFTER_END", 40))


def supplier_access_from(now: datetime.datetime | None = None) -> datetime.datetime:
    """A participation closed before this moment is no longer the supplier's to see."""
    return (now or timezone.now()) - datetime.timedelta(days=supplier_access_days())


def can_supplier_view_participant(
    actor: Actor, participation: Any, now: datetime.datetime | None = None
) -> bool:
    """Supplier staff of the delivery's supplier, while the participation is shared with
    them: open from the application on, or closed less than the access window ago."""
    if not actor.has_role(Role.SUPPLIER):
        return False
    if not represents_supplier(actor, participation.delivery.supplier):
        return False
    if participation.status in SHARED_WHILE_OPEN:
        return True
    closed_at = participation.ended_at
    return (
        participation.status in SHARED_AFTER_CLOSING
        and closed_at is not None
        and closed_at > supplier_access_from(now)
    )


def participants_visible_to_supplier(
    actor: Actor, via: str = "", now: datetime.datetime | None = None
) -> Q:
    """The list filter of `can_supplier_view_participant`; `via` leads to the participation
    ("" for participations, "participation__" for their proposals and reports)."""
    numbers = supplier_organisation_numbers(actor)
    if not numbers or not actor.has_role(Role.SUPPLIER):
        return NOTHING
    own = Q(**{f"{via}delivery__supplier__organisation_number__in": numbers})
    open_ = Q(**{f"{via}status__in": SHARED_WHILE_OPEN})
    closed_lately = Q(
        **{
            f"{via}status__in": SHARED_AFTER_CLOSING,
            f"{via}ended_at__gt": supplier_access_from(now),
        }
    )
    return own & (open_ | closed_lately)


def can_list_supplier_participants(actor: Actor) -> bool:
    """Supplier staff have the list of their deliveries' participants (what it holds is
    `participants_visible_to_supplier`)."""
    return actor.has_role(Role.SUPPLIER)


def address_goes_to_supplier(participation: Any) -> bool:
    """The person's address goes to the supplier only when it is not protected at all: never
    a confidential or strictly confidential one. The participant is shown without it, and
    without contact details, as NAV's portal shows a participant with a protected address."""
    return participation.person.address_protection == "none"


def can_propose_change(actor: Actor, participation: Any) -> bool:
    """The supplier proposes changes (forslag) for the participants it sees; whether the
    participation is still open is the service's question (409)."""
    return can_supplier_view_participant(actor, participation)


def can_report_progress(actor: Actor, participation: Any) -> bool:
    return can_supplier_view_participant(actor, participation)


def can_withdraw_proposal(actor: Actor, proposal: Any) -> bool:
    return can_supplier_view_participant(actor, proposal.participation)


# NAV's side ---------------------------------------------------------------------------------


def can_decide_proposals_for(actor: Actor, participation: Any) -> bool:
    """The caseworkers who may change the person (their office's caseworkers and manager)
    approve or reject the supplier's proposals for the participation."""
    return _staff_may_see(actor, participation.person, CASEWORKERS)


def can_decide_proposal(actor: Actor, proposal: Any) -> bool:
    return can_decide_proposals_for(actor, proposal.participation)


def proposals_decidable(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_decide_proposal`; `via` leads to the proposal."""
    return _staff_see(actor, CASEWORKERS, f"{via}participation__person__")


def can_view_proposal(actor: Actor, proposal: Any) -> bool:
    """The supplier who proposed it while it sees the participant, and the caseworkers who
    decide it."""
    return can_withdraw_proposal(actor, proposal) or can_decide_proposal(actor, proposal)


def proposals_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_proposal`."""
    return participants_visible_to_supplier(actor, f"{via}participation__") | proposals_decidable(
        actor, via
    )


def can_read_progress_reports(actor: Actor, participation: Any) -> bool:
    """The person, the caseworkers who follow them up, and the supplier who wrote them."""
    return (
        is_the_person(actor, participation.person)
        or _staff_may_see(actor, participation.person, CASEWORKERS)
        or can_supplier_view_participant(actor, participation)
    )


def can_list_proposals(actor: Actor) -> bool:
    """The caseworkers' queue of proposals waiting for NAV."""
    return bool(actor.office_ids(*CASEWORKERS))


# The caseworker's and the person's side -----------------------------------------------------
#
# A caseworker who may change the person (their office's caseworkers and manager) enrols
# them, moves the participation along its lifecycle, sets the waiting-list priority and
# extends it; the office's staff read it. The person reads their own participations, drafts
# too, and comments on a draft. A delivery's waiting list is for the caseworkers of the
# offices that may enrol in it; the people on it are shown only as far as the reader may see
# them (the others are counted).


def can_enrol(actor: Actor, person: Any) -> bool:
    return _staff_may_see(actor, person, CASEWORKERS)


def can_view_participation(actor: Actor, participation: Any) -> bool:
    person = participation.person
    return is_the_person(actor, person) or _staff_may_see(actor, person, OFFICE_STAFF)


def participations_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_participation`; `via` leads to the participation."""
    person = f"{via}person__"
    return the_person(actor, person) | _staff_see(actor, OFFICE_STAFF, person)


def can_change_participation(actor: Actor, participation: Any) -> bool:
    """Moves, the priority, dates and extensions: the caseworkers who may change the person."""
    return _staff_may_see(actor, participation.person, CASEWORKERS)


def participations_changeable(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_change_participation`."""
    return _staff_see(actor, CASEWORKERS, f"{via}person__")


def can_comment_on_draft(actor: Actor, participation: Any) -> bool:
    """The person and their caseworkers share the draft; whether it is still a draft is the
    service's question (409)."""
    return is_the_person(actor, participation.person) or can_change_participation(
        actor, participation
    )


def can_view_waiting_list(actor: Actor, delivery_office_ids: Collection[int]) -> bool:
    """The caseworkers of an office that may enrol in the delivery."""
    return bool(actor.office_ids(*CASEWORKERS) & set(delivery_office_ids))


def can_view_own_participations(actor: Actor) -> bool:
    """Anyone logged in has pages of their own (empty for those not in any scheme)."""
    return actor.is_authenticated


# The overview of places -------------------------------------------------------------------
#
# Places, occupied places and waiting lists per county or office, and their history: figures
# about deliveries and groups of people, never a person. Scheme managers see their counties
# and their offices (a national one, all and the country); office managers their own office;
# analysts and the Ministry's staff any county, office or the country.

NATIONAL_OVERVIEW = (Role.ANALYST, Role.MINISTRY_STAFF)


def can_list_places_overview(actor: Actor) -> bool:
    return actor.has_role(Role.SCHEME_MANAGER, Role.OFFICE_MANAGER, *NATIONAL_OVERVIEW)


def can_view_places_overview(
    actor: Actor, county_id: str | None, office_id: int | None = None
) -> bool:
    """`county_id` None with no office: the whole country; with an office, its county."""
    if actor.has_role(*NATIONAL_OVERVIEW) or is_national_scheme_manager(actor):
        return True
    if county_id is not None and county_id in scheme_counties(actor):
        return True
    return office_id is not None and office_id in actor.office_ids(Role.OFFICE_MANAGER)


def places_overview_counties(actor: Actor) -> Q:
    """The list filter of `can_view_places_overview` for counties (over County)."""
    if actor.has_role(*NATIONAL_OVERVIEW) or is_national_scheme_manager(actor):
        return Q()
    return Q(pk__in=scheme_counties(actor)) if scheme_counties(actor) else NOTHING


def places_overview_offices(actor: Actor) -> Q:
    """The list filter of `can_view_places_overview` for offices (over Office)."""
    if actor.has_role(*NATIONAL_OVERVIEW) or is_national_scheme_manager(actor):
        return Q()
    return Q(county_id__in=scheme_counties(actor)) | Q(pk__in=actor.office_ids(Role.OFFICE_MANAGER))
