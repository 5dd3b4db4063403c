"""The activity of kind "scheme" that follows a person's participation in a labour market
scheme. The participants domain owns the participation and decides who may change it; this
service keeps the plan's activity in step (its title, dates, status and whether the person
waits for a place), each change kept in the activity's history like any other."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic

from .. import lifecycles
from ..locking import lock_person
from ..models import Activity, ActivityKind
from .activities import _record_change
from .changes import changing, require_user

if TYPE_CHECKING:
    from velferd.people.models import Person

SCHEME_FIELDS = ("title", "description", "status", "starts_on", "ends_on", "on_waiting_list")


def _create(actor: Actor, person: Person, values: dict[str, Any]) -> Activity:
    lock_person(person.pk)
    activity = Activity.objects.create(
        person=person,
        kind=ActivityKind.SCHEME,
        agreed_with_office=True,
        created_by=require_user(actor),
        **values,
    )
    _record_change(
        actor,
        activity,
        "created",
        None,
        {"kind": ActivityKind.SCHEME, **_snapshot(activity)},
        by_person=False,
    )
    return activity


def _snapshot(activity: Activity) -> dict[str, Any]:
    return audit.snapshot(activity, *SCHEME_FIELDS)


def _differs(activity: Activity, values: dict[str, Any]) -> bool:
    return any(getattr(activity, name) != value for name, value in values.items())


@retried_atomic
def scheme_activity_sync(
    *,
    actor: Actor,
    person: Person,
    activity_id: Any,
    title: str,
    status: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    on_waiting_list: bool,
    description: str = "",
) -> Activity:
    """Create the person's scheme activity (activity_id None), or bring it in step: the
    status moves along the activity's lifecycle (a move it does not allow is refused,
    naming both states), and nothing is written when nothing changed. A closed activity
    stays as it is when the participation closes the same way again."""
    values = {
        "title": title[:200],
        "description": description,
        "status": status,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "on_waiting_list": on_waiting_list,
    }
    found = Activity.objects.filter(pk=activity_id, kind=ActivityKind.SCHEME).first()
    if activity_id is None or found is None:
        return _create(actor, person, values)
    if not _differs(found, values):
        return found
    with changing(
        actor,
        found,
        "activity.updated",
        version=None,
        watch=SCHEME_FIELDS,
        recorded=lambda step: _record_change(
            actor, step.record, "updated", step.before, step.after, False
        ),
    ) as step:
        activity = step.record
        if activity.status != status:
            lifecycles.ACTIVITY.require(activity.status, status)
        for name, value in values.items():
            setattr(activity, name, value)
    return activity


__all__ = ["SCHEME_FIELDS", "scheme_activity_sync"]
