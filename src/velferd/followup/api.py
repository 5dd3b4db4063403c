"""Follow-up: periods, needs assessments (§14a), the activity plan and the dialogue. The
person uses the same routes as the office for their own plan and dialogue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access import selectors as access_selectors
from velferd.core.api import AUTH, ERRORS, actor_of
from velferd.people import selectors as people_selectors

from . import selectors, services
from .models import Activity, ActivityStatus, FollowUpPeriod, NeedsAssessment, Thread
from .schemas import (
    ActivityDetail,
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    AssessmentIn,
    AssessmentOut,
    AssessmentPatch,
    CommentIn,
    MessageIn,
    OverviewOut,
    PeriodAssignIn,
    PeriodEndIn,
    PeriodIn,
    PeriodOut,
    ReturnIn,
    ThreadIn,
    ThreadOut,
    Transition,
    VersionIn,
    WaitingIn,
)

router = Router(tags=["followup"], auth=AUTH)

TRANSITIONS = {
    "plan": ActivityStatus.PLANNED,
    "start": ActivityStatus.IN_PROGRESS,
    "complete": ActivityStatus.COMPLETED,
    "cancel": ActivityStatus.CANCELLED,
}


def _person(request: HttpRequest, person_id: str, what: str) -> Any:
    return people_selectors.person_for(
        actor=actor_of(request), person_id=person_id, purpose="follow_up", what=what
    )


def period_out(period: FollowUpPeriod) -> dict[str, Any]:
    return {
        "id": str(period.pk),
        "person": str(period.person_id),
        "office": str(period.office),
        "caseworker": period.caseworker.username if period.caseworker else None,
        "started_on": period.started_on,
        "ended_on": period.ended_on,
        "version": period.version,
    }


def assessment_out(assessment: NeedsAssessment) -> dict[str, Any]:
    if assessment.letter is not None:
        letter = assessment.letter
        text, lix_score, sent_at = letter.body, letter.lix, letter.sent_at
    else:
        text, readability = selectors.letter_preview(assessment)
        lix_score, sent_at = readability.score, None
    return {
        "id": str(assessment.pk),
        "person": str(assessment.person_id),
        "need_group": assessment.need_group,
        "main_goal": assessment.main_goal,
        "reasoning": assessment.reasoning,
        "evidence": assessment.evidence,
        "status": assessment.status,
        "needs_approval": assessment.needs_approval,
        "author": str(assessment.author),
        "approver": str(assessment.approver) if assessment.approver else None,
        "approver_comment": assessment.approver_comment,
        "letter": {
            "title": "Vedtak om oppfølging fra NAV",
            "body": text,
            "lix": lix_score,
            "too_hard": lix_score > 45,
            "sent_at": sent_at,
        },
        "version": assessment.version,
    }


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


def thread_out(thread: Thread) -> dict[str, Any]:
    return {
        "id": str(thread.pk),
        "person": str(thread.person_id),
        "subject": thread.subject,
        "activity": str(thread.activity_id) if thread.activity_id else None,
        "waiting_for": thread.waiting_for,
        "read_by_person": thread.read_by_person,
        "read_by_office": thread.read_by_office,
        "last_message_at": thread.last_message_at,
        "messages": [
            {
                "author": m.author_label,
                "from_office": m.from_office,
                "text": m.text,
                "sent_at": m.sent_at,
            }
            for m in thread.messages.all()
        ],
    }


# Overview and periods -----------------------------------------------------------------------


@router.get("/persons/{person_id}/overview", response={200: OverviewOut, **ERRORS})
def get_overview(request: HttpRequest, person_id: str) -> Any:
    """A person's follow-up on one page: period, current decision, plan and dialogue."""
    found = selectors.overview(actor=actor_of(request), person_id=person_id)
    return {
        "person": str(found.person.pk),
        "name": found.person.full_name,
        "office": str(found.person.office),
        "period": period_out(found.period) if found.period else None,
        "decision": assessment_out(found.decision) if found.decision else None,
        "activities": [activity_out(a) for a in found.activities],
        "threads": [thread_out(t) for t in found.threads],
        "children_under_18": len(found.children_under_18),
        "needs_interpreter": found.person.needs_interpreter,
    }


