"""The needs assessment (§14a): need group, main goal, the sources it rests on, reasoning,
and the decision with its letter; the permanent groups need a second signature.

The choices follow NAV's own decision support for §14a (veilarbvedtaksstotte): five need
groups; the main goals "get work" and "keep work" for every group but permanent adaptation,
which has none; at least one source named before a decision goes to an approver or is sent.
See docs/glossary.md."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import VersionedModel

from .periods import FollowUpPeriod


class NeedGroup(models.TextChoices):
    STANDARD = "standard", _("Standard needs")
    SITUATION_SPECIFIC = "situation_specific", _("Situation-specific needs")
    SPECIALLY_ADAPTED = "specially_adapted", _("Specially adapted needs")
    PARTIALLY_PERMANENT = "partially_permanent", _("Partially permanent adaptation")
    PERMANENT = "permanent", _("Permanent adaptation")


PERMANENT_GROUPS = frozenset({NeedGroup.PARTIALLY_PERMANENT, NeedGroup.PERMANENT})


class MainGoal(models.TextChoices):
    """The main goal of the follow-up. NAV's decision support offers "skaffe arbeid" and
    "beholde arbeid" today; "øke deltakelse" is kept only because decisions made before
    (in Arena) carry it: it is never offered for a new decision."""

    GET_WORK = "get_work", _("Get work")
    KEEP_WORK = "keep_work", _("Keep work")
    INCREASE_PARTICIPATION = "increase_participation", _("Increase participation")


# The main goals a decision may have today, and the group that has none.
OFFERED_MAIN_GOALS = (MainGoal.GET_WORK, MainGoal.KEEP_WORK)
WITHOUT_MAIN_GOAL = frozenset({NeedGroup.PERMANENT})


class Source(models.TextChoices):
    """What a decision rests on ("opplysninger"/"kilder" in NAV's decision support, which
    lists the person's registration, CV and own assessment of their need for guidance as
    the standard sources, beside those the caseworker names). The free-text part is the
    assessment's `evidence`, and `other` needs it."""

    REGISTRATION = "registration", _("What the person told us when they registered as a job seeker")
    CV = "cv", _("The person's CV and job wishes on nav.no")
    SELF_ASSESSMENT = "self_assessment", _("The person's answers about their need for guidance")
    DIALOGUE = "dialogue", _("Conversations and messages with the person")
    MEDICAL = "medical", _("Medical information")
    WORK_CAPACITY = "work_capacity", _("The work capacity assessment")
    EMPLOYER = "employer", _("Information from the employer")
    OTHER = "other", _("Other information (described in the text)")


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
    # Blank for the permanent group, which has no main goal.
    main_goal = models.CharField(max_length=32, choices=MainGoal.choices, blank=True)
    reasoning = models.TextField()
    # The Source codes it rests on; empty on decisions sent before sources were recorded.
    sources = models.JSONField(default=list, blank=True)
    # The sources in free text: what "other" is, or details of the coded ones.
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

    @property
    def source_labels(self) -> list[str]:
        """The sources as words, in the order of the list of sources."""
        return [str(label) for value, label in Source.choices if value in self.sources]
