"""An evaluator's scores of a bid, per criterion, 0–10, after the deadline. The price
criterion is not scored by hand: it follows from the prices (ranking.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from velferd.access import policies, selectors as access_selectors
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid

from ..models import Bid, BidStatus, CompetitionStatus, Evaluator, Score
from . import fields
from .changes import lock_competition
from .competitions import require_status


def _require_may_score(actor: Actor, evaluator: Evaluator, bid: Bid) -> None:
    """A declared evaluator without a conflict, not bound to the bid's supplier."""
    if evaluator.declared_at is None:
        raise invalid(
            "declaration_missing",
            None,
            "Erklær først at du ikke er inhabil i konkurransen.",
            "First declare that you have no conflict of interest in the competition.",
            status=CONFLICT,
        )
    whole = access_selectors.actor_for_user(actor.user)
    if policies.represents_supplier(whole, bid.supplier):
        raise invalid(
            "evaluator_bound_to_supplier",
            None,
            f"Du kan ikke vurdere tilbudet fra {bid.supplier.name}: du er knyttet til "
            "leverandøren.",
            f"You cannot score the bid from {bid.supplier.name}: you are bound to the supplier.",
            status=CONFLICT,
        )


def _evaluator(actor: Actor, bid: Bid) -> Evaluator:
    found = (
        Evaluator.objects.select_for_update()
        .filter(competition_id=bid.competition_id, user=actor.user)
        .first()
    )
    if found is not None and found.has_conflict:
        raise invalid(
            "evaluator_conflict",
            None,
            "Du har erklært deg inhabil i denne konkurransen og kan ikke vurdere tilbud.",
            "You declared a conflict of interest in this competition and cannot score bids.",
            status=CONFLICT,
        )
    if found is None or not policies.can_score(actor, found):
        raise invalid(
            "not_evaluator",
            None,
            "Du er ikke evaluator i denne konkurransen.",
            "You are not an evaluator in this competition.",
            status=403,
        )
    return found


@transaction.atomic
def bid_score(*, actor: Actor, bid: Bid, scores: Mapping[Any, Any]) -> list[Score]:
    """Set the evaluator's scores of the bid for the criteria given (criterion id → 0–10);
    a score given again replaces the earlier one."""
    competition = lock_competition(bid.competition)
    evaluator = _evaluator(actor, bid)
    require_status(competition, CompetitionStatus.EVALUATION)
    locked = Bid.objects.select_for_update().select_related("supplier").get(pk=bid.pk)
    if locked.status != BidStatus.SUBMITTED:
        raise invalid(
            "bid_withdrawn", None, "Tilbudet er trukket.", "The bid was withdrawn.", status=CONFLICT
        )
    _require_may_score(actor, evaluator, locked)
    criteria = {str(c.pk): c for c in competition.criteria.all() if not c.is_price}
    written = []
    for key, value in scores.items():
        criterion = criteria.get(str(key))
        if criterion is None:
            raise invalid(
                "unknown_criterion",
                "scores",
                "Kriteriet finnes ikke i konkurransen, eller er pris.",
                "The criterion is not in the competition, or is the price.",
            )
        points = fields.whole_number(value, f"score_{criterion.pk}", least=0, most=10)
        score, _ = Score.objects.update_or_create(
            evaluator=evaluator, bid=locked, criterion=criterion, defaults={"score": points}
        )
        written.append(score)
    audit.record(
        actor=actor,
        action="bid.scored",
        target=locked,
        after={str(s.criterion_id): s.score for s in written},
    )
    return written
