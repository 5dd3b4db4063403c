"""Work-oriented follow-up: the follow-up period, the needs assessment (§14a), the activity
plan shared by the person and the office, and the dialogue between them."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.access.roles import PartnerService
from velferd.core.models import TimestampedModel, VersionedModel


class FollowUpPeriod(VersionedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="periods")
    office = models.ForeignKey("organisation.Office", on_delete=models.PROTECT, related_name="+")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="followed_periods",
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-started_on"]
        indexes = [
            models.Index(fields=["office", "ended_on"]),
            models.Index(fields=["caseworker", "ended_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ended_on__isnull=True),
                name="one_open_period_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"Follow-up from {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class NeedGroup(models.TextChoices):
    STANDARD = "standard", _("Standard needs")
    SITUATION_SPECIFIC = "situation_specific", _("Situation-specific needs")
    SPECIALLY_ADAPTED = "specially_adapted", _("Specially adapted needs")
    PARTIALLY_PERMANENT = "partially_permanent", _("Partially permanent adaptation")
    PERMANENT = "permanent", _("Permanent adaptation")


PERMANENT_GROUPS = frozenset({NeedGroup.PARTIALLY_PERMANENT, NeedGroup.PERMANENT})


class MainGoal(models.TextChoices):
    GET_WORK = "get_work", _("Get work")
    KEEP_WORK = "keep_work", _("Keep work")
    INCREASE_PARTICIPATION = "increase_participation", _("Increase participation")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    RETURNED = "returned", _("Returned by the approver")
    APPROVED = "approved", _("Approved")
    SENT = "sent", _("Sent")


class NeedsAssessment(VersionedModel):
    """The §14a decision: which need group the person is in and the main goal, with the
    reasoning and the evidence. The permanent groups need a second approver."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="assessments"
    )
    period = models.ForeignKey(FollowUpPeriod, on_delete=models.PROTECT, related_name="+")
    need_group = models.CharField(max_length=32, choices=NeedGroup.choices)
    main_goal = models.CharField(max_length=32, choices=MainGoal.choices)
    reasoning = models.TextField()
    evidence = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approver_comment = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    letter = models.OneToOneField(
        "letters.Letter", null=True, blank=True, on_delete=models.PROTECT, related_name="assessment"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return f"{self.get_need_group_display()} ({self.get_status_display()})"

    @property
    def needs_approval(self) -> bool:
        return self.need_group in PERMANENT_GROUPS


class ActivityKind(models.TextChoices):
    OWN_ACTIVITY = "own_activity", _("Own activity")
    JOB_APPLICATION = "job_application", _("Job application")
    JOB_FROM_OFFICE = "job_from_office", _("Job suggested by NAV")
    TREATMENT = "treatment", _("Treatment")
    MEETING = "meeting", _("Meeting with NAV")
    MEETING_NOTES = "meeting_notes", _("Meeting notes")
    SCHEME = "scheme", _("Scheme participation")
    EDUCATION = "education", _("Education")
    WORK_TRIAL = "work_trial", _("Work trial")


class ActivityStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Activity(VersionedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(max_length=24, choices=ActivityKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=ActivityStatus.choices)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    meeting_at = models.DateTimeField(null=True, blank=True)
    agreed_with_office = models.BooleanField(default=False)
    proposed_by_person = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["ends_on", "created_at"]
        indexes = [
            models.Index(fields=["person", "status"]),
            # The portfolio's "meetings today", read from the index alone.
            models.Index(
                fields=["meeting_at"],
                include=["person", "status"],
                condition=models.Q(kind="meeting"),
                name="activity_meetings",
            ),
        ]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.title

    @property
    def is_locked(self) -> bool:
        return self.status in (ActivityStatus.COMPLETED, ActivityStatus.CANCELLED)


class ActivityChange(models.Model):
    """One change to an activity: who, what, when. The plan's history."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField()
    changed_by_label = models.CharField(max_length=300)
    by_person = models.BooleanField(default=False)
    what = models.CharField(max_length=40)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.what} by {self.changed_by_label}"

    @property
    def description(self) -> str:
        """The change in words, for the plan's history."""
        status = (self.after or {}).get("status")
        if self.what == "created":
            return str(_("created the activity"))
        if self.what == "status_changed" and status in ActivityStatus.values:
            label = ActivityStatus(status).label
            return str(_("changed the status to “%(status)s”") % {"status": label})
        return str(_("changed the activity"))


class ActivityComment(TimestampedModel):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    by_person = models.BooleanField(default=False)
    text = models.TextField()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:50]


class Waiting(models.TextChoices):
    NOBODY = "nobody", _("Nobody")
    PERSON = "person", _("Waiting for the person")
    OFFICE = "office", _("Waiting for the office")


class Thread(TimestampedModel):
    """A dialogue between the person and the office, optionally about an activity."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="threads")
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="threads"
    )
    subject = models.CharField(max_length=200)
    waiting_for = models.CharField(max_length=10, choices=Waiting.choices, default=Waiting.NOBODY)
    read_by_person = models.BooleanField(default=True)
    read_by_office = models.BooleanField(default=True)
    last_message_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_message_at"]
        indexes = [models.Index(fields=["person", "-last_message_at"])]

    def __str__(self) -> str:
        return self.subject


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_label = models.CharField(max_length=300)
    from_office = models.BooleanField()
    text = models.TextField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["sent_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]


# Benefits on record ---------------------------------------------------------------------------


class BenefitKind(models.TextChoices):
    SICKNESS_BENEFIT = "sickness_benefit", _("Sickness benefit")
    WORK_ASSESSMENT_ALLOWANCE = "work_assessment_allowance", _("Work assessment allowance")
    DISABILITY_BENEFIT = "disability_benefit", _("Disability benefit")
    UNEMPLOYMENT_BENEFIT = "unemployment_benefit", _("Unemployment benefit")
    FINANCIAL_ASSISTANCE = "financial_assistance", _("Financial assistance")
    QUALIFICATION_BENEFIT = "qualification_benefit", _("Qualification benefit")
    INTRODUCTION_BENEFIT = "introduction_benefit", _("Introduction benefit")
    TRANSITIONAL_BENEFIT = "transitional_benefit", _("Transitional benefit for single parents")


# The social services' records belong to the municipality (Social Services Act): the benefits
# that are the municipality's. Everything that tells them apart uses this set.
MUNICIPAL_BENEFITS = frozenset(
    {BenefitKind.FINANCIAL_ASSISTANCE, BenefitKind.QUALIFICATION_BENEFIT}
)


class Benefit(TimestampedModel):
    """A benefit period on record, for follow-up (no payments are calculated here)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="benefits")
    kind = models.CharField(max_length=32, choices=BenefitKind.choices)
    degree = models.PositiveSmallIntegerField(null=True, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["person", "kind", "ends_on"])]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def is_municipal(self) -> bool:
        return self.kind in MUNICIPAL_BENEFITS

    def runs_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class QualificationOutcome(models.TextChoices):
    OFFERED = "offered", _("Offered the programme")
    NOT_ENTITLED = "not_entitled", _("Not entitled")
    DECLINED = "declined", _("Declined")


