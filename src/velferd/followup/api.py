"""Follow-up: periods, needs assessments (§14a), the activity plan and the dialogue. The
person uses the same routes as the office for their own plan and dialogue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from velferd.access import policies
from velferd.access import selectors as access_selectors
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import RecordId
from velferd.people import selectors as people_selectors

from . import portfolio, selectors, services
from .models import (
    Activity,
    ActivityStatus,
    Benefit,
    FollowUpPeriod,
    IndividualPlan,
    NeedsAssessment,
    Thread,
)
from .schemas import (
    ActivityDetail,
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    AgeBandFilter,
    AssessmentIn,
    AssessmentOut,
    AssessmentPatch,
    BenefitEndIn,
    BenefitFilter,
    BenefitIn,
    BenefitOut,
    CommentIn,
    CoordinatorIn,
    MainGoalFilter,
    MeasureIn,
    MemberIn,
    MessageIn,
    NeedGroupFilter,
    NoteIn,
    NoteOut,
    OverviewOut,
    PeriodAssignIn,
    PeriodEndIn,
    PeriodIn,
    PeriodOut,
    PlanGoalsIn,
    PlanIn,
    PlanOut,
    PlanService,
    PortfolioFlags,
    PortfolioOut,
    PortfolioSort,
    QualificationIn,
    QualificationOut,
    ReturnIn,
    SavedFilterIn,
    SavedFilterOut,
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
def get_overview(request: HttpRequest, person_id: RecordId) -> Any:
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
def assign_period(request: HttpRequest, period_id: RecordId, payload: PeriodAssignIn) -> Any:
    actor = actor_of(request)
    period = services.period_assign(
        actor=actor,
        period=selectors.period_for(actor=actor, period_id=period_id),
        caseworker=access_selectors.active_user_named(payload.caseworker),
        version=payload.version,
    )
    return period_out(period)


@router.post("/periods/{period_id}/end", response={200: PeriodOut, **ERRORS})
def end_period(request: HttpRequest, period_id: RecordId, payload: PeriodEndIn) -> Any:
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
def get_assessment(request: HttpRequest, assessment_id: RecordId) -> Any:
    """The assessment with its decision letter (a preview with its LIX before sending)."""
    return assessment_out(_assessment(request, assessment_id))


@router.patch("/assessments/{assessment_id}", response={200: AssessmentOut, **ERRORS})
def update_assessment(
    request: HttpRequest, assessment_id: RecordId, payload: AssessmentPatch
) -> Any:
    services.assessment_update(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
        **payload.dict(exclude_unset=True, exclude={"version"}),
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/submit", response={200: AssessmentOut, **ERRORS})
def submit_assessment(request: HttpRequest, assessment_id: RecordId, payload: VersionIn) -> Any:
    """Send a permanent-group assessment to an approver."""
    services.assessment_submit(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/approve", response={200: AssessmentOut, **ERRORS})
def approve_assessment(request: HttpRequest, assessment_id: RecordId, payload: VersionIn) -> Any:
    services.assessment_approve(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/return", response={200: AssessmentOut, **ERRORS})
def return_assessment(request: HttpRequest, assessment_id: RecordId, payload: ReturnIn) -> Any:
    services.assessment_return(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
        comment=payload.comment,
    )
    return assessment_out(_assessment(request, assessment_id))


@router.post("/assessments/{assessment_id}/send", response={200: AssessmentOut, **ERRORS})
def send_assessment(request: HttpRequest, assessment_id: RecordId, payload: VersionIn) -> Any:
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
def list_activities(request: HttpRequest, person_id: RecordId) -> Any:
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
def get_activity(request: HttpRequest, activity_id: RecordId) -> Any:
    """An activity with its comments and its whole history."""
    return activity_detail(_activity(request, activity_id))


@router.patch("/activities/{activity_id}", response={200: ActivityDetail, **ERRORS})
def update_activity(request: HttpRequest, activity_id: RecordId, payload: ActivityPatch) -> Any:
    services.activity_update(
        actor=actor_of(request),
        activity=_activity(request, activity_id),
        version=payload.version,
        **payload.dict(exclude_unset=True, exclude={"version"}),
    )
    return activity_detail(_activity(request, activity_id))


@router.post("/activities/{activity_id}/comments", response={201: ActivityDetail, **ERRORS})
def comment_activity(request: HttpRequest, activity_id: RecordId, payload: CommentIn) -> Any:
    services.activity_comment(
        actor=actor_of(request), activity=_activity(request, activity_id), text=payload.text
    )
    return Status(201, activity_detail(_activity(request, activity_id)))


@router.post("/activities/{activity_id}/{transition}", response={200: ActivityDetail, **ERRORS})
def transition_activity(
    request: HttpRequest, activity_id: RecordId, transition: Transition, payload: VersionIn
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
def list_threads(request: HttpRequest, person_id: RecordId) -> Any:
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
def get_thread(request: HttpRequest, thread_id: RecordId) -> Any:
    return thread_out(_thread(request, thread_id))


@router.post("/threads/{thread_id}/messages", response={201: ThreadOut, **ERRORS})
def send_message(request: HttpRequest, thread_id: RecordId, payload: MessageIn) -> Any:
    services.message_send(
        actor=actor_of(request),
        thread=_thread(request, thread_id),
        text=payload.text,
        wait_for_reply=payload.wait_for_reply,
    )
    return Status(201, thread_out(_thread(request, thread_id)))


@router.post("/threads/{thread_id}/read", response={200: ThreadOut, **ERRORS})
def mark_thread_read(request: HttpRequest, thread_id: RecordId) -> Any:
    services.thread_mark_read(actor=actor_of(request), thread=_thread(request, thread_id))
    return thread_out(_thread(request, thread_id))


@router.post("/threads/{thread_id}/waiting", response={200: ThreadOut, **ERRORS})
def set_thread_waiting(request: HttpRequest, thread_id: RecordId, payload: WaitingIn) -> Any:
    services.thread_set_waiting(
        actor=actor_of(request), thread=_thread(request, thread_id), waiting_for=payload.waiting_for
    )
    return thread_out(_thread(request, thread_id))


# Coordination ---------------------------------------------------------------------------------


def portfolio_row(row: Any) -> dict[str, Any]:
    person = row.person
    return {
        "person": str(person.pk),
        "name": person.full_name,
        "national_id": person.masked_national_id,
        "age": person.age,
        "caseworker": row.caseworker.username if row.caseworker else None,
        "started_on": row.started_on,
        "need_group": row.need_group,
        "main_goal": row.main_goal,
        "next_deadline": row.next_deadline,
        "flags": [flag for flag in portfolio.FLAGS if getattr(row, f"f_{flag}")],
        "activity_requirement_since": (
            row.requirement_flagged_since if row.f_activity_requirement else None
        ),
    }


def _flags(value: str) -> set[str]:
    return {flag for flag in value.split(",") if flag}


@router.get("/portfolio", response={200: PortfolioOut, **ERRORS})
def get_portfolio(
    request: HttpRequest,
    paging: Query[PageParams],
    office: int | None = None,
    flags: PortfolioFlags = "",
    need_group: NeedGroupFilter = "",
    main_goal: MainGoalFilter = "",
    benefit: BenefitFilter = "",
    age_band: AgeBandFilter = "",
    sort: PortfolioSort = "name",
) -> Any:
    """The people in follow-up at the caller's office: `flags` is a comma list of
    unassigned, new, assessment_missing, waiting_for_office, waiting_for_person,
    overdue_activities, in_agreed_activity, not_in_agreed_activity, meetings_today,
    activity_requirement, qualification_not_assessed, plan_overdue_measures,
    children_under_18, needs_interpreter, mine. `counts` has every flag's count."""
    found = portfolio.portfolio(
        actor=actor_of(request),
        query=portfolio.PortfolioQuery(
            office=office,
            flags=_flags(flags),
            need_group=need_group,
            main_goal=main_goal,
            benefit=benefit,
            age_band=age_band,
            sort=sort,
        ),
        page=paging.page,
        page_size=paging.page_size,
    )
    return {
        "items": [portfolio_row(r) for r in found.rows],
        "count": found.count,
        "total": found.total,
        "counts": found.counts,
    }


