"""Writes to follow-up: periods, needs assessments, the activity plan and the dialogue.
Each is one transaction with its audit event; activities also keep their own history."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from velferd.access import policies
from velferd.access import selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.roles import PartnerService
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT, forbidden
from velferd.core.validation import MAX_TEXT, invalid, required_text
from velferd.letters import services as letter_services
from velferd.organisation.models import Office
from velferd.people.models import Person

from . import lifecycles
from .locking import lock_person, lock_record
from .models import (
    NAV_SERVICE,
    Activity,
    ActivityChange,
    ActivityComment,
    ActivityKind,
    ActivityStatus,
    AssessmentStatus,
    Benefit,
    BenefitKind,
    FollowUpPeriod,
    IndividualPlan,
    MainGoal,
    Message,
    NeedGroup,
    NeedsAssessment,
    PlanMeasure,
    PlanMember,
    QualificationAssessment,
    QualificationOutcome,
    ReminderNote,
    SavedFilter,
    Thread,
    Waiting,
)


def _require_user(actor: Actor) -> User:
    if actor.user is None:
        raise policies.not_authenticated()
    return actor.user


# Follow-up periods --------------------------------------------------------------------------


def open_period_of(person: Person) -> FollowUpPeriod | None:
    return FollowUpPeriod.objects.filter(person=person, ended_on__isnull=True).first()


@retried_atomic
def period_start(
    *,
    actor: Actor,
    person: Person,
    started_on: datetime.date | None = None,
    caseworker: User | None = None,
) -> FollowUpPeriod:
    """Start following the person up at their office; unassigned unless a caseworker is
    named (the office manager assigns new people)."""
    policies.require(actor, policies.can_follow_up, person)
    if caseworker is not None and caseworker != actor.user:
        policies.require(actor, policies.can_assign_caseworker, person)
    lock_person(person.pk)
    if open_period_of(person) is not None:
        raise invalid(
            "period_already_open",
            None,
            "Personen følges allerede opp.",
            "The person is already being followed up.",
            status=CONFLICT,
        )
    if caseworker is not None:
        _check_caseworker(caseworker, person)
    period = FollowUpPeriod.objects.create(
        person=person,
        office=person.office,
        caseworker=caseworker,
        started_on=started_on or timezone.localdate(),
    )
    audit.record(
        actor=actor,
        action="period.started",
        target=period,
        after=audit.snapshot(period, "person", "office", "caseworker", "started_on"),
    )
    return period


def _check_caseworker(user: User, person: Person) -> None:
    if not access_selectors.holds_role_at_office(user, person.office, policies.CASEWORKERS):
        raise invalid(
            "not_a_caseworker_here",
            "caseworker",
            f"{user} er ikke veileder ved {person.office}.",
            f"{user} is not a caseworker at {person.office}.",
        )


@retried_atomic
def period_assign(
    *, actor: Actor, period: FollowUpPeriod, caseworker: User, version: int
) -> FollowUpPeriod:
    policies.require(actor, policies.can_assign_caseworker, period.person)
    period = lock_record(period, "person")
    period.check_version(version)
    if not period.is_open:
        raise invalid(
            "period_ended",
            None,
            "Oppfølgingen er avsluttet.",
            "The follow-up has ended.",
            status=CONFLICT,
        )
    _check_caseworker(caseworker, period.person)
    before = audit.snapshot(period, "caseworker")
    period.caseworker = caseworker
    period.bump_version()
    period.save()
    audit.record(
        actor=actor,
        action="period.assigned",
        target=period,
        before=before,
        after=audit.snapshot(period, "caseworker"),
    )
    return period


def period_transfer(
    *, actor: Actor, person: Person, from_office: Office, to_office: Office, **_: object
) -> FollowUpPeriod | None:
    """When a person moves to another office's area their open follow-up goes with them,
    unassigned: the new office's manager gives it a caseworker. Runs in the transaction of
    the move (people.signals.person_moved)."""
    period = open_period_of(person)
    if period is not None:
        period = lock_record(period)
    if period is None or period.office_id == to_office.pk:
        return period
    before = audit.snapshot(period, "office", "caseworker")
    period.office = to_office
    period.caseworker = None
    period.bump_version()
    period.save()
    audit.record(
        actor=actor,
        action="period.transferred",
        target=period,
        before=before,
        after=audit.snapshot(period, "office", "caseworker"),
    )
    return period


@retried_atomic
def period_end(
    *,
    actor: Actor,
    period: FollowUpPeriod,
    version: int,
    reason: str,
    ended_on: datetime.date | None = None,
) -> FollowUpPeriod:
    policies.require(actor, policies.can_follow_up, period.person)
    period = lock_record(period, "person")
    period.check_version(version)
    if not period.is_open:
        raise invalid(
            "period_ended",
            None,
            "Oppfølgingen er allerede avsluttet.",
            "The follow-up has already ended.",
            status=CONFLICT,
        )
    day = ended_on or timezone.localdate()
    if day < period.started_on:
        raise invalid(
            "ends_before_start",
            "ended_on",
            "Oppfølgingen kan ikke slutte før den begynte.",
            "The follow-up cannot end before it started.",
        )
    period.ended_on = day
    period.end_reason = required_text(reason, "reason", "Årsaken", "reason", 200)
    period.bump_version()
    period.save()
    audit.record(
        actor=actor,
        action="period.ended",
        target=period,
        after=audit.snapshot(period, "ended_on", "end_reason"),
    )
    return period


# Needs assessments (§14a) -------------------------------------------------------------------

ASSESSMENT_FIELDS = ("need_group", "main_goal", "reasoning", "evidence", "status")


def _check_assessment_values(need_group: str, main_goal: str) -> None:
    if need_group not in NeedGroup.values:
        raise invalid(
            "unknown_need_group", "need_group", "Ukjent innsatsgruppe.", "Unknown need group."
        )
    if main_goal not in MainGoal.values:
        raise invalid("unknown_main_goal", "main_goal", "Ukjent hovedmål.", "Unknown main goal.")


@retried_atomic
def assessment_create(
    *,
    actor: Actor,
    person: Person,
    need_group: str,
    main_goal: str,
    reasoning: str,
    evidence: str = "",
) -> NeedsAssessment:
    policies.require(actor, policies.can_follow_up, person)
    lock_person(person.pk)
    period = open_period_of(person)
    if period is None:
        raise invalid(
            "no_open_period",
            None,
            "Start oppfølging før du vurderer bistandsbehovet.",
            "Start the follow-up before assessing the needs.",
            status=CONFLICT,
        )
    _check_assessment_values(need_group, main_goal)
    assessment = NeedsAssessment.objects.create(
        person=person,
        period=period,
        need_group=need_group,
        main_goal=main_goal,
        reasoning=required_text(reasoning, "reasoning", "Begrunnelsen", "reasoning"),
        evidence=(evidence or "").strip()[:MAX_TEXT],
        author=_require_user(actor),
    )
    audit.record(
        actor=actor,
        action="assessment.created",
        target=assessment,
        after=audit.snapshot(assessment, *ASSESSMENT_FIELDS),
    )
    return assessment


def _locked_assessment(assessment: NeedsAssessment, version: int) -> NeedsAssessment:
    locked = lock_record(assessment, "person")
    locked.check_version(version)
    return locked


def _move(assessment: NeedsAssessment, target: str) -> None:
    lifecycles.require_transition(
        lifecycles.ASSESSMENT, AssessmentStatus, assessment.status, target
    )
    assessment.status = target


@retried_atomic
def assessment_update(
    *, actor: Actor, assessment: NeedsAssessment, version: int, **changes: Any
) -> NeedsAssessment:
    """Edit a draft, a returned or an approved assessment; an approved one goes back to draft
    and must be approved again."""
    policies.require(actor, policies.can_follow_up, assessment.person)
    assessment = _locked_assessment(assessment, version)
    if assessment.status in (AssessmentStatus.SENT, AssessmentStatus.AWAITING_APPROVAL):
        raise invalid(
            "assessment_locked",
            None,
            "Vurderingen kan ikke endres nå.",
            "The assessment cannot be changed now.",
            status=CONFLICT,
        )
    before = audit.snapshot(assessment, *ASSESSMENT_FIELDS)
    _check_assessment_values(
        changes.get("need_group", assessment.need_group),
        changes.get("main_goal", assessment.main_goal),
    )
    for field in ("need_group", "main_goal"):
        if field in changes:
            setattr(assessment, field, changes[field])
    if "reasoning" in changes:
        assessment.reasoning = required_text(
            changes["reasoning"], "reasoning", "Begrunnelsen", "reasoning"
        )
    if "evidence" in changes:
        assessment.evidence = (changes["evidence"] or "").strip()[:MAX_TEXT]
    if assessment.status == AssessmentStatus.APPROVED:
        _move(assessment, AssessmentStatus.DRAFT)
        assessment.approver = None
    assessment.bump_version()
    assessment.save()
    audit.record(
        actor=actor,
        action="assessment.updated",
        target=assessment,
        before=before,
        after=audit.snapshot(assessment, *ASSESSMENT_FIELDS),
    )
    return assessment


@retried_atomic
def assessment_submit(
    *, actor: Actor, assessment: NeedsAssessment, version: int
) -> NeedsAssessment:
    """Send a permanent-group assessment to an approver."""
    policies.require(actor, policies.can_follow_up, assessment.person)
    assessment = _locked_assessment(assessment, version)
    if not assessment.needs_approval:
        raise invalid(
            "approval_not_needed",
            "need_group",
            "Bare varig og gradert varig tilpasset innsats skal til beslutter.",
            "Only the permanent groups go to an approver.",
        )
    _move(assessment, AssessmentStatus.AWAITING_APPROVAL)
    assessment.bump_version()
    assessment.save()
    audit.record(
        actor=actor,
        action="assessment.submitted",
        target=assessment,
        after={"status": assessment.status},
    )
    return assessment


@retried_atomic
def assessment_approve(
    *, actor: Actor, assessment: NeedsAssessment, version: int
) -> NeedsAssessment:
    _refuse_own_approval(actor, assessment)
    policies.require(actor, policies.can_approve_assessment, assessment)
    assessment = _locked_assessment(assessment, version)
    _move(assessment, AssessmentStatus.APPROVED)
    assessment.approver = _require_user(actor)
    assessment.approver_comment = ""
    assessment.bump_version()
    assessment.save()
    audit.record(
        actor=actor,
        action="assessment.approved",
        target=assessment,
        after={"status": assessment.status},
    )
    return assessment


@retried_atomic
def assessment_return(
    *, actor: Actor, assessment: NeedsAssessment, version: int, comment: str
) -> NeedsAssessment:
    _refuse_own_approval(actor, assessment)
    policies.require(actor, policies.can_approve_assessment, assessment)
    assessment = _locked_assessment(assessment, version)
    _move(assessment, AssessmentStatus.RETURNED)
    assessment.approver_comment = required_text(comment, "comment", "Kommentaren", "comment")
    assessment.bump_version()
    assessment.save()
    audit.record(
        actor=actor,
        action="assessment.returned",
        target=assessment,
        after={"status": assessment.status, "comment": assessment.approver_comment},
    )
    return assessment


def _refuse_own_approval(actor: Actor, assessment: NeedsAssessment) -> None:
    if actor.user is not None and assessment.author_id == actor.user.pk:
        raise invalid(
            "own_assessment",
            None,
            "Du kan ikke være beslutter for din egen vurdering.",
            "You cannot approve your own assessment.",
            status=403,
        )


@retried_atomic
def assessment_send(*, actor: Actor, assessment: NeedsAssessment, version: int) -> NeedsAssessment:
    """Send the decision: a permanent group only once approved. Sending writes the
    decision letter."""
    policies.require(actor, policies.can_follow_up, assessment.person)
    assessment = _locked_assessment(assessment, version)
    unapproved = assessment.status not in (AssessmentStatus.APPROVED, AssessmentStatus.SENT)
    if assessment.needs_approval and unapproved:
        raise invalid(
            "approval_required",
            "status",
            "Vedtak om varig eller gradert varig tilpasset innsats må godkjennes av "
            "en beslutter før det sendes.",
            "A decision on a permanent group must be approved before it is sent.",
            status=CONFLICT,
        )
    _move(assessment, AssessmentStatus.SENT)
    assessment.sent_at = timezone.now()
    assessment.letter = letter_services.decision_letter_send(actor=actor, assessment=assessment)
    assessment.bump_version()
    assessment.save()
    audit.record(
        actor=actor,
        action="assessment.sent",
        target=assessment,
        after={"status": assessment.status, "letter": str(assessment.letter.pk)},
    )
    return assessment


# The activity plan --------------------------------------------------------------------------

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
SKIPS_PLANNING = {ActivityStatus.IN_PROGRESS, ActivityStatus.COMPLETED}
PERSON_MAY_MOVE_TO = {
    ActivityStatus.IN_PROGRESS,
    ActivityStatus.COMPLETED,
    ActivityStatus.CANCELLED,
}


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
    if by_person and agreed_with_office:
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
        created_by=_require_user(actor),
    )
    _record_change(
        actor, activity, "created", None, audit.snapshot(activity, *ACTIVITY_FIELDS), by_person
    )
    return activity


def _locked_activity(actor: Actor, activity: Activity, version: int) -> Activity:
    locked = lock_record(activity, "person")
    locked.check_version(version)
    if locked.is_locked:
        raise invalid(
            "activity_locked",
            None,
            "Fullførte og avbrutte aktiviteter kan ikke endres.",
            "Completed and cancelled activities cannot be changed.",
            status=CONFLICT,
        )
    return locked


def _person_may_edit(activity: Activity) -> bool:
    return activity.proposed_by_person and not activity.agreed_with_office


@retried_atomic
def activity_update(*, actor: Actor, activity: Activity, version: int, **changes: Any) -> Activity:
    policies.require(actor, policies.can_take_part_in_plan, activity.person)
    activity = _locked_activity(actor, activity, version)
    by_person = policies.is_the_person(actor, activity.person)
    if by_person and ("agreed_with_office" in changes or not _person_may_edit(activity)):
        raise invalid(
            "only_office_changes",
            None,
            "Denne aktiviteten kan bare NAV endre. Skriv en kommentar i stedet.",
            "Only the office can change this activity. Write a comment instead.",
            status=403,
        )
    before = audit.snapshot(activity, *ACTIVITY_FIELDS)
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
    activity.bump_version()
    activity.save()
    after = audit.snapshot(activity, *ACTIVITY_FIELDS)
    _record_change(actor, activity, "updated", before, after, by_person)
    return activity


@retried_atomic
def activity_transition(*, actor: Actor, activity: Activity, status: str, version: int) -> Activity:
    """Move an activity along its lifecycle. The person moves only their own activities, and
    only to in progress, completed or cancelled."""
    policies.require(actor, policies.can_take_part_in_plan, activity.person)
    activity = _locked_activity(actor, activity, version)
    if status not in ActivityStatus.values:
        raise invalid("unknown_status", "status", "Ukjent status.", "Unknown status.")
    by_person = policies.is_the_person(actor, activity.person)
    if by_person and (not _person_may_edit(activity) or status not in PERSON_MAY_MOVE_TO):
        raise forbidden()
    steps = [status]
    if by_person and activity.status == ActivityStatus.PROPOSED and status in SKIPS_PLANNING:
        # The person plans their own proposal in the same move as starting or finishing it.
        steps = [ActivityStatus.PLANNED, status]
    current = activity.status
    for step in steps:
        lifecycles.require_transition(lifecycles.ACTIVITY, ActivityStatus, current, step)
        current = step
    before = {"status": activity.status}
    activity.status = status
    activity.bump_version()
    activity.save()
    _record_change(actor, activity, "status_changed", before, {"status": status}, by_person)
    return activity


@retried_atomic
def activity_comment(*, actor: Actor, activity: Activity, text: str) -> ActivityComment:
    """Both the person and the office comment on any activity, locked ones too."""
    policies.require(actor, policies.can_take_part_in_plan, activity.person)
    by_person = policies.is_the_person(actor, activity.person)
    lock_person(activity.person_id)
    comment = ActivityComment.objects.create(
        activity=activity,
        author=_require_user(actor),
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


# Dialogue -----------------------------------------------------------------------------------


def _after_message(thread: Thread, from_office: bool, wait_for_reply: bool) -> None:
    thread.last_message_at = timezone.now()
    if from_office:
        thread.read_by_person = False
        thread.read_by_office = True
        thread.waiting_for = Waiting.PERSON if wait_for_reply else Waiting.NOBODY
    else:
        thread.read_by_office = False
        thread.read_by_person = True
        thread.waiting_for = Waiting.OFFICE


def _message(actor: Actor, thread: Thread, text: str, from_office: bool) -> Message:
    return Message.objects.create(
        thread=thread,
        author=_require_user(actor),
        author_label=actor.label,
        from_office=from_office,
        text=required_text(text, "text", "Meldingen", "message", 4000),
        sent_at=timezone.now(),
    )


@retried_atomic
def thread_start(
    *,
    actor: Actor,
    person: Person,
    subject: str,
    text: str,
    activity: Activity | None = None,
    wait_for_reply: bool = False,
) -> Thread:
    policies.require(actor, policies.can_take_part_in_plan, person)
    if activity is not None and activity.person_id != person.pk:
        raise invalid(
            "activity_of_someone_else",
            "activity",
            "Aktiviteten hører ikke til denne personen.",
            "The activity does not belong to this person.",
        )
    from_office = not policies.is_the_person(actor, person)
    lock_person(person.pk)
    thread = Thread(
        person=person,
        activity=activity,
        subject=required_text(subject, "subject", "Emnet", "subject", 200),
    )
    _after_message(thread, from_office, wait_for_reply)
    thread.save()
    _message(actor, thread, text, from_office)
    audit.record(
        actor=actor,
        action="thread.started",
        target=thread,
        after={"subject": thread.subject, "from_office": from_office},
    )
    return thread


@retried_atomic
def message_send(
    *, actor: Actor, thread: Thread, text: str, wait_for_reply: bool = False
) -> Message:
    policies.require(actor, policies.can_take_part_in_plan, thread.person)
    thread = lock_record(thread, "person")
    from_office = not policies.is_the_person(actor, thread.person)
    message = _message(actor, thread, text, from_office)
    _after_message(thread, from_office, wait_for_reply)
    thread.save()
    audit.record(
        actor=actor,
        action="message.sent",
        target=thread,
        after={
            "message": message.pk,
            "from_office": from_office,
            "waiting_for": thread.waiting_for,
        },
    )
    return message


@retried_atomic
def thread_mark_read(*, actor: Actor, thread: Thread) -> Thread:
    """The reader's side of the thread is read."""
    policies.require(actor, policies.can_take_part_in_plan, thread.person)
    thread = lock_record(thread, "person")
    field = "read_by_person" if policies.is_the_person(actor, thread.person) else "read_by_office"
    if not getattr(thread, field):
        setattr(thread, field, True)
        thread.save(update_fields=[field, "updated_at"])
        audit.record(actor=actor, action="thread.read", target=thread, after={field: True})
    return thread


