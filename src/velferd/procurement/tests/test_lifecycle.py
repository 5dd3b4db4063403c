"""The competition's lifecycle as a state machine (hypothesis): any sequence of moves, with
the clock before or after the deadline and the standstill, keeps the competition in a state
the table allows, makes a move only when the table and its guard allow it, and never leaves
concluded or cancelled. The records are in memory: the table and the guards are what is
tested; the services' use of them is tested with the database elsewhere."""

from __future__ import annotations

import datetime

from django.utils import timezone
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from velferd.core.errors import DomainError
from velferd.procurement import lifecycles
from velferd.procurement.models import Competition, CompetitionStatus

C = CompetitionStatus
FINAL = {C.CONCLUDED, C.CANCELLED}
# What each move needs besides the table: the state it is made from, when the table allows
# its target from others too, and the clock.
FROM = {
    "evaluate": {C.PUBLISHED},
    "award": {C.EVALUATION},
    "approve": {C.AWAITING_APPROVAL},
    "return": {C.AWAITING_APPROVAL},
}


class CompetitionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        now = timezone.now()
        self.competition = Competition(
            status=C.DRAFT,
            bid_deadline=now + datetime.timedelta(days=1),
            standstill_ends_on=None,
        )
        self.seen: list[str] = [C.DRAFT]

    @rule(passed=st.booleans())
    def the_clock_moves(self, passed: bool) -> None:
        """The deadline and the standstill are behind or ahead of now."""
        offset = datetime.timedelta(days=-1 if passed else 1)
        self.competition.bid_deadline = timezone.now() + offset
        if self.competition.standstill_ends_on is not None:
            self.competition.standstill_ends_on = timezone.localdate() + offset * 2

    @rule(name=st.sampled_from(lifecycles.COMPETITION.names))
    def make_a_move(self, name: str) -> None:
        move = lifecycles.COMPETITION.move(name)
        before = self.competition.status
        expected = self._allowed(name, before)
        try:
            lifecycles.COMPETITION.enter(self.competition, move)
        except DomainError as error:
            assert error.status == 409, error
            assert not expected, (name, before)
            assert self.competition.status == before
            return
        assert expected, (name, before)
        assert self.competition.status == move.target
        if move.target == C.AWARDED:
            self.competition.standstill_ends_on = timezone.localdate() + datetime.timedelta(days=10)
        self.seen.append(self.competition.status)

    def _allowed(self, name: str, state: str) -> bool:
        move = lifecycles.COMPETITION.move(name)
        if move.target not in lifecycles.COMPETITION[state]:
            return False
        if name in FROM and state not in FROM[name]:
            return False
        if name == "evaluate" and timezone.now() < self.competition.bid_deadline:
            return False
        if name == "conclude":
            ends = self.competition.standstill_ends_on
            return ends is not None and timezone.localdate() > ends
        return True

    @invariant()
    def in_a_state_of_the_table(self) -> None:
        assert self.competition.status in lifecycles.COMPETITION

    @invariant()
    def final_states_are_final(self) -> None:
        for earlier, later in zip(self.seen, self.seen[1:], strict=False):
            assert earlier not in FINAL, (earlier, later)


# The refusals translate their messages, which a busy machine makes slow to generate.
CompetitionMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestCompetitionLifecycle = CompetitionMachine.TestCase
