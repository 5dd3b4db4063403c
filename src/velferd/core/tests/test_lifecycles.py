"""A lifecycle declared once: its moves, the refusals derived from the declaration, and the
lock → version → bump → audit order of a change."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import models

from velferd.core.errors import DomainError
from velferd.core.lifecycles import Change, Lifecycle, Move, change


class Door(models.TextChoices):
    OPEN = "open", "Open"
    SHUT = "shut", "Shut"
    LOCKED = "locked", "Locked"


def must_be_unlatched(record: Any) -> None:
    if record.latched:
        raise DomainError(code="latched", message_nb="Haspet.", message_en="Latched.")


DOOR = Lifecycle(
    Door,
    {
        Door.OPEN: {Door.SHUT},
        Door.SHUT: {Door.OPEN, Door.LOCKED},
        Door.LOCKED: {Door.SHUT},
    },
    moves=(
        Move("shut", Door.SHUT, "door.shut"),
        Move("open", Door.OPEN, "door.opened", guard=must_be_unlatched),
        Move("lock", Door.LOCKED, "door.locked", reasons=("night", "away"), inputs=("comment",)),
    ),
)


class Record:
    def __init__(self, status: str, version: int = 1, latched: bool = False) -> None:
        self.status, self.version, self.latched = status, version, latched
        self.saved = 0

    def check_version(self, expected: int) -> None:
        if expected != self.version:
            raise DomainError(
                code="stale_version", message_nb="", message_en="", field="version", status=409
            )

    def bump_version(self) -> None:
        self.version += 1

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.saved += 1


def refusal(call: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


def test_the_lifecycle_reads_as_its_table() -> None:
    assert set(DOOR) == set(Door.values)
    assert DOOR[Door.SHUT] == {Door.OPEN, Door.LOCKED}
    assert len(DOOR) == 3


def test_the_moves_are_named_in_the_order_declared() -> None:
    assert DOOR.names == ("shut", "open", "lock")
    assert DOOR.move("lock").target == Door.LOCKED


def test_an_undeclared_move_is_unknown_action_400() -> None:
    error = refusal(lambda: DOOR.move("slam"))
    assert (error.code, error.status, error.field) == ("unknown_action", 400, None)
    assert (error.message_nb, error.message_en) == ("Ukjent handling.", "Unknown action.")


def test_a_move_to_a_state_the_table_lacks_is_refused_when_declared() -> None:
    with pytest.raises(ValueError):
        Lifecycle(Door, {Door.OPEN: set()}, moves=(Move("shut", Door.SHUT, "door.shut"),))


def test_entering_a_move_the_table_allows_sets_the_state() -> None:
    door = Record(Door.OPEN)
    DOOR.enter(door, DOOR.move("shut"))
    assert door.status == Door.SHUT
    assert door.saved == 0


def test_a_move_the_table_does_not_allow_names_both_states() -> None:
    door = Record(Door.OPEN)
    error = refusal(lambda: DOOR.enter(door, DOOR.move("lock"), reason="night"))
    assert (error.code, error.status, error.field) == ("invalid_transition", 409, "status")
    assert error.message_en == "Cannot go from “Open” to “Locked”."
    assert door.status == Door.OPEN


def test_the_guard_is_asked_before_the_table() -> None:
    door = Record(Door.OPEN, latched=True)
    assert refusal(lambda: DOOR.enter(door, DOOR.move("open"))).code == "latched"


def test_a_move_that_needs_a_reason_takes_only_its_own_reasons() -> None:
    assert refusal(lambda: DOOR.enter(Record(Door.SHUT), DOOR.move("lock"))).code == (
        "reason_required"
    )
    wrong = refusal(lambda: DOOR.enter(Record(Door.SHUT), DOOR.move("lock"), reason="fire"))
    assert (wrong.code, wrong.field) == ("invalid_reason", "reason")
    door = Record(Door.SHUT)
    assert DOOR.enter(door, DOOR.move("lock"), reason="away") == "away"
    assert door.status == Door.LOCKED


def test_a_move_without_reasons_ignores_one() -> None:
    assert DOOR.enter(Record(Door.OPEN), DOOR.move("shut"), reason="night") == ""


def test_each_move_has_one_service_found_by_name() -> None:
    lifecycle = Lifecycle(Door, DOOR.table, moves=DOOR.moves)

    @lifecycle.service("shut", "open")
    def swing(**_: object) -> str:
        return "swung"

    assert lifecycle.service_for("open")() == "swung"
    assert refusal(lambda: lifecycle.service_for("slam")).code == "unknown_action"
    with pytest.raises(ValueError):
        lifecycle.service("shut")(swing)
    with pytest.raises(DomainError):
        lifecycle.service("slam")(swing)


def test_a_change_locks_checks_the_version_then_saves_and_audits_last() -> None:
    steps: list[str] = []
    door = Record(Door.OPEN, version=3)

    def lock(record: Record) -> Record:
        steps.append("lock")
        return record

    def audit(done: Change[Record]) -> None:
        assert done.before is not None and done.after is not None
        steps.append(f"{done.before['status']} → {done.after['status']}, saved {done.record.saved}")

    with change(door, version=3, lock=lock, audit=audit) as step:
        steps.append("change")
        step.before = {"status": step.record.status}
        DOOR.enter(step.record, DOOR.move("shut"))
        step.after = {"status": step.record.status}
    assert steps == ["lock", "change", "open → shut, saved 1"]
    assert door.version == 4


def test_a_stale_version_or_a_refusal_saves_and_audits_nothing() -> None:
    audited: list[object] = []
    door = Record(Door.OPEN, version=3)

    def stale() -> None:
        with change(door, version=2, lock=lambda r: r, audit=audited.append):
            raise AssertionError("not reached")

    def refused() -> None:
        with change(door, version=3, lock=lambda r: r, audit=audited.append) as step:
            DOOR.enter(step.record, DOOR.move("lock"), reason="night")

    assert refusal(stale).code == "stale_version"
    assert refusal(refused).code == "invalid_transition"
    assert (door.saved, door.version, audited) == (0, 3, [])


def test_a_change_the_system_makes_checks_no_version_but_bumps_it() -> None:
    door = Record(Door.OPEN, version=3)
    with change(door, version=None, lock=lambda r: r, audit=lambda _: None):
        pass
    assert (door.version, door.saved) == (4, 1)
