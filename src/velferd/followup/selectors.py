"""Reads of follow-up, for the person and for the staff allowed to see them. Staff reads of
a person's follow-up are logged with their purpose."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model, Prefetch, QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import forbidden, not_found
from velferd.core.identifiers import as_uuid
from velferd.core.readability import Lix
from velferd.letters.services import decision_letter_preview
from velferd.people import selectors as people_selectors

from .models import (
    Activity,
    ActivityChange,
    ActivityComment,
    ActivityRequirement,
    AssessmentStatus,
    Benefit,
    FollowUpPeriod,
    IndividualPlan,
    Message,
    NeedsAssessment,
    PlanMeasure,
    ReminderNote,
    SavedFilter,
    Thread,
)

if TYPE_CHECKING:
    from velferd.people.models import Person

M = TypeVar("M", bound=Model)


def _of_visible_person(
    actor: Actor, record: M | None, what_nb: str, what_en: str, what: str, purpose: str
) -> M:
    """A record about a person, for someone allowed to see that person (404 if the record
    is unknown or its person hidden, 403 if outside the actor's scope); staff reads are
    logged."""
    person: Person | None = getattr(record, "person", None)
    if record is None or person is None or not policies.can_know_person_exists(actor, person):
        raise not_found(what_nb, what_en)
    if not policies.can_take_part_in_plan(actor, person) and not policies.can_view_person(
        actor, person
    ):
        raise forbidden()
    if not policies.is_the_person(actor, person):
        audit.log_access(
            actor=actor,
            subject=person,
            what=what,
            purpose=purpose,
            role=policies.role_reading(actor, person),
        )
    return record


def open_period(person: Person) -> FollowUpPeriod | None:
    return (
        FollowUpPeriod.objects.select_related("caseworker")
        .filter(person=person, ended_on__isnull=True)
        .first()
    )


def period_for(*, actor: Actor, period_id: object) -> FollowUpPeriod:
    key = as_uuid(period_id)
    record = (
        FollowUpPeriod.objects.select_related("person", "caseworker").filter(pk=key).first()
        if key
        else None
    )
    return _of_visible_person(
        actor, record, "oppfølgingen", "the follow-up period", "period", "follow_up"
    )


def assessments_of(person: Person) -> QuerySet[NeedsAssessment]:
    return NeedsAssessment.objects.filter(person=person).select_related(
        "author", "approver", "letter"
    )


def current_decision(person: Person) -> NeedsAssessment | None:
    return assessments_of(person).filter(status=AssessmentStatus.SENT).order_by("-sent_at").first()


def _assessments() -> QuerySet[NeedsAssessment]:
    return NeedsAssessment.objects.select_related(
        "person", "person__office", "author", "approver", "letter"
    )


def assessment_for(*, actor: Actor, assessment_id: object) -> NeedsAssessment:
    key = as_uuid(assessment_id)
    record = _assessments().filter(pk=key).first() if key else None
    found = _of_visible_person(
        actor, record, "vurderingen", "the assessment", "needs_assessment", "needs_assessment"
    )
    if policies.is_the_person(actor, found.person) and found.status != AssessmentStatus.SENT:
        raise not_found("vurderingen", "the assessment")
    return found


def assessment_as_written(assessment: NeedsAssessment) -> NeedsAssessment:
    """The assessment as a write has just left it, for the write's answer. Not a read of its
    own: the writer read it (or the person it is about) through a logged selector first."""
    return _assessments().get(pk=assessment.pk)


def awaiting_approval_for(*, actor: Actor) -> QuerySet[NeedsAssessment]:
    """Assessments sent to the approvers of the actor's offices (not the actor's own)."""
    return NeedsAssessment.objects.filter(
        policies.assessments_approvable(actor), status=AssessmentStatus.AWAITING_APPROVAL
    ).select_related("person", "author")


def letter_preview(assessment: NeedsAssessment) -> tuple[str, Lix]:
    return decision_letter_preview(assessment)


def activities_of(person: Person) -> QuerySet[Activity]:
    return Activity.objects.filter(person=person).prefetch_related(
        Prefetch("comments", queryset=ActivityComment.objects.select_related("author"))
    )


def _activities() -> QuerySet[Activity]:
    return Activity.objects.select_related("person", "person__office")


def activity_for(*, actor: Actor, activity_id: object) -> Activity:
    key = as_uuid(activity_id)
    record = _activities().filter(pk=key).first() if key else None
    return _of_visible_person(actor, record, "aktiviteten", "the activity", "activity", "follow_up")


def activity_as_written(activity: Activity) -> Activity:
    """The activity as a write has just left it, for the write's answer (not logged: see
    `assessment_as_written`)."""
    return _activities().get(pk=activity.pk)


def history_of(activity: Activity) -> QuerySet[ActivityChange]:
    return ActivityChange.objects.filter(activity=activity)


def threads_of(person: Person) -> QuerySet[Thread]:
    return Thread.objects.filter(person=person).select_related("activity")


def _threads() -> QuerySet[Thread]:
    return Thread.objects.select_related("person", "person__office", "activity").prefetch_related(
        Prefetch("messages", queryset=Message.objects.order_by("sent_at"))
    )


def thread_for(*, actor: Actor, thread_id: object) -> Thread:
    key = as_uuid(thread_id)
    record = _threads().filter(pk=key).first() if key else None
    return _of_visible_person(
        actor, record, "samtalen", "the conversation", "dialogue", "follow_up"
    )


def thread_as_written(thread: Thread) -> Thread:
    """The conversation as a write has just left it, for the write's answer (not logged: see
    `assessment_as_written`)."""
    return _threads().get(pk=thread.pk)


@dataclass(frozen=True)
class Overview:
    person: Person
    period: FollowUpPeriod | None
    decision: NeedsAssessment | None
    assessments: list[NeedsAssessment]
    activities: list[Activity]
    threads: list[Thread]
    show_address: bool

    @property
    def children_under_18(self) -> list[Any]:
        return self.person.children_under_18()

    @property
    def agreed_activities(self) -> list[Activity]:
        return [a for a in self.activities if a.agreed_with_office and not a.is_locked]


def overview(*, actor: Actor, person_id: object) -> Overview:
    """Everything about one person's follow-up on one page; one logged read."""
    person = people_selectors.person_for(
        actor=actor, person_id=person_id, purpose="follow_up", what="person.overview"
    )
    return Overview(
        person=person,
        period=open_period(person),
        decision=current_decision(person),
        assessments=list(
            assessments_of(person).filter(status=AssessmentStatus.SENT)
            if policies.is_the_person(actor, person)
            else assessments_of(person)
        ),
        activities=list(activities_of(person)),
        threads=list(threads_of(person)),
        show_address=policies.can_view_person_address(actor, person),
    )


