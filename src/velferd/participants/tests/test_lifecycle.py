"""The participation's lifecycle as one table: every move the table allows is made, every
other is refused with 409 naming both states; and, played at random by two people sharing a
delivery with one place, the place is never given twice, the one freed is offered to the
one waiting, and the plan's activity always shows the status."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import transaction
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
from velferd.core.lifecycles import state_label
from velferd.followup.models import Activity
from velferd.participants import services
from velferd.participants.lifecycles import PARTICIPATION
from velferd.participants.models import (
    EndReason,
    NotRelevantReason,
    Participation,
    ParticipationStatus,
)
from velferd.participants.services.places import holds_a_place
from velferd.participants.services.plan_sync import STATUS_IN_PLAN
from velferd.participants.tests.factories import a_participation
from velferd.schemes.models import Delivery

from .builders import delivery_of, in_follow_up

pytestmark = pytest.mark.django_db
S = ParticipationStatus

TABLE: dict[str, set[str]] = {
    S.DRAFT: {S.APPLIED, S.WITHDRAWN_DRAFT},
    S.APPLIED: {
        S.BEING_ASSESSED,
        S.WAITING_LIST,
        S.AWAITING_START,
        S.NOT_RELEVANT,
        S.REGISTERED_IN_ERROR,
    },
    S.BEING_ASSESSED: {S.WAITING_LIST, S.AWAITING_START, S.NOT_RELEVANT, S.REGISTERED_IN_ERROR},
    S.WAITING_LIST: {S.AWAITING_START, S.NOT_RELEVANT, S.REGISTERED_IN_ERROR},
    S.AWAITING_START: {S.PARTICIPATING, S.NOT_RELEVANT, S.REGISTERED_IN_ERROR},
    S.PARTICIPATING: {S.ENDED, S.COMPLETED, S.REGISTERED_IN_ERROR},
    S.ENDED: set(),
    S.COMPLETED: set(),
    S.NOT_RELEVANT: set(),
    S.WITHDRAWN_DRAFT: set(),
    S.REGISTERED_IN_ERROR: set(),
}
REASONS = {"end": EndReason.GOT_JOB, "not_relevant": NotRelevantReason.DECLINED}
MACHINE_SETTINGS = settings(
    max_examples=15,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def veileder() -> Any:
    return actor_for_user(User.objects.get(username="veileder"))


def run(name: str, participation: Participation, reason: str = "") -> Participation:
    service = PARTICIPATION.service_for(name)
    return service(
        actor=veileder(),
        participation=participation,
        version=participation.version,
        reason=reason or REASONS.get(name, ""),
        reason_text="",
    )


def test_the_table_is_the_one_of_nav_participant_statuses() -> None:
    assert dict(PARTICIPATION.table) == TABLE


@pytest.mark.parametrize(
    ("current", "name"),
    [
        (current, move.name)
        for current in S.values
        for move in PARTICIPATION.moves
        if move.target not in TABLE[current]
    ],
)
def test_a_move_the_table_does_not_allow_is_409_naming_both_states(current: str, name: str) -> None:
    participation = a_participation(person=in_follow_up(), status=current)
    with pytest.raises(DomainError) as raised:
        run(name, participation)
    error = raised.value
    assert (error.code, error.status) == ("invalid_transition", 409)
    target = PARTICIPATION.move(name).target
    for language, message in (("nb", error.message_nb), ("en", error.message_en)):
        assert state_label(S, current, language) in message
        assert state_label(S, target, language) in message
    assert Participation.objects.get(pk=participation.pk).status == current


def test_ending_needs_a_coded_reason() -> None:
    participation = a_participation(person=in_follow_up(), status=S.PARTICIPATING)
    with pytest.raises(DomainError) as raised:
        run("end", participation, reason="bored")
    assert raised.value.code == "invalid_reason"


class TwoPeopleOnePlace(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._savepoint = transaction.atomic()
        self._savepoint.__enter__()
        self.ids: list[Any] = []
        self.delivery: Delivery | None = None

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._savepoint.__exit__(None, None, None)

    @initialize()
    def enrol_two(self) -> None:
        self.delivery = delivery_of(places=1)
        for _ in range(2):
            found = services.enrol(
                actor=veileder(),
                person=in_follow_up(),
                delivery=self.delivery,
                as_draft=True,
                starts_on=datetime.date(2026, 2, 1),
                ends_on=datetime.date(2026, 4, 30),
            )
            self.ids.append(found.pk)

    def stored(self, index: int) -> Participation:
        return Participation.objects.select_related("delivery__scheme_type", "person").get(
            pk=self.ids[index]
        )

    @rule(index=st.sampled_from([0, 1]), name=st.sampled_from(PARTICIPATION.names))
    def move(self, index: int, name: str) -> None:
        current = self.stored(index)
        target = PARTICIPATION.move(name).target
        free = self.free_places()
        try:
            after = run(name, current)
        except DomainError as error:
            if target not in TABLE[current.status]:
                assert error.code == "invalid_transition"
            else:
                assert name == "admit" and current.status == S.WAITING_LIST and not free
                assert error.code == "delivery_full"
            assert self.stored(index).status == current.status
            return
        assert target in TABLE[current.status]
        if name == "admit" and after.status == S.WAITING_LIST:
            assert free == 0 and current.offered_at is None
        else:
            assert after.status == target

    def free_places(self) -> int:
        assert self.delivery is not None
        return Delivery.objects.get(pk=self.delivery.pk).free_places

    @invariant()
    def a_place_is_never_given_twice(self) -> None:
        if self.delivery is None:
            return
        holding = sum(holds_a_place(self.stored(index)) for index in range(2))
        assert Delivery.objects.get(pk=self.delivery.pk).places_taken == holding <= 1

    @invariant()
    def a_freed_place_goes_to_the_one_waiting(self) -> None:
        if self.delivery is None:
            return
        waiting = [self.stored(i) for i in range(2) if self.stored(i).status == S.WAITING_LIST]
        if self.free_places() == 1:
            assert waiting == []

    @invariant()
    def the_plan_shows_the_status(self) -> None:
        for index in range(len(self.ids)):
            participation = self.stored(index)
            assert participation.activity_id is not None
            activity = Activity.objects.get(pk=participation.activity_id)
            assert activity.status == STATUS_IN_PLAN[participation.status]
            assert activity.on_waiting_list == (participation.status == S.WAITING_LIST)


def test_two_people_sharing_one_place_move_as_the_table_allows() -> None:
    before = Participation.objects.count()
    run_state_machine_as_test(TwoPeopleOnePlace, settings=MACHINE_SETTINGS)
    assert Participation.objects.count() == before, "an example was not rolled back"
