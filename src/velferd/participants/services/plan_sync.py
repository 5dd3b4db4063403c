"""The participation in the person's activity plan: an activity of kind "scheme" that follows
it, through follow-up's service (so the plan's history shows each change).

How the participation's status shows in the plan (docs/architecture.md, "Participants"):

    draft                                   → proposed
    applied, being assessed, waiting list   → planned (waiting list: "on a waiting list")
    awaiting start                          → planned
    participating                           → in progress
    ended, completed                        → completed
    not relevant, draft withdrawn,
    registered in error                     → cancelled

The activity's title is the scheme type's and the delivery's name; its dates are the
participation's. Every write to a participation calls `sync_plan` in its own transaction."""

from __future__ import annotations

from django.utils import translation

from velferd.access.actor import Actor
from velferd.followup import services as followup

from ..models import Participation, ParticipationStatus as S

# Follow-up's activity statuses, by their values (participants never imports its models).
PROPOSED, PLANNED, IN_PROGRESS, COMPLETED, CANCELLED = (
    "proposed",
    "planned",
    "in_progress",
    "completed",
    "cancelled",
)

STATUS_IN_PLAN: dict[str, str] = {
    S.DRAFT: PROPOSED,
    S.APPLIED: PLANNED,
    S.BEING_ASSESSED: PLANNED,
    S.WAITING_LIST: PLANNED,
    S.AWAITING_START: PLANNED,
    S.PARTICIPATING: IN_PROGRESS,
    S.ENDED: COMPLETED,
    S.COMPLETED: COMPLETED,
    S.NOT_RELEVANT: CANCELLED,
    S.WITHDRAWN_DRAFT: CANCELLED,
    S.REGISTERED_IN_ERROR: CANCELLED,
}


def activity_title(participation: Participation) -> str:
    """The scheme type's name (in Norwegian, the plan's language) and the delivery's."""
    delivery = participation.delivery
    with translation.override("nb"):
        scheme = delivery.scheme_type.name_nb
    return f"{scheme}: {delivery.name}"


def sync_plan(actor: Actor, participation: Participation) -> Participation:
    """Bring the participation's activity in the plan in step with it (creating it the
    first time) and remember the activity on the participation. Call it inside the write's
    transaction, after the participation is saved."""
    activity = followup.scheme_activity_sync(
        actor=actor,
        person=participation.person,
        activity_id=participation.activity_id,
        title=activity_title(participation),
        description=participation.content,
        status=STATUS_IN_PLAN[participation.status],
        starts_on=participation.starts_on,
        ends_on=participation.ends_on,
        on_waiting_list=participation.status == S.WAITING_LIST,
    )
    if participation.activity_id != activity.pk:
        participation.activity_id = activity.pk
        Participation.objects.filter(pk=participation.pk).update(activity_id=activity.pk)
    return participation
