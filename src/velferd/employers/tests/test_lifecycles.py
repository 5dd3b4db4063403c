"""The cooperation's lifecycle, driven through random sequences of service calls and checked
against lifecycles.COOPERATION: a move is accepted exactly when the table allows it, the
reason fits (lifecycles.REASONS) and, for completing, the needs assessment and plan are
finished and, for deferring (no capacity now, IA agreement 2019–2024), the date is after
today; every accepted move adds one event, a refused one changes and writes nothing, and a
closed cooperation never moves again.

Every example runs inside a savepoint that is rolled back at its end."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.core.errors import DomainError
from velferd.employers import lifecycles, selectors, services
from velferd.employers.models import (
    Cooperation,
    CooperationReason,
    CooperationStatus,
    SubsidyStatus,
)

from .factories import an_enterprise
from .writes import actions_since, audit_mark, refused

pytestmark = pytest.mark.django_db

MACHINE_SETTINGS = settings(
    max_examples=40,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CLOSED = {CooperationStatus.NOT_RELEVANT, CooperationStatus.COMPLETED, CooperationStatus.CANCELLED}
# The moves of the declaration: where each goes, and which need a coded reason.
TARGETS = {move.name: move.target for move in lifecycles.COOPERATION.moves}
NEEDS_REASON = tuple(move.name for move in lifecycles.COOPERATION.moves if move.reasons)
ACTIONS = {
    "assess": "cooperation.assessing",
    "activate": "cooperation.activated",
    "resume": "cooperation.resumed",
    "defer": "cooperation.deferred",
    "skip": "cooperation.skipped",
    "complete": "cooperation.completed",
    "cancel": "cooperation.cancelled",
}


def expected(
    current: str, move: str, reason: str, finished: bool, days: int = 1
) -> str | tuple[str, int]:
    """The status the move ends in, or the refusal (code, status), in the service's order:
    the table, then the reason, then whether the work is finished, then a deferral's date
    (`days` from today)."""
    target = TARGETS[move]
    if target not in lifecycles.COOPERATION[current]:
        return ("invalid_transition", 409)
    if target == CooperationStatus.DEFERRED and days <= 0:
        return ("deferred_until_not_future", 422)
    if target in lifecycles.REASONS:
        if not reason:
            return ("reason_required", 422)
        if reason not in lifecycles.REASONS[target]:
            return ("invalid_reason", 422)
    if target == CooperationStatus.COMPLETED and not finished:
        return ("cooperation_unfinished", 409)
    return target


class CooperationLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._savepoint = transaction.atomic()
        self._savepoint.__enter__()
        self.advisor = actor_for_user(User.objects.get(username="ia-radgiver"))
        self.cooperation: Cooperation | None = None
        self.moves = 0
        self.closed_as: str | None = None

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._savepoint.__exit__(None, None, None)

    @initialize()
    def start(self) -> None:
        self.cooperation = services.cooperation_start(
            actor=self.advisor, enterprise=an_enterprise()
        )

    def stored(self) -> Cooperation:
        assert self.cooperation is not None
        return Cooperation.objects.select_related("enterprise").get(pk=self.cooperation.pk)

    @rule(
        move=st.sampled_from(list(services.TRANSITIONS)),
        reason=st.sampled_from(["", *CooperationReason.values]),
        days=st.sampled_from([-1, 0, 1, 90]),
    )
    def move(self, move: str, reason: str, days: int) -> None:
        current = self.stored()
        finished = not selectors.completion_blockers(current)
        outcome = expected(current.status, move, reason, finished, days)
        kwargs: dict[str, Any] = {"reason": reason} if move in NEEDS_REASON else {}
        if move == "defer":
            kwargs["deferred_until"] = timezone.localdate() + datetime.timedelta(days=days)

        def call() -> Cooperation:
            return services.TRANSITIONS[move](  # type: ignore[operator]
                actor=self.advisor, cooperation=current, version=current.version, **kwargs
            )

        if isinstance(outcome, tuple):
            error = refused(call)
            assert (error.code, error.status) == outcome
            assert self.stored().status == current.status
            return
        seq = audit_mark()
        after = call()
        assert (after.status, after.version) == (outcome, current.version + 1)
        assert after.is_open == (outcome not in CLOSED)
        assert actions_since(seq) == [ACTIONS[move]]
        event = after.events.all()[0]
        assert (event.from_status, event.to_status, event.reason) == (
            current.status,
            outcome,
            "no_capacity_now" if move == "defer" else kwargs.get("reason", ""),
        )
        assert after.deferred_until == kwargs.get("deferred_until")
        self.moves += 1
        if outcome in CLOSED:
            self.closed_as = outcome

    @rule()
    def finish_the_work(self) -> None:
        """Close a needs assessment and finish a sub-theme, so completing becomes possible."""
        current = self.stored()
        if not current.is_open or not selectors.completion_blockers(current):
            return
        survey = services.survey_open(
            actor=self.advisor, cooperation=current, kind="needs_assessment"
        )
        services.survey_close(actor=self.advisor, survey=survey)
        today = timezone.localdate()
        sub_theme = services.sub_theme_add(
            actor=self.advisor,
            cooperation=current,
            theme="partnership",
            title="Møter",
            goal="Faste møter",
            starts_on=today,
            ends_on=today,
        )
        services.sub_theme_change(
            actor=self.advisor, sub_theme=sub_theme, version=sub_theme.version, status="done"
        )
        assert selectors.completion_blockers(current) == []

    @rule()
    def stale_write(self) -> None:
        current = self.stored()
        error = refused(
            lambda: services.cooperation_assess(
                actor=self.advisor, cooperation=current, version=current.version + 1
            )
        )
        assert (error.code, error.status) == ("stale_version", 409)

    @invariant()
    def the_log_has_one_event_per_move(self) -> None:
        if self.cooperation is not None:
            assert self.stored().events.count() == self.moves + 1

    @invariant()
    def a_closed_cooperation_never_moves(self) -> None:
        if self.cooperation is not None and self.closed_as is not None:
            assert self.stored().status == self.closed_as


def test_the_cooperation_moves_exactly_as_the_table_allows() -> None:
    before = Cooperation.objects.count()
    run_state_machine_as_test(CooperationLifecycle, settings=MACHINE_SETTINGS)
    assert Cooperation.objects.count() == before, "an example was not rolled back"


def test_the_tables_know_every_status_and_close_the_closed_ones() -> None:
    assert set(lifecycles.COOPERATION) == set(CooperationStatus.values)
    assert all(lifecycles.COOPERATION[s] == set() for s in CLOSED)
    assert set(lifecycles.SUBSIDY) == set(SubsidyStatus.values)
    assert lifecycles.SUBSIDY[SubsidyStatus.REFUSED] == set()
    assert set(TARGETS) == set(services.TRANSITIONS)
    for target, reasons in lifecycles.REASONS.items():
        assert reasons and set(reasons) <= set(CooperationReason.values), target


def test_every_move_needing_a_reason_leads_to_a_closed_status() -> None:
    assert {TARGETS[m] for m in NEEDS_REASON} == set(lifecycles.REASONS)
    assert set(lifecycles.REASONS) == CLOSED


def test_a_refused_move_raises_a_domain_error_not_a_crash() -> None:
    advisor = actor_for_user(User.objects.get(username="ia-radgiver"))
    cooperation = services.cooperation_start(actor=advisor, enterprise=an_enterprise())
    with pytest.raises(DomainError):
        services.cooperation_complete(
            actor=advisor, cooperation=cooperation, version=cooperation.version, reason="x"
        )