# Benefits, individual plans and flags ---------------------------------------------------------


def benefits_visible(*, actor: Actor, person: Person) -> list[Benefit]:
    """The person's benefits; the municipality's (financial assistance, qualification
    benefit) only for those who may see its records."""
    found = list(Benefit.objects.filter(person=person))
    if policies.can_view_municipal_records(actor, person):
        return found
    return [b for b in found if not b.is_municipal]


def _plans() -> QuerySet[IndividualPlan]:
    return IndividualPlan.objects.select_related("person", "person__office").prefetch_related(
        "members", "measures"
    )


def individual_plan_for(*, actor: Actor, plan_id: object) -> IndividualPlan:
    key = as_uuid(plan_id)
    plan = _plans().filter(pk=key).first() if key else None
    if plan is None or not policies.can_know_person_exists(actor, plan.person):
        raise not_found("planen", "the plan")
    if not policies.can_view_individual_plan(actor, plan):
        raise forbidden() if actor.is_authenticated else policies.not_authenticated()
    _log_plan_read(actor, plan)
    return plan


def individual_plan_as_written(plan: IndividualPlan) -> IndividualPlan:
    """The plan as a write has just left it, for the write's answer (not logged: see
    `assessment_as_written`)."""
    return _plans().get(pk=plan.pk)


