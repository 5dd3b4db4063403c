"""The caseworker's own tools: saved portfolio filters and private reminder notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from velferd.core.models import TimestampedModel


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