@retried_atomic
def thread_set_waiting(*, actor: Actor, thread: Thread, waiting_for: str) -> Thread:
    """The office marks whom the thread waits for."""
    policies.require(actor, policies.can_follow_up, thread.person)
    if waiting_for not in Waiting.values:
        raise invalid("unknown_waiting", "waiting_for", "Ukjent verdi.", "Unknown value.")
    thread = lock_record(thread, "person")
    before = {"waiting_for": thread.waiting_for}
    thread.waiting_for = waiting_for
    thread.save(update_fields=["waiting_for", "updated_at"])
    audit.record(
        actor=actor,
        action="thread.waiting_changed",
        target=thread,
        before=before,
        after={"waiting_for": waiting_for},
    )
    return thread


# Coordination --------------------------------------------------------------------------------

PLAN_SERVICES = frozenset({NAV_SERVICE, *PartnerService.values} - {PartnerService.NAV_STATE})


# Benefits -----------------------------------------------------------------------------------


def _require_benefit_access(actor: Actor, person: Person, kind: str) -> None:
    policies.require(actor, policies.can_follow_up, person)
    if kind in (BenefitKind.FINANCIAL_ASSISTANCE, BenefitKind.QUALIFICATION_BENEFIT) and not (
        policies.can_view_municipal_records(actor, person)
    ):
        raise forbidden()