def benefit_out(benefit: Benefit) -> dict[str, Any]:
    return {
        "id": str(benefit.pk),
        "kind": benefit.kind,
        "degree": benefit.degree,
        "starts_on": benefit.starts_on,
        "ends_on": benefit.ends_on,
        "municipal": benefit.is_municipal,
    }


@router.get("/persons/{person_id}/benefits", response={200: list[BenefitOut], **ERRORS})
def list_benefits(request: HttpRequest, person_id: RecordId) -> Any:
    """The person's benefits; the municipality's only for those who may see its records."""
    person = _person(request, person_id, "benefits")
    return [
        benefit_out(b) for b in selectors.benefits_visible(actor=actor_of(request), person=person)
    ]


@router.post("/benefits", response={201: BenefitOut, **ERRORS})
def record_benefit(request: HttpRequest, payload: BenefitIn) -> Any:
    benefit = services.benefit_record(
        actor=actor_of(request),
        person=_person(request, payload.person, "benefits"),
        kind=payload.kind,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        degree=payload.degree,
    )
    return Status(201, benefit_out(benefit))


@router.post("/benefits/{benefit_id}/end", response={200: BenefitOut, **ERRORS})
def end_benefit(request: HttpRequest, benefit_id: RecordId, payload: BenefitEndIn) -> Any:
    actor = actor_of(request)
    benefit = selectors.benefit_for(actor=actor, benefit_id=benefit_id)
    return benefit_out(services.benefit_end(actor=actor, benefit=benefit, ends_on=payload.ends_on))


