"""Every change to a competition runs in `competition_change` (core.lifecycles.change):
the competition's row is locked and read again, the version the writer saw is checked, the
service changes it, then its version goes up, it is saved and the audit event is written,
last. The lock order of procurement: the competition, then its bids, then its evaluators,
then their scores, then the audit chain's head (docs/architecture.md, "Lock order")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import not_found
from velferd.core.lifecycles import Change, change

from ..models import Competition

AUDITED = ("status", "status_reason", "awarded_on", "standstill_ends_on", "concluded_on")


def lock_competition(competition: Competition) -> Competition:
    found = Competition.objects.select_for_update().filter(pk=competition.pk).first()
    if found is None:
        raise not_found("konkurransen", "the competition")
    return found


@contextmanager
def competition_change(
    actor: Actor,
    competition: Competition,
    *,
    version: int | None,
    event: str,
    fields: Sequence[str] = AUDITED,
) -> Iterator[Competition]:
    def write(step: Change[Competition]) -> None:
        audit.record(
            actor=actor,
            action=event,
            target=step.record,
            before=step.before,
            after=audit.snapshot(step.record, *fields),
        )

    with change(competition, version=version, lock=lock_competition, audit=write) as step:
        step.before = audit.snapshot(step.record, *fields)
        yield step.record