@router.post("/periods", response={201: PeriodOut, **ERRORS})
def start_period(request: HttpRequest, payload: PeriodIn) -> Any:
    caseworker = (
        access_selectors.active_user_named(payload.caseworker) if payload.caseworker else None
    )
    period = services.period_start(
        actor=actor_of(request),
        person=_person(request, payload.person, "period"),
        started_on=payload.started_on,
        caseworker=caseworker,
    )
    return Status(201, period_out(period))


@router.post("/periods/{period_id}/assign", response={200: PeriodOut, **ERRORS})
def assign_period(request: HttpRequest, period_id: str, payload: PeriodAssignIn) -> Any:
    actor = actor_of(request)
    period = services.period_assign(
        actor=actor,
        period=selectors.period_for(actor=actor, period_id=period_id),
        caseworker=access_selectors.active_user_named(payload.caseworker),
        version=payload.version,
    )
    return period_out(period)


@router.post("/periods/{period_id}/end", response={200: PeriodOut, **ERRORS})
def end_period(request: HttpRequest, period_id: str, payload: PeriodEndIn) -> Any:
    actor = actor_of(request)
    period = services.period_end(
        actor=actor,
        period=selectors.period_for(actor=actor, period_id=period_id),
        version=payload.version,
        reason=payload.reason,
        ended_on=payload.ended_on,
    )
    return period_out(period)


# Needs assessments --------------------------------------------------------------------------


def _assessment(request: HttpRequest, assessment_id: str) -> NeedsAssessment:
    return selectors.assessment_for(actor=actor_of(request), assessment_id=assessment_id)


@router.post("/assessments", response={201: AssessmentOut, **ERRORS})
def create_assessment(request: HttpRequest, payload: AssessmentIn) -> Any:
    assessment = services.assessment_create(
        actor=actor_of(request),
        person=_person(request, payload.person, "needs_assessment"),
        need_group=payload.need_group,
        main_goal=payload.main_goal,
        reasoning=payload.reasoning,
        evidence=payload.evidence,
    )
    return Status(201, assessment_out(_assessment(request, str(assessment.pk))))


@router.get("/assessments/{assessment_id}", response={200: AssessmentOut, **ERRORS})
def get_assessment(request: HttpRequest, assessment_id: str) -> Any:
    """The assessment with its decision letter (a preview with its LIX before sending)."""
    return assessment_out(_assessment(request, assessment_id))