class QualificationAssessment(TimestampedModel):
    """That the person was assessed for the qualification programme, and the outcome."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="qualification_assessments"
    )
    assessed_on = models.DateField()
    outcome = models.CharField(max_length=16, choices=QualificationOutcome.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-assessed_on"]

    def __str__(self) -> str:
        return f"{self.assessed_on}: {self.get_outcome_display()}"


# Individual plans across services ---------------------------------------------------------------


class IndividualPlan(VersionedModel):
    """The coordinated plan across services (individuell plan): members, one coordinator,
    goals and measures."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="individual_plan"
    )
    goals = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Individual plan for {self.person}"


NAV_SERVICE = "nav"
# The services that take part in individual plans: NAV itself and the partner services (the
# consent that opens the municipal records to NAV's state side is no service of a plan).
PLAN_SERVICES = frozenset({NAV_SERVICE, *PartnerService.values} - {PartnerService.NAV_STATE})


class PlanMember(models.Model):
    """A service taking part in the plan: NAV itself or a partner service."""

    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="members")
    service = models.CharField(max_length=32)
    contact_name = models.CharField(max_length=200, blank=True)
    is_coordinator = models.BooleanField(default=False)

    class Meta:
        ordering = ["-is_coordinator", "service"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "service"], name="one_member_per_service"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(is_coordinator=True),
                name="one_coordinator_per_plan",
            ),
        ]

    def __str__(self) -> str:
        return self.service


