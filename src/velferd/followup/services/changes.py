"""How a follow-up service changes a record.

A change to a versioned record runs in `changing` (velferd.core.lifecycles.change): the
locks in the order of locking.py — the person's row, their portfolio state row, the record
itself, read again — then the version the writer saw is checked, the service changes the
record, and its version goes up, it is saved and the audit event is written, last. A move
of a lifecycle runs in `moving`, which also makes the move declared in lifecycles.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.core.lifecycles import Change, Lifecycle, change
from velferd.core.models import VersionedModel

from ..locking import lock_record

V = TypeVar("V", bound=VersionedModel)


def require_user(actor: Actor) -> User:
    """The user behind the actor: the writes that name an author need one."""
    if actor.user is None:
        raise policies.not_authenticated()
    return actor.user


@contextmanager
def changing(
    actor: Actor,
    record: V,
    event: str,
    *,
    version: int | None,
    watch: tuple[str, ...] = (),
    related: tuple[str, ...] = ("person",),
    recorded: Callable[[Change[V]], object] | None = None,
) -> Iterator[Change[V]]:
    """Change `record`; the block gets a `Change` whose `record` is the locked copy (read
    with `related` joined). The audit event `event` shows the `watch`ed fields as they were
    and as they are, unless the block sets `before` or `after` itself; `recorded` writes
    the event instead, for records that keep their own history. `version` None is a change
    the system makes, which no one saw first."""

    def lock(found: V) -> V:
        return lock_record(found, *related)

    def record_event(step: Change[V]) -> None:
        if step.after is None and watch:
            step.after = audit.snapshot(step.record, *watch)
        if recorded is not None:
            recorded(step)
            return
        audit.record(
            actor=actor,
            action=event,
            target=step.record,
            before=step.before,
            after=step.after,
        )

    with change(record, version=version, lock=lock, audit=record_event) as step:
        if watch:
            step.before = audit.snapshot(step.record, *watch)
        yield step


@contextmanager
def moving(
    actor: Actor, record: V, lifecycle: Lifecycle, name: str, *, version: int
) -> Iterator[Change[V]]:
    """Make the named move of `lifecycle` on `record`: locked and at its version as in
    `changing`, then the move's guard and the table, and the record is in the move's target
    state for the block to finish. The audit event is the move's; it shows the new state and
    what the block puts in `after`."""
    move = lifecycle.move(name)
    with changing(actor, record, move.event, version=version) as step:
        lifecycle.enter(step.record, move)
        yield step
        step.after = {lifecycle.field: getattr(step.record, lifecycle.field), **(step.after or {})}


def moved(actor: Actor, record: V, lifecycle: Lifecycle, name: str, *, version: int) -> V:
    """A move that changes nothing but the state (see `moving`)."""
    with moving(actor, record, lifecycle, name, version=version) as step:
        pass
    return step.record
