"""The activity plan the person shares with the office: activities proposed, planned,
changed, moved along their lifecycle and commented on, each change kept in the activity's
own history besides the audit trail."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.lifecycles import Change
from velferd.core.validation import MAX_TEXT, invalid, required_text

from .. import lifecycles
from ..locking import lock_person
from ..models import Activity, ActivityChange, ActivityComment, ActivityKind, ActivityStatus
from .changes import changing, require_user

if TYPE_CHECKING:
    from velferd.people.models import Person

ACTIVITY_FIELDS = (
    "kind",
    "title",
    "description",
    "status",
    "starts_on",
    "ends_on",
    "meeting_at",
    "agreed_with_office",
)


def _record_change(
    actor: Actor,
    activity: Activity,
    what: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    by_person: bool,
) -> None:
    ActivityChange.objects.create(
        activity=activity,
        changed_at=timezone.now(),
        changed_by_label=actor.label,
        by_person=by_person,
        what=what,
        before=before,
        after=after,
    )
    audit.record(
        actor=actor, action=f"activity.{what}", target=activity, before=before, after=after
    )


def _check_activity_values(kind: str, starts_on: Any, ends_on: Any) -> None:
    if kind not in ActivityKind.values:
        raise invalid(
            "unknown_activity_kind", "kind", "Ukjent aktivitetstype.", "Unknown kind of activity."
        )
    if starts_on and ends_on and ends_on < starts_on:
        raise invalid(
            "ends_before_start",
            "ends_on",
            "Aktiviteten kan ikke slutte før den begynner.",
            "The activity cannot end before it starts.",
        )


@retried_atomic
def activity_create(
    *,
    actor: Actor,
    person: Person,
    kind: str,
    title: str,
    description: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    meeting_at: datetime.datetime | None = None,
    agreed_with_office: bool = False,
) -> Activity:
    """The office plans an activity; the person proposes one of their own. Only the office
    can agree an activity (make it one the person is obliged to do)."""
    policies.require(actor, policies.can_take_part_in_plan, person)
    by_person = policies.is_the_person(actor, person)
    if agreed_with_office and not policies.allows(actor, policies.can_agree_activity, person):
        raise invalid(
            "only_office_agrees",
            "agreed_with_office",
            "Bare NAV kan avtale en aktivitet.",
            "Only the office can agree an activity.",
            status=403,
        )
    _check_activity_values(kind, starts_on, ends_on)
    lock_person(person.pk)
    activity = Activity.objects.create(
        person=person,
        kind=kind,
        title=required_text(title, "title", "Tittel", "title", 200),
        description=(description or "").strip()[:MAX_TEXT],
        status=ActivityStatus.PROPOSED if by_person else ActivityStatus.PLANNED,
        starts_on=starts_on,
        ends_on=ends_on,
        meeting_at=meeting_at,
        agreed_with_office=agreed_with_office,
        proposed_by_person=by_person,
        created_by=require_user(actor),
    )
    _record_change(
        actor, activity, "created", None, audit.snapshot(activity, *ACTIVITY_FIELDS), by_person
    )
    return activity


@contextmanager
def _changing(
    actor: Actor, activity: Activity, what: str, *, version: int, watch: tuple[str, ...]
) -> Iterator[Change[Activity]]:
    """Change an activity that is not locked (completed or cancelled); the change goes into
    the activity's history, which writes the audit event."""
    by_person = policies.is_the_person(actor, activity.person)
    with changing(
        actor,
        activity,
        f"activity.{what}",
        version=version,
        watch=watch,
        recorded=lambda step: _record_change(
            actor, step.record, what, step.before, step.after, by_person
        ),
    ) as step:
        if step.record.is_locked:
            raise invalid(
                "activity_locked",
                None,
                "Fullførte og avbrutte aktiviteter kan ikke endres.",
                "Completed and cancelled activities cannot be changed.",
                status=CONFLICT,
            )
        yield step


@retried_atomic
def activity_update(*, actor: Actor, activity: Activity, version: int, **changes: Any) -> Activity:
    policies.require(actor, policies.can_take_part_in_plan, activity.person)
    with _changing(actor, activity, "updated", version=version, watch=ACTIVITY_FIELDS) as step:
        activity = step.record
        agrees = "agreed_with_office" in changes
        if not policies.allows(actor, policies.can_change_activity, activity) or (
            agrees and not policies.allows(actor, policies.can_agree_activity, activity.person)
        ):
            raise invalid(
                "only_office_changes",
                None,
                "Denne aktiviteten kan bare NAV endre. Skriv en kommentar i stedet.",
                "Only the office can change this activity. Write a comment instead.",
                status=403,
            )
        _check_activity_values(
            changes.get("kind", activity.kind),
            changes.get("starts_on", activity.starts_on),
            changes.get("ends_on", activity.ends_on),
        )
        if "title" in changes:
            activity.title = required_text(changes["title"], "title", "Tittel", "title", 200)
        if "description" in changes:
            activity.description = (changes["description"] or "").strip()[:MAX_TEXT]
        for field in ("kind", "starts_on", "ends_on", "meeting_at", "agreed_with_office"):
            if field in changes:
                setattr(activity, field, changes[field])
    return activity


@retried_atomic
def activity_transition(*, actor: Actor, activity: Activity, status: str, version: int) -> Activity:
    """Move an activity along its lifecycle (lifecycles.ACTIVITY) to `status`, the target of
    one of its moves. The person moves only their own activities, and only to in progress,
    completed or cancelled (policies.can_move_activity)."""
    policies.require(actor, policies.can_take_part_in_plan, activity.person)
    with _changing(actor, activity, "status_changed", version=version, watch=("status",)) as step:
        activity = step.record
        if status not in ActivityStatus.values:
            raise invalid("unknown_status", "status", "Ukjent status.", "Unknown status.")
        policies.require(actor, policies.can_move_activity, activity, status)
        by_person = policies.is_the_person(actor, activity.person)
        steps = [status]
        if (
            by_person
            and activity.status == ActivityStatus.PROPOSED
            and status in lifecycles.THROUGH_PLANNED
        ):
            steps = [ActivityStatus.PLANNED, status]
        current = activity.status
        for target in steps:
            lifecycles.ACTIVITY.require(current, target)
            current = target
        activity.status = status
    return activity


@retried_atomic
def activity_comment(*, actor: Actor, activity: Activity, text: str) -> ActivityComment:
    """Both the person and the office comment on any activity, locked ones too."""
    policies.require(actor, policies.can_take_part_in_plan, activity.person)
    by_person = policies.is_the_person(actor, activity.person)
    lock_person(activity.person_id)
    comment = ActivityComment.objects.create(
        activity=activity,
        author=require_user(actor),
        by_person=by_person,
        text=required_text(text, "text", "Kommentaren", "comment", 4000),
    )
    audit.record(
        actor=actor,
        action="activity.commented",
        target=activity,
        after={"comment": comment.pk, "by_person": by_person},
    )
    return comment
