"""The activity plan the person and the office share: activities, their comments, their
history and their lifecycle moves."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import lifecycles, selectors, services
from ..models import Activity
from ..schemas import (
    ActivityDetail,
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    CommentIn,
    Transition,
    VersionIn,
)
from .reads import read_person

router = Router()


def activity_out(activity: Activity) -> dict[str, Any]:
    return {
        "id": str(activity.pk),
        "person": str(activity.person_id),
        "kind": activity.kind,
        "title": activity.title,
        "description": activity.description,
        "status": activity.status,
        "starts_on": activity.starts_on,
        "ends_on": activity.ends_on,
        "meeting_at": activity.meeting_at,
        "agreed_with_office": activity.agreed_with_office,
        "proposed_by_person": activity.proposed_by_person,
        "locked": activity.is_locked,
        "version": activity.version,
        "comments": [
            {
                "author": str(c.author),
                "by_person": c.by_person,
                "text": c.text,
                "created_at": c.created_at,
            }
            for c in activity.comments.all()
        ],
    }


def activity_detail(activity: Activity) -> dict[str, Any]:
    return {
        **activity_out(activity),
        "history": [
            {
                "changed_at": c.changed_at,
                "changed_by": c.changed_by_label,
                "by_person": c.by_person,
                "what": c.what,
                "before": c.before,
                "after": c.after,
            }
            for c in selectors.history_of(activity)
        ],
    }


def read_activity(request: HttpRequest, activity_id: str) -> Activity:
    return selectors.activity_for(actor=actor_of(request), activity_id=activity_id)


@router.get(
    "/persons/{person_id}/activities",
    response={200: list[ActivityOut], **ERRORS},
    operation_id="velferd_followup_api_list_activities",
)
def list_activities(request: HttpRequest, person_id: RecordId) -> Any:
    person = read_person(request, person_id, "activity_plan")
    return [activity_out(a) for a in selectors.activities_of(person)]


@router.post(
    "/activities",
    response={201: ActivityDetail, **ERRORS},
    operation_id="velferd_followup_api_create_activity",
)
def create_activity(request: HttpRequest, payload: ActivityIn) -> Any:
    """The office plans an activity (and may agree it); the person proposes their own."""
    activity = services.activity_create(
        actor=actor_of(request),
        person=read_person(request, payload.person, "activity_plan"),
        kind=payload.kind,
        title=payload.title,
        description=payload.description,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        meeting_at=payload.meeting_at,
        agreed_with_office=payload.agreed_with_office,
    )
    return Status(201, activity_detail(selectors.activity_as_written(activity)))


@router.get(
    "/activities/{activity_id}",
    response={200: ActivityDetail, **ERRORS},
    operation_id="velferd_followup_api_get_activity",
)
def get_activity(request: HttpRequest, activity_id: RecordId) -> Any:
    """An activity with its comments and its whole history."""
    return activity_detail(read_activity(request, activity_id))


@router.patch(
    "/activities/{activity_id}",
    response={200: ActivityDetail, **ERRORS},
    operation_id="velferd_followup_api_update_activity",
)
def update_activity(request: HttpRequest, activity_id: RecordId, payload: ActivityPatch) -> Any:
    written = services.activity_update(
        actor=actor_of(request),
        activity=read_activity(request, activity_id),
        version=payload.version,
        **payload.dict(exclude_unset=True, exclude={"version"}),
    )
    return activity_detail(selectors.activity_as_written(written))


@router.post(
    "/activities/{activity_id}/comments",
    response={201: ActivityDetail, **ERRORS},
    operation_id="velferd_followup_api_comment_activity",
)
def comment_activity(request: HttpRequest, activity_id: RecordId, payload: CommentIn) -> Any:
    activity = read_activity(request, activity_id)
    services.activity_comment(actor=actor_of(request), activity=activity, text=payload.text)
    return Status(201, activity_detail(selectors.activity_as_written(activity)))


@router.post(
    "/activities/{activity_id}/{transition}",
    response={200: ActivityDetail, **ERRORS},
    operation_id="velferd_followup_api_transition_activity",
)
def transition_activity(
    request: HttpRequest, activity_id: RecordId, transition: Transition, payload: VersionIn
) -> Any:
    """plan, start, complete or cancel. Completed and cancelled activities are locked."""
    written = services.activity_transition(
        actor=actor_of(request),
        activity=read_activity(request, activity_id),
        status=lifecycles.ACTIVITY.move(transition).target,
        version=payload.version,
    )
    return activity_detail(selectors.activity_as_written(written))
