"""The award (tildeling): the winning bid(s) named from the ranking, the standstill
(karenstid) of 10 days, the county's approval of an office's small tender, and the
conclusion after the standstill, which makes the agreements in the schemes domain."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid
from velferd.schemes import services as schemes_services

from .. import lifecycles
from ..models import Bid, Competition, Procedure
from ..selectors import evaluation as figures
from . import fields
from .changes import competition_change

STANDSTILL_DAYS = 10


def standstill_end(start: datetime.date) -> datetime.date:
    """The last day of the standstill, which runs 10 days from the day after the award is
    made known (anskaffelsesforskriften § 20-3)."""
    return start + datetime.timedelta(days=STANDSTILL_DAYS)


def _require_scored(competition: Competition) -> None:
    evaluators = figures.scoring_evaluators(competition)
    if len(evaluators) < figures.MIN_EVALUATORS:
        raise invalid(
            "too_few_evaluators",
            None,
            f"Minst {figures.MIN_EVALUATORS} evaluatorer uten inhabilitet må ha erklært seg.",
            f"At least {figures.MIN_EVALUATORS} evaluators without a conflict of interest must "
            "have declared.",
            status=CONFLICT,
        )
    missing = figures.scores_missing(competition)
    if missing:
        raise invalid(
            "scores_missing",
            None,
            f"Evalueringen er ikke ferdig: {missing} poeng mangler.",
            f"The evaluation is not finished: {missing} scores are missing.",
            status=CONFLICT,
        )


def _winners(competition: Competition, chosen: Iterable[Any]) -> set[int]:
    ids = set()
    for value in chosen:
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            continue
    submitted = {bid.pk for bid in figures.submitted_bids(competition)}
    if not ids or not ids <= submitted:
        raise invalid(
            "choose_winner", "bids", "Velg det vinnende tilbudet.", "Choose the winning bid."
        )
    if len(ids) > 1 and competition.procedure != Procedure.FRAMEWORK:
        raise invalid(
            "one_winner",
            "bids",
            "Bare en rammeavtale kan tildeles flere leverandører.",
            "Only a framework agreement can be awarded to several suppliers.",
        )
    return ids


def _store_result(competition: Competition, winners: set[int]) -> None:
    for bid, ranked in figures.ranking_of(competition):
        bid.rank, bid.total_score, bid.is_winner = ranked.rank, ranked.total, bid.pk in winners
        bid.save(update_fields=["rank", "total_score", "is_winner", "updated_at"])


@lifecycles.COMPETITION.service("award", "propose")
@transaction.atomic
def competition_award(
    *, actor: Actor, competition: Competition, version: int, bids: Iterable[Any]
) -> Competition:
    """Name the winning bid(s) once every evaluator has scored every bid. Every bidder
    sees its result and rank. The standstill starts now; for an office's small tender the
    award waits for the county's scheme manager to approve it first."""
    policies.require(actor, policies.can_manage_competition, competition)
    name = "propose" if competition.is_local else "award"
    move = lifecycles.COMPETITION.move(name)
    with competition_change(actor, competition, version=version, event=move.event) as found:
        lifecycles.COMPETITION.enter(found, move)
        _require_scored(found)
        winners = _winners(found, bids)
        _store_result(found, winners)
        found.awarded_on = timezone.localdate()
        if not found.is_local:
            found.standstill_ends_on = standstill_end(found.awarded_on)
    return found


@lifecycles.COMPETITION.service("approve")
@transaction.atomic
def competition_approve(*, actor: Actor, competition: Competition, version: int) -> Competition:
    """The county's scheme manager approves an office's award; the standstill starts."""
    policies.require(actor, policies.can_approve_award, competition)
    move = lifecycles.COMPETITION.move("approve")
    with competition_change(actor, competition, version=version, event=move.event) as found:
        lifecycles.COMPETITION.enter(found, move)
        found.approved_by = actor.user
        found.awarded_on = timezone.localdate()
        found.standstill_ends_on = standstill_end(found.awarded_on)
    return found


@lifecycles.COMPETITION.service("return")
@transaction.atomic
def competition_return(
    *, actor: Actor, competition: Competition, version: int, reason: str
) -> Competition:
    """The county's scheme manager sends an office's award back to evaluation."""
    policies.require(actor, policies.can_approve_award, competition)
    move = lifecycles.COMPETITION.move("return")
    with competition_change(actor, competition, version=version, event=move.event) as found:
        found.status_reason = fields.reason(reason)
        lifecycles.COMPETITION.enter(found, move)
        found.awarded_on = None
        Bid.objects.filter(competition=found).update(rank=None, total_score=None, is_winner=False)
    return found


def _agreements(actor: Actor, competition: Competition) -> list[Any]:
    winners = Bid.objects.filter(competition=competition, is_winner=True).select_related("supplier")
    return [
        schemes_services.agreement_from_award(
            actor=actor,
            number=f"{competition.number}-{n}",
            name=f"{competition.title} – {bid.supplier.name}",
            supplier=bid.supplier,
            scheme_type=competition.scheme_type,
            starts_on=competition.agreement_starts_on,
            ends_on=competition.agreement_ends_on,
            price_model=competition.price_model,
            rate=bid.price,
            counties=[competition.county_id],
            offices=[competition.office_id] if competition.office_id else [],
            is_framework=competition.procedure == Procedure.FRAMEWORK,
        )
        for n, bid in enumerate(winners.order_by("rank"), start=1)
    ]


@lifecycles.COMPETITION.service("conclude")
@transaction.atomic
def competition_conclude(*, actor: Actor, competition: Competition, version: int) -> Competition:
    """After the standstill, the contract is signed: an agreement (a draft, in the schemes
    domain) with each winner at its bid's price."""
    policies.require(actor, policies.can_manage_competition, competition)
    move = lifecycles.COMPETITION.move("conclude")
    with competition_change(actor, competition, version=version, event=move.event) as found:
        lifecycles.COMPETITION.enter(found, move)
        found.concluded_on = timezone.localdate()
        _agreements(actor, found)
    return found
