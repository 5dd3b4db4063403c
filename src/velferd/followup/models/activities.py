"""The activity plan the person shares with the office: activities, their history and
their comments."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


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
    # A scheme activity whose participation waits for a place (the portfolio's flag).
    on_waiting_list = models.BooleanField(default=False)
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