@router.patch("/assessments/{assessment_id}", response={200: AssessmentOut, **ERRORS})
def update_assessment(request: HttpRequest, assessment_id: str, payload: AssessmentPatch) -> Any:
    services.assessment_update(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
        **payload.dict(exclude_unset=True, exclude={"version"}),
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/submit", response={200: AssessmentOut, **ERRORS})
def submit_assessment(request: HttpRequest, assessment_id: str, payload: VersionIn) -> Any:
    """Send a permanent-group assessment to an approver."""
    services.assessment_submit(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/approve", response={200: AssessmentOut, **ERRORS})
def approve_assessment(request: HttpRequest, assessment_id: str, payload: VersionIn) -> Any:
    services.assessment_approve(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/return", response={200: AssessmentOut, **ERRORS})
def return_assessment(request: HttpRequest, assessment_id: str, payload: ReturnIn) -> Any:
    services.assessment_return(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
        comment=payload.comment,
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/send", response={200: AssessmentOut, **ERRORS})
def send_assessment(request: HttpRequest, assessment_id: str, payload: VersionIn) -> Any:
    """Send the decision and its letter. A permanent group must be approved first (409)."""
    services.assessment_send(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(_assessment(request, assessment_id))


# The activity plan --------------------------------------------------------------------------


def _activity(request: HttpRequest, activity_id: str) -> Activity:
    return selectors.activity_for(actor=actor_of(request), activity_id=activity_id)


@router.get("/persons/{person_id}/activities", response={200: list[ActivityOut], **ERRORS})
def list_activities(request: HttpRequest, person_id: str) -> Any:
    person = _person(request, person_id, "activity_plan")
    return [activity_out(a) for a in selectors.activities_of(person)]


@router.post("/activities", response={201: ActivityDetail, **ERRORS})
def create_activity(request: HttpRequest, payload: ActivityIn) -> Any:
    """The office plans an activity (and may agree it); the person proposes their own."""
    activity = services.activity_create(
        actor=actor_of(request),
        person=_person(request, payload.person, "activity_plan"),
        kind=payload.kind,
        title=payload.title,
        description=payload.description,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        meeting_at=payload.meeting_at,
        agreed_with_office=payload.agreed_with_office,
    )
    return Status(201, activity_detail(_activity(request, str(activity.pk))))


@router.get("/activities/{activity_id}", response={200: ActivityDetail, **ERRORS})
def get_activity(request: HttpRequest, activity_id: str) -> Any:
    """An activity with its comments and its whole history."""
    return activity_detail(_activity(request, activity_id))


@router.patch("/activities/{activity_id}", response={200: ActivityDetail, **ERRORS})
def update_activity(request: HttpRequest, activity_id: str, payload: ActivityPatch) -> Any:
    services.activity_update(
        actor=actor_of(request),
        activity=_activity(request, activity_id),
        version=payload.version,
        **payload.dict(exclude_unset=True, exclude={"version"}),
    )
    return activity_detail(_activity(request, activity_id))


@router.post("/activities/{activity_id}/comments", response={201: ActivityDetail, **ERRORS})
def comment_activity(request: HttpRequest, activity_id: str, payload: CommentIn) -> Any:
    services.activity_comment(
        actor=actor_of(request), activity=_activity(request, activity_id), text=payload.text
    )
    return Status(201, activity_detail(_activity(request, activity_id)))


@router.post("/activities/{activity_id}/{transition}", response={200: ActivityDetail, **ERRORS})
def transition_activity(
    request: HttpRequest, activity_id: str, transition: Transition, payload: VersionIn
) -> Any:
    """plan, start, complete or cancel. Completed and cancelled activities are locked."""
    services.activity_transition(
        actor=actor_of(request),
        activity=_activity(request, activity_id),
        status=TRANSITIONS[transition],
        version=payload.version,
    )
    return activity_detail(_activity(request, activity_id))


# Dialogue -----------------------------------------------------------------------------------


def _thread(request: HttpRequest, thread_id: str) -> Thread:
    return selectors.thread_for(actor=actor_of(request), thread_id=thread_id)


@router.get("/persons/{person_id}/threads", response={200: list[ThreadOut], **ERRORS})
def list_threads(request: HttpRequest, person_id: str) -> Any:
    person = _person(request, person_id, "dialogue")
    return [thread_out(t) for t in selectors.threads_of(person).prefetch_related("messages")]


@router.post("/threads", response={201: ThreadOut, **ERRORS})
def start_thread(request: HttpRequest, payload: ThreadIn) -> Any:
    activity = _activity(request, payload.activity) if payload.activity else None
    thread = services.thread_start(
        actor=actor_of(request),
        person=_person(request, payload.person, "dialogue"),
        subject=payload.subject,
        text=payload.text,
        activity=activity,
        wait_for_reply=payload.wait_for_reply,
    )
    return Status(201, thread_out(_thread(request, str(thread.pk))))


@router.get("/threads/{thread_id}", response={200: ThreadOut, **ERRORS})
def get_thread(request: HttpRequest, thread_id: str) -> Any:
    return thread_out(_thread(request, thread_id))


@router.post("/threads/{thread_id}/messages", response={201: ThreadOut, **ERRORS})
def send_message(request: HttpRequest, thread_id: str, payload: MessageIn) -> Any:
    services.message_send(
        actor=actor_of(request),
        thread=_thread(request, thread_id),
        text=payload.text,
        wait_for_reply=payload.wait_for_reply,
    )
    return Status(201, thread_out(_thread(request, thread_id)))


@router.post("/threads/{thread_id}/read", response={200: ThreadOut, **ERRORS})
def mark_thread_read(request: HttpRequest, thread_id: str) -> Any:
    services.thread_mark_read(actor=actor_of(request), thread=_thread(request, thread_id))
    return thread_out(_thread(request, thread_id))


@router.post("/threads/{thread_id}/waiting", response={200: ThreadOut, **ERRORS})
def set_thread_waiting(request: HttpRequest, thread_id: str, payload: WaitingIn) -> Any:
    services.thread_set_waiting(
        actor=actor_of(request), thread=_thread(request, thread_id), waiting_for=payload.waiting_for
    )
    return thread_out(_thread(request, thread_id))
