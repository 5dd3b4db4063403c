"""Reading competitions and bids, as far as the reader may see: the lists are built from
the policies' list filters (competitions_visible, bids_visible), so a bid is in no list or
count for anyone at NAV before the deadline."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import not_found

from ..models import Bid, BidStatus, Competition, CompetitionStatus, Evaluator

RELATIONS = ("scheme_type", "county", "office")


def competitions_visible_to(
    *, actor: Actor, status: str = "", query: str = ""
) -> QuerySet[Competition]:
    found = Competition.objects.filter(policies.competitions_visible(actor)).distinct()
    if status:
        found = found.filter(status=status)
    if query:
        found = found.filter(title__icontains=query.strip()[:100])
    return found.select_related(*RELATIONS).order_by("-bid_deadline", "number")


def competition_for(*, actor: Actor, competition_id: Any) -> Competition:
    """The competition, for whom may see it; 404 for anyone else and for no such id."""
    found = (
        Competition.objects.select_related(*RELATIONS, "created_by", "approved_by")
        .filter(pk=competition_id)
        .first()
    )
    if found is None or not policies.can_view_competition(actor, found):
        raise not_found("konkurransen", "the competition")
    return found


def open_competitions(*, actor: Actor) -> QuerySet[Competition]:
    """Published competitions still taking bids, for supplier staff."""
    return (
        competitions_visible_to(actor=actor, status=CompetitionStatus.PUBLISHED)
        .filter(bid_deadline__gt=timezone.now())
        .order_by("bid_deadline", "number")
    )


def bids_visible_to(
    *,
    actor: Actor,
    competition: Competition | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet[Bid]:
    """The bids the reader may see (their own supplier's; NAV's only after the deadline)."""
    found = Bid.objects.filter(policies.bids_visible(actor, now=now)).distinct()
    if competition is not None:
        found = found.filter(competition=competition)
    return found.select_related("supplier", "competition").order_by("submitted_at", "pk")


def submitted_bids_visible_to(*, actor: Actor, competition: Competition) -> QuerySet[Bid]:
    return bids_visible_to(actor=actor, competition=competition).filter(status=BidStatus.SUBMITTED)


def bid_for(*, actor: Actor, bid_id: Any) -> Bid:
    found = Bid.objects.select_related("supplier", "competition").filter(pk=bid_id).first()
    if found is None or not policies.can_view_bid(actor, found):
        raise not_found("tilbudet", "the bid")
    return found


def own_bids(*, actor: Actor) -> QuerySet[Bid]:
    """The bids of the suppliers the reader is bound to."""
    numbers = policies.supplier_organisation_numbers(actor)
    return (
        Bid.objects.filter(supplier__organisation_number__in=numbers)
        .select_related("supplier", "competition", "competition__scheme_type")
        .order_by("-competition__bid_deadline", "pk")
    )


def own_bid_in(*, actor: Actor, competition: Competition) -> Bid | None:
    return own_bids(actor=actor).filter(competition=competition).first()


def evaluator_of(*, actor: Actor, competition: Competition) -> Evaluator | None:
    if actor.user is None:
        return None
    return Evaluator.objects.filter(competition=competition, user=actor.user).first()


def deadline_passed(competition: Competition) -> bool:
    return timezone.now() >= competition.bid_deadline