@router.post("/qualification-assessments", response={201: QualificationOut, **ERRORS})
def record_qualification(request: HttpRequest, payload: QualificationIn) -> Any:
    """That the person was assessed for the qualification programme (municipal)."""
    done = services.qualification_assessment_record(
        actor=actor_of(request),
        person=_person(request, payload.person, "qualification"),
        outcome=payload.outcome,
        assessed_on=payload.assessed_on,
        note=payload.note,
    )
    return Status(
        201,
        {"person": str(done.person_id), "outcome": done.outcome, "assessed_on": done.assessed_on},
    )


def plan_out(plan: IndividualPlan) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "id": str(plan.pk),
        "person": str(plan.person_id),
        "name": plan.person.full_name,
        "goals": plan.goals,
        "version": plan.version,
        "members": [
            {
                "service": m.service,
                "contact_name": m.contact_name,
                "is_coordinator": m.is_coordinator,
            }
            for m in plan.members.all()
        ],
        "measures": [
            {
                "id": str(m.pk),
                "text": m.text,
                "responsible_service": m.responsible_service,
                "deadline": m.deadline,
                "done_on": m.done_on,
                "overdue": m.is_overdue_on(today),
            }
            for m in plan.measures.all()
        ],
    }


def _plan(request: HttpRequest, plan_id: str) -> IndividualPlan:
    return selectors.individual_plan_for(actor=actor_of(request), plan_id=plan_id)


@router.get("/individual-plans", response={200: list[PlanOut], **ERRORS})
def list_plans(request: HttpRequest) -> Any:
    """For a partner: the plans their service takes part in, while consent holds."""
    return [plan_out(p) for p in selectors.plans_for_partner(actor=actor_of(request))]


@router.post("/individual-plans", response={201: PlanOut, **ERRORS})
def create_plan(request: HttpRequest, payload: PlanIn) -> Any:
    plan = services.individual_plan_create(
        actor=actor_of(request),
        person=_person(request, payload.person, "individual_plan"),
        coordinator=payload.coordinator,
        members=payload.members,
        goals=payload.goals,
    )
    return Status(201, plan_out(_plan(request, str(plan.pk))))


@router.get("/individual-plans/{plan_id}", response={200: PlanOut, **ERRORS})
def get_plan(request: HttpRequest, plan_id: RecordId) -> Any:
    return plan_out(_plan(request, plan_id))


@router.patch("/individual-plans/{plan_id}", response={200: PlanOut, **ERRORS})
def update_plan_goals(request: HttpRequest, plan_id: RecordId, payload: PlanGoalsIn) -> Any:
    services.plan_goals_update(
        actor=actor_of(request),
        plan=_plan(request, plan_id),
        goals=payload.goals,
        version=payload.version,
    )
    return plan_out(_plan(request, plan_id))