@retried_atomic
def benefit_record(
    *,
    actor: Actor,
    person: Person,
    kind: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    degree: int | None = None,
) -> Benefit:
    """Record a benefit period. Municipal benefits only by those who may see them."""
    if kind not in BenefitKind.values:
        raise invalid("unknown_benefit", "kind", "Ukjent ytelse.", "Unknown benefit.")
    _require_benefit_access(actor, person, kind)
    if ends_on is not None and ends_on < starts_on:
        raise invalid(
            "ends_before_start",
            "ends_on",
            "Perioden kan ikke slutte før den begynner.",
            "The period cannot end before it starts.",
        )
    if kind == BenefitKind.DISABILITY_BENEFIT:
        if degree is None or not 1 <= degree <= 100:
            raise invalid(
                "degree_required",
                "degree",
                "Uføregraden må være mellom 1 og 100 prosent.",
                "The degree of disability must be between 1 and 100 per cent.",
            )
    elif degree is not None:
        raise invalid(
            "degree_not_applicable",
            "degree",
            "Bare uføretrygd har en grad.",
            "Only disability benefit has a degree.",
        )
    lock_person(person.pk)
    benefit = Benefit.objects.create(
        person=person, kind=kind, starts_on=starts_on, ends_on=ends_on, degree=degree
    )
    audit.record(
        actor=actor,
        action="benefit.recorded",
        target=benefit,
        after=audit.snapshot(benefit, "kind", "starts_on", "ends_on", "degree"),
    )
    return benefit


