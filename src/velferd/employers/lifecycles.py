"""Every employers record with a lifecycle, declared once: its table of allowed transitions
and, beside it, its moves — the name the pages and the API use, the state it goes to, the
audit event it writes, the coded reasons it needs and its guard
(velferd.core.lifecycles). The services run the moves; the API's routes, the pages'
buttons and the `unknown_action` refusal are derived from the declarations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from velferd.core import lifecycles
from velferd.core.errors import CONFLICT
from velferd.core.lifecycles import Lifecycle
from velferd.core.validation import invalid

from . import selectors
from .models import (
    Cooperation,
    CooperationReason,
    CooperationStatus,
    DeliveryStatus,
    ExpertAssistanceStatus,
    SubsidyStatus,
    SubThemeStatus,
)


@dataclass(frozen=True)
class Move(lifecycles.Move):
    """A move of an employers lifecycle; `needs` says in words what its guard asks for, as
    the API's summary of the move shows it."""

    needs: str = ""


def finished(cooperation: Cooperation) -> None:
    """A cooperation is completed only once its needs assessment and its plan are finished
    (selectors.completion_blockers); else 409 naming what is not."""
    blockers = selectors.completion_blockers(cooperation)
    if blockers:
        raise invalid(
            "cooperation_unfinished",
            None,
            "Samarbeidet kan ikke fullføres før behovsvurderingen og planen er ferdige: "
            + "; ".join(nb for nb, _ in blockers)
            + ".",
            "The cooperation cannot be completed before its needs assessment and plan are "
            "finished: " + "; ".join(en for _, en in blockers) + ".",
            status=CONFLICT,
        )


C = CooperationStatus
R = CooperationReason
# "No capacity now" defers a cooperation to a date instead of closing it (the IA agreement
# 2019–2024 and its extension, 2025–2028, keep the enterprises the IW centre cannot serve
# yet); "no dialogue between the parties" closes one, as the agreement's work is tripartite.
COOPERATION = Lifecycle(
    CooperationStatus,
    {
        C.TO_ASSESS: {C.ASSESSING, C.DEFERRED},
        C.ASSESSING: {C.NOT_RELEVANT, C.ACTIVE, C.DEFERRED},
        C.DEFERRED: {C.TO_ASSESS, C.DEFERRED},
        C.NOT_RELEVANT: set(),
        C.ACTIVE: {C.COMPLETED, C.CANCELLED, C.DEFERRED},
        C.COMPLETED: set(),
        C.CANCELLED: set(),
    },
    # In the order the page shows their buttons. Every move takes a comment for the
    # cooperation's event log; the closing ones need a coded reason, deferring a date.
    moves=(
        Move("assess", C.ASSESSING, "cooperation.assessing", inputs=("comment",)),
        Move("activate", C.ACTIVE, "cooperation.activated", inputs=("comment",)),
        Move(
            "resume",
            C.TO_ASSESS,
            "cooperation.resumed",
            inputs=("comment",),
        ),
        Move(
            "defer",
            C.DEFERRED,
            "cooperation.deferred",
            inputs=("deferred_until", "comment"),
            needs="a date after today",
        ),
        Move(
            "skip",
            C.NOT_RELEVANT,
            "cooperation.skipped",
            reasons=(
                R.TOO_FEW_LOST_WORKDAYS,
                R.ENTERPRISE_DECLINED,
                R.OTHER_SUPPORT_FITS_BETTER,
                R.NO_DIALOGUE,
            ),
            inputs=("comment",),
        ),
        Move(
            "complete",
            C.COMPLETED,
            "cooperation.completed",
            reasons=(R.GOALS_REACHED, R.AGREED_PERIOD_ENDED),
            inputs=("comment",),
            guard=finished,
            needs="the assessment and plan finished",
        ),
        Move(
            "cancel",
            C.CANCELLED,
            "cooperation.cancelled",
            reasons=(
                R.ENTERPRISE_WITHDREW,
                R.ENTERPRISE_CEASED,
                R.NO_PROGRESS,
                R.NO_DIALOGUE,
            ),
            inputs=("comment",),
        ),
    ),
)

# The closing states and the coded reasons that fit each, from the moves.
REASONS: dict[str, tuple[str, ...]] = {
    move.target: move.reasons for move in COOPERATION.moves if move.reasons
}

S = SubThemeStatus
# A sub-theme's status is changed with the sub-theme itself (services.sub_theme_change).
SUB_THEME = Lifecycle(
    SubThemeStatus,
    {
        S.PLANNED: {S.ONGOING, S.DONE, S.CANCELLED},
        S.ONGOING: {S.PLANNED, S.DONE, S.CANCELLED},
        S.DONE: {S.ONGOING},
        S.CANCELLED: {S.PLANNED},
    },
)

D = DeliveryStatus
# A delivery's status is changed with the delivery itself (services.delivery_change).
DELIVERY = Lifecycle(
    DeliveryStatus,
    {
        D.PLANNED: {D.DELIVERED, D.CANCELLED},
        D.DELIVERED: {D.PLANNED},
        D.CANCELLED: {D.PLANNED},
    },
)

G = SubsidyStatus
SUBSIDY = Lifecycle(
    SubsidyStatus,
    {
        G.APPLIED: {G.UNDER_ASSESSMENT},
        G.UNDER_ASSESSMENT: {G.GRANTED, G.PARTLY_GRANTED, G.REFUSED},
        G.GRANTED: {G.PAID},
        G.PARTLY_GRANTED: {G.PAID},
        G.REFUSED: set(),
        G.PAID: set(),
    },
    # A grant of all that was applied for is granted, of less partly granted: one service
    # (services.subsidy_grant) makes either move.
    moves=(
        Move("assess", G.UNDER_ASSESSMENT, "subsidy.under_assessment"),
        Move("grant", G.GRANTED, "subsidy.granted", inputs=("amount",)),
        Move("grant_partly", G.PARTLY_GRANTED, "subsidy.partly_granted", inputs=("amount",)),
        Move("refuse", G.REFUSED, "subsidy.refused", inputs=("reason",)),
        Move("pay", G.PAID, "subsidy.paid"),
    ),
)


X = ExpertAssistanceStatus
# NAV decides an application for expert assistance once: granted (up to the year's maximum
# rate, within the county's budget for it) or refused with reasons.
EXPERT_ASSISTANCE = Lifecycle(
    ExpertAssistanceStatus,
    {X.APPLIED: {X.GRANTED, X.REFUSED}, X.GRANTED: set(), X.REFUSED: set()},
    moves=(
        Move(
            "grant",
            X.GRANTED,
            "expert_assistance.granted",
            inputs=("amount", "reason"),
            needs="room in the county's budget",
        ),
        Move("refuse", X.REFUSED, "expert_assistance.refused", inputs=("reason",)),
    ),
)


def allowed(lifecycle: Lifecycle, state: str) -> list[lifecycles.Move]:
    """The moves the table allows from `state`, in the order they are declared."""
    return [move for move in lifecycle.moves if move.target in lifecycle[state]]


def arguments(move: lifecycles.Move, values: Mapping[str, Any]) -> dict[str, Any]:
    """What a form or a request body gives the move's service besides the actor, the record
    and its version: the move's inputs and, for a move that needs one, the coded reason
    ("" for any not given)."""
    names = (*move.inputs, "reason") if move.reasons else move.inputs
    return {name: values.get(name, "") for name in names}