class PlanMeasure(TimestampedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="measures")
    text = models.CharField(max_length=500)
    responsible_service = models.CharField(max_length=32)
    deadline = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["deadline"]
        indexes = [models.Index(fields=["plan", "done_on", "deadline"])]

    def __str__(self) -> str:
        return self.text

    def is_overdue_on(self, day: datetime.date) -> bool:
        return self.done_on is None and self.deadline < day


# The caseworker's own tools -----------------------------------------------------------------------


class SavedFilter(TimestampedModel):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters"
    )
    name = models.CharField(max_length=100)
    query = models.CharField(max_length=1000)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_filter_name_per_owner")
        ]

    def __str__(self) -> str:
        return self.name


class ReminderNote(TimestampedModel):
    """A caseworker's private note about a person: seen by its author only."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=1000)
    remind_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["remind_on", "-created_at"]
        indexes = [models.Index(fields=["author", "person"])]

    def __str__(self) -> str:
        # Never the text: the label reaches the audit trail, and the note is private.
        return f"Reminder note {self.pk}"


# Open-ended periods are kept as the last day there is, so that "until >= today" holds.
OPEN_ENDED = datetime.date.max


class PortfolioState(models.Model):
    """The facts behind the portfolio's flags for one open follow-up period, kept up to date
    in the same transaction as the records they come from (portfolio_state.py), so that an
    office's portfolio is one read of its own rows however many people it follows up.

    What depends on the day is kept as dates and decided when the portfolio is read:
    `next_deadline` < today is an overdue activity, `agreed_open_until` >= today an agreed
    activity running, and so on. A benefit or consent is kept as the stretch of back-to-back
    periods that holds today (or the next one); `stale_after` is the day after which a later
    stretch takes over, when the nightly refresh rewrites the row."""

    period = models.OneToOneField(
        FollowUpPeriod, primary_key=True, on_delete=models.CASCADE, related_name="state"
    )
    office = models.ForeignKey(
        "organisation.Office", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="+")
    person_office = models.ForeignKey(
        "organisation.Office", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    started_on = models.DateField()
    family_name = models.CharField(max_length=100)
    given_name = models.CharField(max_length=100)
    birth_date = models.DateField()
    needs_interpreter = models.BooleanField()
    strictly_confidential = models.BooleanField()
    office_employee = models.BooleanField()
    need_group = models.CharField(max_length=32, blank=True)
    main_goal = models.CharField(max_length=32, blank=True)
    waiting_for_office = models.BooleanField()
    waiting_for_person = models.BooleanField()
    next_deadline = models.DateField(null=True)
    agreed_open_until = models.DateField(null=True)
    youngest_child_born = models.DateField(null=True)
    financial_assistance_from = models.DateField(null=True)
    financial_assistance_until = models.DateField(null=True)
    nav_state_consent_from = models.DateField(null=True)
    nav_state_consent_until = models.DateField(null=True)
    qualification_assessed = models.BooleanField()
    plan_overdue_from = models.DateField(null=True)
    stale_after = models.DateField(null=True)

    class Meta:
        indexes = [
            # Every column the counts, filters and sorts use, so that an office's rows are
            # read from the index alone (PostgreSQL; elsewhere a plain index on office).
            models.Index(
                fields=["office"],
                include=[
                    "period",
                    "person",
                    "person_office",
                    "caseworker",
                    "started_on",
                    "family_name",
                    "given_name",
                    "birth_date",
                    "needs_interpreter",
                    "strictly_confidential",
                    "office_employee",
                    "need_group",
                    "main_goal",
                    "waiting_for_office",
                    "waiting_for_person",
                    "next_deadline",
                    "agreed_open_until",
                    "youngest_child_born",
                    "financial_assistance_from",
                    "financial_assistance_until",
                    "nav_state_consent_from",
                    "nav_state_consent_until",
                    "qualification_assessed",
                    "plan_overdue_from",
                ],
                name="portfolio_state_office",
            ),
            models.Index(
                fields=["stale_after"],
                condition=models.Q(stale_after__isnull=False),
                name="portfolio_state_stale",
            ),
        ]

    def __str__(self) -> str:
        return f"Portfolio state of {self.period_id}"