@retried_atomic
def benefit_end(*, actor: Actor, benefit: Benefit, ends_on: datetime.date) -> Benefit:
    _require_benefit_access(actor, benefit.person, benefit.kind)
    benefit = lock_record(benefit, "person")
    if ends_on < benefit.starts_on:
        raise invalid(
            "ends_before_start",
            "ends_on",
            "Perioden kan ikke slutte før den begynner.",
            "The period cannot end before it starts.",
        )
    before = {"ends_on": benefit.ends_on}
    benefit.ends_on = ends_on
    benefit.save(update_fields=["ends_on", "updated_at"])
    audit.record(
        actor=actor,
        action="benefit.ended",
        target=benefit,
        before=before,
        after={"ends_on": ends_on},
    )
    return benefit


@retried_atomic
def qualification_assessment_record(
    *,
    actor: Actor,
    person: Person,
    outcome: str,
    assessed_on: datetime.date | None = None,
    note: str = "",
) -> QualificationAssessment:
    """The qualification programme is the municipality's: its caseworkers record that a
    person was assessed for it."""
    policies.require(actor, policies.can_follow_up, person)
    if person.office_id not in actor.office_ids("caseworker_municipal"):
        # Seeing the municipality's records (with consent) is not running its programme.
        raise forbidden()
    if outcome not in QualificationOutcome.values:
        raise invalid("unknown_outcome", "outcome", "Ukjent utfall.", "Unknown outcome.")
    lock_person(person.pk)
    assessment = QualificationAssessment.objects.create(
        person=person,
        outcome=outcome,
        assessed_on=assessed_on or timezone.localdate(),
        note=(note or "").strip()[:2000],
    )
    audit.record(
        actor=actor,
        action="qualification.assessed",
        target=assessment,
        after={"outcome": outcome, "assessed_on": assessment.assessed_on},
    )
    return assessment


