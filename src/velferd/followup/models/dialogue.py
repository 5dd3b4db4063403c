"""The dialogue between the person and the office: threads and their messages."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel

from .activities import Activity


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
