"""Every change to a versioned schemes record runs in `audited_change`
(velferd.core.lifecycles.change): the row is locked and read again, the version the writer
saw is checked, the service changes the record, and then its version goes up, it is saved
and the audit event is written, last."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar, cast

from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.lifecycles import Change, Versioned, change
from velferd.core.models import VersionedModel

V = TypeVar("V", bound=Versioned)


@contextmanager
def audited_change(
    actor: Actor, record: V, *, version: int, event: str, fields: Sequence[str]
) -> Iterator[V]:
    """Change `record`: the block gets its locked copy; the audit event `event` shows
    `fields` as they were and as they are."""

    def lock(found: V) -> V:
        model = cast(VersionedModel, found)
        return cast(V, type(model)._default_manager.select_for_update().get(pk=model.pk))

    def write(step: Change[V]) -> None:
        changed = cast(VersionedModel, step.record)
        audit.record(
            actor=actor,
            action=event,
            target=changed,
            before=step.before,
            after=audit.snapshot(changed, *fields),
        )

    with change(record, version=version, lock=lock, audit=write) as step:
        step.before = audit.snapshot(cast(VersionedModel, step.record), *fields)
        yield step.record