# Individual plans -----------------------------------------------------------------------------


def _check_service(service: str, field: str) -> str:
    if service not in PLAN_SERVICES:
        raise invalid(
            "unknown_service", field, f"Ukjent tjeneste: {service}.", f"Unknown service: {service}."
        )
    return service


@retried_atomic
def individual_plan_create(
    *,
    actor: Actor,
    person: Person,
    coordinator: str,
    members: Sequence[str] = (),
    goals: str = "",
) -> IndividualPlan:
    """Set up the person's individual plan with its member services and exactly one
    coordinator, who may come from any member service."""
    policies.require(actor, policies.can_follow_up, person)
    lock_person(person.pk)
    if IndividualPlan.objects.filter(person=person).exists():
        raise invalid(
            "plan_exists",
            None,
            "Personen har allerede en individuell plan.",
            "The person already has an individual plan.",
            status=CONFLICT,
        )
    services = list(
        dict.fromkeys(
            [
                _check_service(coordinator, "coordinator"),
                *[_check_service(s, "members") for s in members],
            ]
        )
    )
    plan = IndividualPlan.objects.create(person=person, goals=(goals or "").strip()[:5000])
    for service in services:
        PlanMember.objects.create(plan=plan, service=service, is_coordinator=service == coordinator)
    audit.record(
        actor=actor,
        action="individual_plan.created",
        target=plan,
        after={"members": services, "coordinator": coordinator},
    )
    return plan