@router.post("/individual-plans/{plan_id}/members", response={201: PlanOut, **ERRORS})
def add_member(request: HttpRequest, plan_id: RecordId, payload: MemberIn) -> Any:
    services.plan_member_add(
        actor=actor_of(request),
        plan=_plan(request, plan_id),
        service=payload.service,
        contact_name=payload.contact_name,
    )
    return Status(201, plan_out(_plan(request, plan_id)))


@router.delete("/individual-plans/{plan_id}/members/{service}", response={200: PlanOut, **ERRORS})
def remove_member(request: HttpRequest, plan_id: RecordId, service: PlanService) -> Any:
    services.plan_member_remove(
        actor=actor_of(request), plan=_plan(request, plan_id), service=service
    )
    return plan_out(_plan(request, plan_id))


@router.post("/individual-plans/{plan_id}/coordinator", response={200: PlanOut, **ERRORS})
def set_coordinator(request: HttpRequest, plan_id: RecordId, payload: CoordinatorIn) -> Any:
    services.plan_set_coordinator(
        actor=actor_of(request),
        plan=_plan(request, plan_id),
        service=payload.service,
        version=payload.version,
    )
    return plan_out(_plan(request, plan_id))


@router.post("/individual-plans/{plan_id}/measures", response={201: PlanOut, **ERRORS})
def add_measure(request: HttpRequest, plan_id: RecordId, payload: MeasureIn) -> Any:
    services.plan_measure_add(
        actor=actor_of(request),
        plan=_plan(request, plan_id),
        text=payload.text,
        responsible_service=payload.responsible_service,
        deadline=payload.deadline,
    )
    return Status(201, plan_out(_plan(request, plan_id)))


@router.post("/measures/{measure_id}/done", response={200: PlanOut, **ERRORS})
def measure_done(request: HttpRequest, measure_id: RecordId) -> Any:
    actor = actor_of(request)
    measure = selectors.measure_for(actor=actor, measure_id=measure_id)
    services.plan_measure_done(actor=actor, measure=measure)
    return plan_out(_plan(request, str(measure.plan_id)))


@router.get("/saved-filters", response={200: list[SavedFilterOut], **ERRORS})
def list_saved_filters(request: HttpRequest) -> Any:
    return list(selectors.saved_filters_of(actor=actor_of(request)))


@router.post("/saved-filters", response={201: SavedFilterOut, **ERRORS})
def save_filter(request: HttpRequest, payload: SavedFilterIn) -> Any:
    return Status(
        201,
        services.saved_filter_save(actor=actor_of(request), name=payload.name, query=payload.query),
    )


@router.delete("/saved-filters/{filter_id}", response={204: None, **ERRORS})
def delete_saved_filter(request: HttpRequest, filter_id: int) -> Any:
    actor = actor_of(request)
    services.saved_filter_delete(
        actor=actor, saved=selectors.saved_filter_for(actor=actor, filter_id=filter_id)
    )
    return Status(204, None)


@router.get("/persons/{person_id}/notes", response={200: list[NoteOut], **ERRORS})
def list_notes(request: HttpRequest, person_id: RecordId) -> Any:
    """The caller's own private notes about the person."""
    actor = actor_of(request)
    person = _person(request, person_id, "notes")
    policies.require(actor, policies.can_follow_up, person)
    return list(selectors.reminder_notes(actor=actor, person=person))


@router.post("/persons/{person_id}/notes", response={201: NoteOut, **ERRORS})
def add_note(request: HttpRequest, person_id: RecordId, payload: NoteIn) -> Any:
    return Status(
        201,
        services.reminder_note_add(
            actor=actor_of(request),
            person=_person(request, person_id, "notes"),
            text=payload.text,
            remind_on=payload.remind_on,
        ),
    )


@router.delete("/notes/{note_id}", response={204: None, **ERRORS})
def delete_note(request: HttpRequest, note_id: int) -> Any:
    actor = actor_of(request)
    services.reminder_note_delete(
        actor=actor, note=selectors.reminder_note_for(actor=actor, note_id=note_id)
    )
    return Status(204, None)
