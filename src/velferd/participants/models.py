"""A person's participation in a delivery of a labour market scheme, its change proposals
from the supplier, its monthly progress reports and the person's comments on the draft.

The statuses are those of NAV's participant systems: a draft shared with the person, then
applied, being assessed, on the waiting list, awaiting start, participating, and the
closing ones (ended, completed, not relevant, draft withdrawn, registered in error)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class ParticipationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPLIED = "applied", _("Applied")
    BEING_ASSESSED = "being_assessed", _("Being assessed")
    WAITING_LIST = "waiting_list", _("On the waiting list")
    AWAITING_START = "awaiting_start", _("Awaiting start")
    PARTICIPATING = "participating", _("Participating")
    ENDED = "ended", _("Ended")
    COMPLETED = "completed", _("Completed")
    NOT_RELEVANT = "not_relevant", _("Not relevant")
    WITHDRAWN_DRAFT = "withdrawn_draft", _("Draft withdrawn")
    REGISTERED_IN_ERROR = "registered_in_error", _("Registered in error")


# The statuses that hold one of the delivery's places.
HOLDS_A_PLACE = frozenset({ParticipationStatus.AWAITING_START, ParticipationStatus.PARTICIPATING})
CLOSED = frozenset(
    {
        ParticipationStatus.ENDED,
        ParticipationStatus.COMPLETED,
        ParticipationStatus.NOT_RELEVANT,
        ParticipationStatus.WITHDRAWN_DRAFT,
        ParticipationStatus.REGISTERED_IN_ERROR,
    }
)


class EndReason(models.TextChoices):
    GOT_JOB = "got_job", _("Got a job")
    EDUCATION = "education", _("Started education")
    ILL = "ill", _("Ill")
    NEEDS_OTHER_SUPPORT = "needs_other_support", _("Needs other support")
    DID_NOT_ATTEND = "did_not_attend", _("Did not attend")
    MOVED = "moved", _("Moved")
    COOPERATION_BROKEN_OFF = "cooperation_broken_off", _("Cooperation with the supplier broken off")
    OTHER = "other", _("Other")


class NotRelevantReason(models.TextChoices):
    DOES_NOT_MEET_REQUIREMENTS = "does_not_meet_requirements", _("Does not meet the requirements")
    GOT_JOB = "got_job", _("Got a job")
    OTHER_SCHEME = "other_scheme", _("Another scheme suits better")
    DECLINED = "declined", _("The person declined the place")
    DELIVERY_CANCELLED = "delivery_cancelled", _("The delivery was cancelled")
    OTHER = "other", _("Other")


class Participation(VersionedModel):
    """A person's participation in a delivery. `activity` is the activity of kind "scheme"
    in the person's plan that follows it; `priority` puts the person first on a waiting list
    where the scheme type's rule says so (VTA: people with developmental disabilities)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="participations"
    )
    delivery = models.ForeignKey(
        "schemes.Delivery", on_delete=models.PROTECT, related_name="participations"
    )
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ParticipationStatus.choices,
        default=ParticipationStatus.DRAFT,
    )
    reason = models.CharField(_("reason"), max_length=40, blank=True, default="")
    reason_text = models.TextField(_("reason in words"), blank=True, default="")
    content = models.TextField(_("what the participation is for"), blank=True, default="")
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    percentage = models.DecimalField(
        _("participation percentage"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    days_per_week = models.DecimalField(
        _("days a week"), max_digits=3, decimal_places=1, null=True, blank=True
    )
    priority = models.BooleanField(_("priority on the waiting list"), default=False)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    offered_at = models.DateTimeField(_("place offered"), null=True, blank=True)
    ended_at = models.DateTimeField(_("closed"), null=True, blank=True)
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    activity_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["delivery", "status"]),
            models.Index(fields=["person", "status"]),
            models.Index(
                fields=["delivery", "-priority", "waiting_since"],
                condition=models.Q(status="waiting_list"),
                name="participation_waiting_list",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="participation_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.delivery_id}"


class DraftComment(TimestampedModel):
    """The person's (or the caseworker's) comment on the draft they share."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:40]


class ProposalKind(models.TextChoices):
    START_DATE = "start_date", _("Start date")
    EXTENSION = "extension", _("Extension")
    END_EARLY = "end_early", _("End early")
    PERCENTAGE = "percentage", _("Participation percentage")
    DAYS_PER_WEEK = "days_per_week", _("Days a week")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for NAV")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ChangeProposal(VersionedModel):
    """A change the supplier proposes; the participation changes only when the caseworker
    approves it."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(_("what to change"), max_length=20, choices=ProposalKind.choices)
    starts_on = models.DateField(_("new start date"), null=True, blank=True)
    ends_on = models.DateField(_("new end date"), null=True, blank=True)
    percentage = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    days_per_week = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=40, blank=True, default="")
    explanation = models.TextField(_("explanation"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(_("comment"), blank=True, default="")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["participation", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.participation_id}"


class ProgressReport(TimestampedModel):
    """The supplier's report for a month: attendance and a text the caseworker and the
    person read."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="reports"
    )
    month = models.DateField(_("month"))
    days_attended = models.PositiveSmallIntegerField(_("days attended"))
    days_planned = models.PositiveSmallIntegerField(_("days planned"))
    text = models.TextField(_("report"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["participation", "month"], name="one_report_a_month"),
            models.CheckConstraint(
                condition=models.Q(days_attended__lte=models.F("days_planned")),
                name="report_attended_within_planned",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participation_id} {self.month:%Y-%m}"