def _locked_plan(
    actor: Actor, plan: IndividualPlan, policy: policies.Policy, version: int | None = None
) -> IndividualPlan:
    policies.require(actor, policy, plan)
    locked = lock_record(plan, "person")
    if version is not None:
        locked.check_version(version)
    return locked


@retried_atomic
def plan_member_add(
    *, actor: Actor, plan: IndividualPlan, service: str, contact_name: str = ""
) -> PlanMember:
    plan = _locked_plan(actor, plan, policies.can_manage_plan_members)
    _check_service(service, "service")
    if plan.members.filter(service=service).exists():
        raise invalid(
            "already_member",
            "service",
            "Tjenesten er allerede med i planen.",
            "The service already takes part in the plan.",
            status=CONFLICT,
        )
    member = PlanMember.objects.create(
        plan=plan, service=service, contact_name=(contact_name or "").strip()[:200]
    )
    audit.record(
        actor=actor, action="individual_plan.member_added", target=plan, after={"service": service}
    )
    return member


@retried_atomic
def plan_member_remove(*, actor: Actor, plan: IndividualPlan, service: str) -> None:
    plan = _locked_plan(actor, plan, policies.can_manage_plan_members)
    member = plan.members.filter(service=service).first()
    if member is None:
        raise invalid(
            "not_a_member",
            "service",
            "Tjenesten er ikke med i planen.",
            "The service does not take part in the plan.",
            status=404,
        )
    if member.is_coordinator:
        raise invalid(
            "coordinator_cannot_leave",
            "service",
            "Velg en annen koordinator før koordinatorens tjeneste går ut av planen.",
            "Choose another coordinator before the coordinator's service leaves.",
            status=CONFLICT,
        )
    member.delete()
    audit.record(
        actor=actor,
        action="individual_plan.member_removed",
        target=plan,
        before={"service": service},
    )


