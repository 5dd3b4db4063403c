"""Procurement of labour market schemes: competitions, sealed bids, evaluation and award.

A competition is run for a county by its scheme managers (or national ones); an office's
small tender is run by the office's manager, and its award is approved by the county's
scheme manager. The records these policies read: a competition's `county_id`,
`office_id`, `status`, `bid_deadline` and its evaluators (`evaluators`, each with `user_id`
and `replaced`); a bid's `competition` and `supplier`.

**The deadline rule.** Nobody at NAV sees a bid before the competition's bid deadline —
not its content, not that it exists: `can_view_bid` and its list filter `bids_visible`
read the deadline against the current time (`now`, which tests may pass). After the
deadline, the competition's managers and its evaluators see its bids. Supplier staff see
their own supplier's bids, at any time, and no other supplier's."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from ..actor import Actor
from ..roles import OFFICE_ROLES, Role
from .schemes import (
    can_manage_schemes_in,
    counties_managed,
    is_national_scheme_manager,
    represents_supplier,
    scheme_counties,
    suppliers_represented,
)

DRAFT = "draft"


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now if now is not None else timezone.now()


def _managed_offices(actor: Actor) -> set[int]:
    return actor.office_ids(Role.OFFICE_MANAGER)


def can_create_competition(actor: Actor, county_id: str, office_id: int | None = None) -> bool:
    """A county's competition: its scheme managers (or national ones). An office's small
    tender: the office's manager too."""
    if can_manage_schemes_in(actor, county_id):
        return True
    return office_id is not None and office_id in _managed_offices(actor)


def can_start_competitions(actor: Actor) -> bool:
    """Whether the actor runs any competitions at all (the menu, the list page)."""
    return actor.has_role(Role.SCHEME_MANAGER, Role.OFFICE_MANAGER)


def can_manage_competition(actor: Actor, competition: Any) -> bool:
    return can_create_competition(actor, competition.county_id, competition.office_id)


def competitions_managed(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_manage_competition`; `via` leads to the competition."""
    if is_national_scheme_manager(actor):
        return Q()
    return Q(**{f"{via}county__in": scheme_counties(actor)}) | Q(
        **{f"{via}office__in": _managed_offices(actor)}
    )


def can_approve_award(actor: Actor, competition: Any) -> bool:
    """An office's small tender's award is approved by the county's scheme manager."""
    return can_manage_schemes_in(actor, competition.county_id)


def is_evaluator(actor: Actor, competition: Any) -> bool:
    """Named to evaluate the competition, and not replaced."""
    if actor.user is None:
        return False
    return any(e.user_id == actor.user.pk and not e.replaced for e in competition.evaluators.all())


def competitions_evaluated(actor: Actor, via: str = "") -> Q:
    """The list filter of `is_evaluator`: it joins the evaluators, take `.distinct()`."""
    if actor.user is None:
        return Q(pk__in=[])
    return Q(**{f"{via}evaluators__user": actor.user, f"{via}evaluators__replaced": False})


def may_evaluate(candidate: Actor, competition: Any) -> bool:
    """Who may be named an evaluator: the county's scheme managers (or national ones); for
    an office's small tender, the office's staff too."""
    if can_manage_schemes_in(candidate, competition.county_id) and candidate.has_role(
        Role.SCHEME_MANAGER
    ):
        return True
    return competition.office_id is not None and competition.office_id in candidate.office_ids(
        *OFFICE_ROLES
    )


def can_view_competition(actor: Actor, competition: Any) -> bool:
    """Managers and evaluators see the competition in every state; supplier staff see it
    once published (an announcement is public to the market)."""
    if can_manage_competition(actor, competition) or is_evaluator(actor, competition):
        return True
    return actor.has_role(Role.SUPPLIER) and competition.status != DRAFT


def competitions_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_competition` (joins the evaluators: `.distinct()`)."""
    shown = competitions_evaluated(actor, via)
    if can_start_competitions(actor):
        shown |= competitions_managed(actor, via)
    if actor.has_role(Role.SUPPLIER):
        shown |= ~Q(**{f"{via}status": DRAFT})
    return shown


def can_bid_for(actor: Actor, supplier: Any) -> bool:
    """Supplier staff bid, revise and withdraw for the supplier they are bound to."""
    return actor.has_role(Role.SUPPLIER) and represents_supplier(actor, supplier)


def can_view_bid(actor: Actor, bid: Any, now: datetime.datetime | None = None) -> bool:
    """The supplier's own staff, always; the competition's managers and evaluators, only
    once the bid deadline has passed."""
    if represents_supplier(actor, bid.supplier):
        return True
    competition = bid.competition
    if _now(now) < competition.bid_deadline:
        return False
    return can_manage_competition(actor, competition) or is_evaluator(actor, competition)


def bids_visible(actor: Actor, via: str = "", now: datetime.datetime | None = None) -> Q:
    """The list filter of `can_view_bid`; `via` leads to the bid ("" for bids). It joins
    the competition's evaluators: take `.distinct()` on the list."""
    own = suppliers_represented(actor, f"{via}supplier__")
    if not actor.has_role(Role.SCHEME_MANAGER, *OFFICE_ROLES):
        return own
    competition = f"{via}competition__"
    nav = competitions_evaluated(actor, competition)
    if can_start_competitions(actor):
        nav |= competitions_managed(actor, competition)
    closed = Q(**{f"{competition}bid_deadline__lte": _now(now)})
    return own | (closed & nav)


def can_score(actor: Actor, evaluator: Any) -> bool:
    """Only the evaluator themself scores, and only while named."""
    return actor.user is not None and evaluator.user_id == actor.user.pk and not evaluator.replaced


def counties_of_competitions(actor: Actor) -> Q:
    """The counties the actor may run a county's competition in (`pk` of counties)."""
    return counties_managed(actor, "pk")
