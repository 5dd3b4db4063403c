"""The participation's lifecycle, declared once: the table of allowed transitions and its
moves (velferd.core.lifecycles). The services run the moves (services/moves.py, and
services/places.py for "admit", which takes a place or puts the person on the waiting
list); the pages' and the API's list of moves and the `unknown_action` refusal come from
here.

    draft           → applied | draft withdrawn
    applied         → being assessed | waiting list | awaiting start | not relevant |
                      registered in error
    being assessed  → waiting list | awaiting start | not relevant | registered in error
    waiting list    → awaiting start | not relevant | registered in error
    awaiting start  → participating | not relevant | registered in error
    participating   → ended | completed | registered in error
    ended, completed, not relevant, draft withdrawn, registered in error → nothing
"""

from __future__ import annotations

from typing import Any

from velferd.core.errors import CONFLICT
from velferd.core.lifecycles import Lifecycle, Move
from velferd.core.validation import invalid

from .models import EndReason, NotRelevantReason, ParticipationStatus

S = ParticipationStatus
REFUSABLE = {S.NOT_RELEVANT, S.REGISTERED_IN_ERROR}


def dated(participation: Any) -> None:
    """A participation starts only with its start and end dates set."""
    if participation.starts_on is None or participation.ends_on is None:
        raise invalid(
            "dates_required",
            "starts_on",
            "Sett start- og sluttdato før deltakelsen starter.",
            "Set the start and end dates before the participation starts.",
            status=CONFLICT,
        )


PARTICIPATION = Lifecycle(
    ParticipationStatus,
    {
        S.DRAFT: {S.APPLIED, S.WITHDRAWN_DRAFT},
        S.APPLIED: {S.BEING_ASSESSED, S.WAITING_LIST, S.AWAITING_START, *REFUSABLE},
        S.BEING_ASSESSED: {S.WAITING_LIST, S.AWAITING_START, *REFUSABLE},
        S.WAITING_LIST: {S.AWAITING_START, *REFUSABLE},
        S.AWAITING_START: {S.PARTICIPATING, *REFUSABLE},
        S.PARTICIPATING: {S.ENDED, S.COMPLETED, S.REGISTERED_IN_ERROR},
        S.ENDED: set(),
        S.COMPLETED: set(),
        S.NOT_RELEVANT: set(),
        S.WITHDRAWN_DRAFT: set(),
        S.REGISTERED_IN_ERROR: set(),
    },
    moves=(
        Move("apply", S.APPLIED, "participation.applied"),
        Move("withdraw_draft", S.WITHDRAWN_DRAFT, "participation.draft_withdrawn"),
        Move("assess", S.BEING_ASSESSED, "participation.being_assessed"),
        # Takes a place when the delivery has one free; else the person joins its waiting
        # list (services/places.py).
        Move("admit", S.AWAITING_START, "participation.admitted"),
        Move("start", S.PARTICIPATING, "participation.started", guard=dated),
        Move("complete", S.COMPLETED, "participation.completed"),
        Move(
            "end",
            S.ENDED,
            "participation.ended",
            reasons=tuple(EndReason.values),
            inputs=("reason_text",),
        ),
        Move(
            "not_relevant",
            S.NOT_RELEVANT,
            "participation.not_relevant",
            reasons=tuple(NotRelevantReason.values),
            inputs=("reason_text",),
        ),
        Move(
            "register_in_error",
            S.REGISTERED_IN_ERROR,
            "participation.registered_in_error",
            inputs=("reason_text",),
        ),
    ),
)

# The moves a caseworker makes from the participation's page, in the order it shows them.
PAGE_MOVES = PARTICIPATION.names


def moves_from(status: str) -> list[Move]:
    """The moves the table allows from a status (admit also from where the waiting list is
    the next step: the service decides which)."""
    return [move for move in PARTICIPATION.moves if move.target in PARTICIPATION[status]]
