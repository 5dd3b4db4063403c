"""The follow-up period: the time the office follows a person up, at an office, with a
caseworker."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from velferd.core.models import VersionedModel


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