@retried_atomic
def plan_set_coordinator(
    *, actor: Actor, plan: IndividualPlan, service: str, version: int
) -> IndividualPlan:
    """Make a member service the coordinator; there is always exactly one."""
    plan = _locked_plan(actor, plan, policies.can_manage_plan_members, version)
    member = plan.members.filter(service=service).first()
    if member is None:
        raise invalid(
            "not_a_member",
            "coordinator",
            "Koordinatoren må komme fra en tjeneste som er med i planen.",
            "The coordinator must come from a service in the plan.",
        )
    before = {
        "coordinator": plan.members.filter(is_coordinator=True)
        .values_list("service", flat=True)
        .first()
    }
    plan.members.filter(is_coordinator=True).update(is_coordinator=False)
    member.is_coordinator = True
    member.save(update_fields=["is_coordinator"])
    plan.bump_version()
    plan.save()
    audit.record(
        actor=actor,
        action="individual_plan.coordinator_set",
        target=plan,
        before=before,
        after={"coordinator": service},
    )
    return plan


@retried_atomic
def plan_goals_update(
    *, actor: Actor, plan: IndividualPlan, goals: str, version: int
) -> IndividualPlan:
    plan = _locked_plan(actor, plan, policies.can_change_individual_plan, version)
    before = {"goals": plan.goals}
    plan.goals = (goals or "").strip()[:5000]
    plan.bump_version()
    plan.save()
    audit.record(
        actor=actor,
        action="individual_plan.goals_updated",
        target=plan,
        before=before,
        after={"goals": plan.goals},
    )
    return plan


