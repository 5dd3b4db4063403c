"""The competition's lifecycle, declared once: its table of allowed transitions and its
moves (velferd.core.lifecycles). The services (services/competitions.py, awards.py) run
the moves; the API's routes and the pages' buttons come from the declaration.

    draft → published → evaluation → awarded → concluded
                                   ↘ awaiting_approval ↗      (an office's small tender)
    cancelled (with a reason) from any state before concluded
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from velferd.core import lifecycles
from velferd.core.errors import CONFLICT
from velferd.core.lifecycles import Lifecycle, Move
from velferd.core.validation import invalid

from .models import Competition, CompetitionStatus
from .texts import norwegian_date, norwegian_moment


def deadline_passed(competition: Competition) -> None:
    """Evaluation opens only once the bid deadline has passed (409 naming it)."""
    if timezone.now() < competition.bid_deadline:
        moment = norwegian_moment(competition.bid_deadline)
        raise invalid(
            "deadline_not_passed",
            None,
            f"Evalueringen kan ikke starte før tilbudsfristen, {moment}, er ute.",
            f"The evaluation cannot start before the bid deadline, {moment}, has passed.",
            status=CONFLICT,
        )


def standstill_over(competition: Competition) -> None:
    """The contract is signed only after the standstill (409 naming its last day)."""
    ends = competition.standstill_ends_on
    if ends is None or timezone.localdate() <= ends:
        day = norwegian_date(ends) if ends else "?"
        raise invalid(
            "standstill_running",
            None,
            f"Kontrakten kan ikke inngås i karenstiden, som varer til og med {day}.",
            f"The contract cannot be concluded during the standstill, which lasts until "
            f"{day} inclusive.",
            status=CONFLICT,
        )


def _from(*states: str) -> Any:
    """A guard: the move is made only from the named states (the table allows its target
    from others too, for other moves)."""

    def guard(competition: Competition) -> None:
        if competition.status not in states:
            nb = lifecycles.state_label(CompetitionStatus, competition.status, "nb")
            en = lifecycles.state_label(CompetitionStatus, competition.status, "en")
            raise invalid(
                "invalid_transition",
                "status",
                f"Det kan ikke gjøres når konkurransen har status «{nb}».",
                f"That cannot be done while the competition is “{en}”.",
                status=CONFLICT,
            )

    return guard


def _evaluation_opens(competition: Competition) -> None:
    _from(CompetitionStatus.PUBLISHED)(competition)
    deadline_passed(competition)


C = CompetitionStatus
COMPETITION = Lifecycle(
    CompetitionStatus,
    {
        C.DRAFT: {C.PUBLISHED, C.CANCELLED},
        C.PUBLISHED: {C.EVALUATION, C.CANCELLED},
        C.EVALUATION: {C.AWARDED, C.AWAITING_APPROVAL, C.CANCELLED},
        C.AWAITING_APPROVAL: {C.AWARDED, C.EVALUATION, C.CANCELLED},
        C.AWARDED: {C.CONCLUDED, C.CANCELLED},
        C.CONCLUDED: set(),
        C.CANCELLED: set(),
    },
    moves=(
        Move("publish", C.PUBLISHED, "competition.published"),
        Move("evaluate", C.EVALUATION, "competition.evaluation", guard=_evaluation_opens),
        Move(
            "award",
            C.AWARDED,
            "competition.awarded",
            inputs=("bids",),
            guard=_from(C.EVALUATION),
        ),
        Move("propose", C.AWAITING_APPROVAL, "competition.award_proposed", inputs=("bids",)),
        Move(
            "approve",
            C.AWARDED,
            "competition.award_approved",
            guard=_from(C.AWAITING_APPROVAL),
        ),
        Move(
            "return",
            C.EVALUATION,
            "competition.award_returned",
            inputs=("reason",),
            guard=_from(C.AWAITING_APPROVAL),
        ),
        Move("conclude", C.CONCLUDED, "competition.concluded", guard=standstill_over),
        Move("cancel", C.CANCELLED, "competition.cancelled", inputs=("reason",)),
    ),
)


def allowed(state: str) -> list[Move]:
    """The moves the table allows from `state`, in the order they are declared."""
    return [move for move in COMPETITION.moves if move.target in COMPETITION[state]]


def arguments(move: lifecycles.Move, values: Mapping[str, Any]) -> dict[str, Any]:
    """What a form or a request body gives the move's service besides the actor, the
    competition and its version."""
    return {name: values.get(name, "") for name in move.inputs}