def _log_plan_read(actor: Actor, plan: IndividualPlan) -> None:
    if not policies.is_the_person(actor, plan.person):
        audit.log_access(
            actor=actor,
            subject=plan.person,
            what="individual_plan",
            purpose="coordination",
            role=_reading_role(actor, plan.person),
        )


def _reading_role(actor: Actor, person: Person) -> str:
    return policies.role_reading(actor, person) or ("partner" if actor.has_role("partner") else "")


def individual_plan_of(person: Person) -> IndividualPlan | None:
    return (
        IndividualPlan.objects.prefetch_related("members", "measures").filter(person=person).first()
    )


def plans_for_partner(*, actor: Actor) -> list[IndividualPlan]:
    """The plans a partner user takes part in, while the person's consent holds; each plan
    listed is a read of the person's plan, and logged as one."""
    plans = list(
        IndividualPlan.objects.filter(policies.plans_as_partner(actor))
        .select_related("person")
        .prefetch_related("members", "measures")
        .distinct()
        .order_by("person__family_name", "person__given_name", "pk")
    )
    for plan in plans:
        _log_plan_read(actor, plan)
    return plans


def measure_for(*, actor: Actor, measure_id: object) -> PlanMeasure:
    key = as_uuid(measure_id)
    measure = (
        PlanMeasure.objects.select_related("plan", "plan__person").filter(pk=key).first()
        if key
        else None
    )
    if measure is None or not policies.can_know_person_exists(actor, measure.plan.person):
        raise not_found("tiltaket", "the measure")
    if not policies.can_view_individual_plan(actor, measure.plan):
        raise forbidden() if actor.is_authenticated else policies.not_authenticated()
    return measure


def saved_filters_of(*, actor: Actor) -> QuerySet[SavedFilter]:
    return (
        SavedFilter.objects.filter(owner=actor.user) if actor.user else SavedFilter.objects.none()
    )


def reminder_notes(*, actor: Actor, person: Person) -> QuerySet[ReminderNote]:
    """The actor's own notes about a person: nobody else's."""
    if actor.user is None:
        return ReminderNote.objects.none()
    return ReminderNote.objects.filter(author=actor.user, person=person)


def reminder_note_for(*, actor: Actor, note_id: int) -> ReminderNote:
    note = (
        ReminderNote.objects.filter(pk=note_id, author=actor.user).first() if actor.user else None
    )
    if note is None:
        raise not_found("notatet", "the note")
    return note


def benefit_for(*, actor: Actor, benefit_id: object) -> Benefit:
    key = as_uuid(benefit_id)
    benefit = Benefit.objects.select_related("person").filter(pk=key).first() if key else None
    if benefit is None or not policies.can_know_person_exists(actor, benefit.person):
        raise not_found("ytelsen", "the benefit")
    hidden = benefit.is_municipal and not policies.can_view_municipal_records(actor, benefit.person)
    if hidden or not policies.can_view_person(actor, benefit.person):
        raise forbidden()
    return benefit


def saved_filter_for(*, actor: Actor, filter_id: int) -> SavedFilter:
    saved = (
        SavedFilter.objects.filter(pk=filter_id, owner=actor.user).first() if actor.user else None
    )
    if saved is None:
        raise not_found("filteret", "the filter")
    return saved


def activity_requirements_for(*, actor: Actor, person: Person) -> list[ActivityRequirement]:
    """The person's activity requirement records (Social Services Act § 20 a), the one that
    holds first; refused to whom may not see the municipality's records."""
    if not policies.can_view_activity_requirement(actor, person):
        raise forbidden() if actor.is_authenticated else policies.not_authenticated()
    return list(
        ActivityRequirement.objects.filter(person=person)
        .filter(policies.activity_requirements_visible(actor, "person__"))
        .select_related("recorded_by")
    )


def activity_requirements_shown(
    *, actor: Actor, person: Person
) -> list[ActivityRequirement] | None:
    """The records for the person's page, or None when the actor may not see them."""
    if not policies.can_view_activity_requirement(actor, person):
        return None
    return activity_requirements_for(actor=actor, person=person)
