"""The participation's moves (lifecycles.PARTICIPATION), a service each. A move out of a
status that holds a place frees it, and the place is offered to the next in line; a move
to a closing status stamps when it closed (the supplier's access window counts from it).
Ending may set the last day (an approved proposal to end early brings its own)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.db import retried_atomic
from velferd.core.validation import MAX_TEXT, invalid

from ..lifecycles import PARTICIPATION
from ..models import CLOSED, Participation
from .changes import changing
from .places import holds_a_place, release_place


def _last_day(participation: Participation, ends_on: datetime.date) -> datetime.date:
    if participation.starts_on is not None and ends_on < participation.starts_on:
        raise invalid(
            "ends_before_start",
            "ends_on",
            "Sluttdatoen kan ikke være før startdatoen.",
            "The end date cannot be before the start date.",
        )
    return ends_on


def _move(
    actor: Actor,
    participation: Participation,
    name: str,
    version: int | None,
    reason: str = "",
    reason_text: str = "",
    ends_on: datetime.date | None = None,
) -> Participation:
    policies.require(actor, policies.can_change_participation, participation)
    move = PARTICIPATION.move(name)
    with changing(actor, participation, move.event, version=version) as step:
        record = step.record
        held = holds_a_place(record)
        checked = PARTICIPATION.enter(record, move, reason)
        if ends_on is not None:
            record.ends_on = _last_day(record, ends_on)
        if move.reasons:
            record.reason = checked
        if "reason_text" in move.inputs:
            record.reason_text = (reason_text or "").strip()[:MAX_TEXT]
        if record.status in CLOSED:
            record.ended_at = timezone.now()
        release_place(actor, record, held)
    return step.record


@PARTICIPATION.service("apply")
@retried_atomic
def participation_apply(
    *, actor: Actor, participation: Participation, version: int | None, **_: object
) -> Participation:
    """The draft the person and the caseworker agreed on becomes an application."""
    return _move(actor, participation, "apply", version)


@PARTICIPATION.service("withdraw_draft")
@retried_atomic
def participation_withdraw_draft(
    *, actor: Actor, participation: Participation, version: int | None, **_: object
) -> Participation:
    return _move(actor, participation, "withdraw_draft", version)


@PARTICIPATION.service("assess")
@retried_atomic
def participation_assess(
    *, actor: Actor, participation: Participation, version: int | None, **_: object
) -> Participation:
    return _move(actor, participation, "assess", version)


@PARTICIPATION.service("start")
@retried_atomic
def participation_start(
    *, actor: Actor, participation: Participation, version: int | None, **_: object
) -> Participation:
    return _move(actor, participation, "start", version)


@PARTICIPATION.service("complete")
@retried_atomic
def participation_complete(
    *, actor: Actor, participation: Participation, version: int | None, **_: object
) -> Participation:
    return _move(actor, participation, "complete", version)


@PARTICIPATION.service("end")
@retried_atomic
def participation_end(
    *,
    actor: Actor,
    participation: Participation,
    version: int | None,
    reason: str = "",
    reason_text: str = "",
    ends_on: datetime.date | None = None,
    **_: object,
) -> Participation:
    """Ended before it was completed, with a coded reason (EndReason); `ends_on`, when
    given, is the last day (not before the start)."""
    return _move(actor, participation, "end", version, reason, reason_text, ends_on)


@PARTICIPATION.service("not_relevant")
@retried_atomic
def participation_not_relevant(
    *,
    actor: Actor,
    participation: Participation,
    version: int | None,
    reason: str = "",
    reason_text: str = "",
    **_: object,
) -> Participation:
    """Not relevant after all, with a coded reason (NotRelevantReason)."""
    return _move(actor, participation, "not_relevant", version, reason, reason_text)


@PARTICIPATION.service("register_in_error")
@retried_atomic
def participation_register_in_error(
    *,
    actor: Actor,
    participation: Participation,
    version: int | None,
    reason_text: str = "",
    **_: object,
) -> Participation:
    return _move(actor, participation, "register_in_error", version, "", reason_text)
