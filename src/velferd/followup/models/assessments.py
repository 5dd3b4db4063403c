"""The needs assessment (§14a): need group, main goal, reasoning, and the decision with
its letter; the permanent groups need a second signature."""

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