@retried_atomic
def plan_measure_add(
    *,
    actor: Actor,
    plan: IndividualPlan,
    text: str,
    responsible_service: str,
    deadline: datetime.date,
) -> PlanMeasure:
    """A measure with the member service responsible for it and a deadline."""
    plan = _locked_plan(actor, plan, policies.can_change_individual_plan)
    text = (text or "").strip()
    if not text:
        raise invalid("text_required", "text", "Tiltaket må beskrives.", "Describe the measure.")
    if not plan.members.filter(service=responsible_service).exists():
        raise invalid(
            "not_a_member",
            "responsible_service",
            "Den ansvarlige tjenesten må være med i planen.",
            "The responsible service must take part in the plan.",
        )
    measure = PlanMeasure.objects.create(
        plan=plan, text=text[:500], responsible_service=responsible_service, deadline=deadline
    )
    audit.record(
        actor=actor,
        action="individual_plan.measure_added",
        target=plan,
        after={
            "measure": str(measure.pk),
            "responsible": responsible_service,
            "deadline": deadline,
        },
    )
    return measure


@retried_atomic
def plan_measure_done(
    *, actor: Actor, measure: PlanMeasure, done_on: datetime.date | None = None
) -> PlanMeasure:
    _locked_plan(actor, measure.plan, policies.can_change_individual_plan)
    measure = PlanMeasure.objects.select_for_update(of=("self",), no_key=True).get(pk=measure.pk)
    if measure.done_on is not None:
        raise invalid(
            "already_done",
            None,
            "Tiltaket er allerede gjennomført.",
            "The measure is already done.",
            status=CONFLICT,
        )
    measure.done_on = done_on or timezone.localdate()
    measure.save(update_fields=["done_on", "updated_at"])
    audit.record(
        actor=actor,
        action="individual_plan.measure_done",
        target=measure.plan,
        after={"measure": str(measure.pk), "done_on": measure.done_on},
    )
    return measure


# Saved filters and reminder notes ------------------------------------------------------------


@retried_atomic
def saved_filter_save(*, actor: Actor, name: str, query: str) -> SavedFilter:
    owner = _require_user(actor)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise invalid(
            "invalid_name",
            "name",
            "Gi filteret et navn på 1–100 tegn.",
            "Give the filter a name of 1–100 characters.",
        )
    saved, _ = SavedFilter.objects.update_or_create(
        owner=owner, name=name, defaults={"query": query[:1000]}
    )
    audit.record(
        actor=actor,
        action="saved_filter.saved",
        target=saved,
        after={"name": name, "query": saved.query},
    )
    return saved


@retried_atomic
def saved_filter_delete(*, actor: Actor, saved: SavedFilter) -> None:
    if saved.owner_id != _require_user(actor).pk:
        raise forbidden()
    audit.record(
        actor=actor, action="saved_filter.deleted", target=saved, before={"name": saved.name}
    )
    saved.delete()


@retried_atomic
def reminder_note_add(
    *, actor: Actor, person: Person, text: str, remind_on: datetime.date | None = None
) -> ReminderNote:
    """A private note about a person, for the caseworker who writes it."""
    policies.require(actor, policies.can_follow_up, person)
    text = (text or "").strip()
    if not text:
        raise invalid("text_required", "text", "Notatet er tomt.", "The note is empty.")
    lock_person(person.pk)
    note = ReminderNote.objects.create(
        author=_require_user(actor), person=person, text=text[:1000], remind_on=remind_on
    )
    audit.record(
        actor=actor,
        action="reminder_note.added",
        target=note,
        after={"person": str(person.pk), "remind_on": remind_on},
    )
    return note


@retried_atomic
def reminder_note_delete(*, actor: Actor, note: ReminderNote) -> None:
    if note.author_id != _require_user(actor).pk:
        raise forbidden()
    lock_person(note.person_id)
    audit.record(
        actor=actor,
        action="reminder_note.deleted",
        target=note,
        before={"person": str(note.person_id)},
    )
    note.delete()
