"""How a participants service changes a participation.

The locks, in the order of docs/architecture.md ("Lock order"): the person's row, then the
delivery's row (schemes.services.lock_delivery: the places), then the participation, read
again; the plan's activity (through follow-up, under the person's lock already held); the
audit chain head last. The version the writer saw is checked, the service changes the
record, the plan and the month-works (claims_sync) are brought in step, and the version
goes up, it is saved and the audit event is written (velferd.core.lifecycles.change)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.core.lifecycles import Change, change
from velferd.people import selectors as people_selectors
from velferd.schemes import services as schemes

from ..models import Participation
from .claims_sync import keep_claims_in_step
from .plan_sync import sync_plan

WATCHED = (
    "status",
    "reason",
    "reason_text",
    "starts_on",
    "ends_on",
    "percentage",
    "days_per_week",
    "priority",
    "waiting_since",
    "offered_at",
)
RELATED = ("person", "delivery", "delivery__scheme_type")


def require_user(actor: Actor) -> User:
    if actor.user is None:
        raise policies.not_authenticated()
    return actor.user


def lock_participation(participation: Participation) -> Participation:
    people_selectors.lock_person(participation.person_id)
    schemes.lock_delivery(participation.delivery_id)
    return (
        Participation.objects.select_for_update(of=("self",), no_key=True)
        .select_related(*RELATED)
        .get(pk=participation.pk)
    )


@contextmanager
def changing(
    actor: Actor, participation: Participation, event: str, *, version: int | None
) -> Iterator[Change[Participation]]:
    """Change the participation under its locks; the plan follows at the end of the block,
    and the audit event `event` shows the watched fields as they were and are."""

    def record_event(step: Change[Participation]) -> None:
        audit.record(
            actor=actor,
            action=event,
            target=step.record,
            before=step.before,
            after={**audit.snapshot(step.record, *WATCHED), **(step.after or {})},
        )

    with change(
        participation, version=version, lock=lock_participation, audit=record_event
    ) as step:
        step.before = audit.snapshot(step.record, *WATCHED)
        yield step
        sync_plan(actor, step.record)
        keep_claims_in_step(step.record)


def audited(actor: Actor, participation: Participation, event: str, **after: Any) -> None:
    audit.record(actor=actor, action=event, target=participation, after=after or None)
