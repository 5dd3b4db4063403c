"""An appeal (klage) against a §14a decision, and its preparation at the office.

The person may appeal a decision (forvaltningsloven § 28) within six weeks from the day the
letter reached them (§ 29). The office that made the decision prepares the appeal (§ 33,
"klageforberedelse"): when it finds the appeal right, it makes a new decision; when not, it
sends the appeal on to NAV's appeals body, NAV Klageinstans. An appeal that comes too late
is still registered, flagged for the office to consider § 31 (a late appeal may be heard
when the person cannot be blamed for the delay, or for special reasons)."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import VersionedModel

from .assessments import NeedsAssessment

APPEAL_PERIOD = datetime.timedelta(weeks=6)
SATURDAY = 5


def appeal_deadline(reached_on: datetime.date) -> datetime.date:
    """The last day to appeal a decision whose letter reached the person on `reached_on`:
    six weeks later (forvaltningsloven § 29), moved to the Monday after when it falls on a
    Saturday or a Sunday. Public holidays are not counted yet."""
    deadline = reached_on + APPEAL_PERIOD
    if deadline.weekday() >= SATURDAY:
        deadline += datetime.timedelta(days=7 - deadline.weekday())
    return deadline


class AppealStatus(models.TextChoices):
    RECEIVED = "received", _("Received, being prepared by the office")
    UPHELD = "upheld", _("Upheld: the office makes a new decision")
    FORWARDED = "forwarded", _("Sent to NAV Klageinstans")


class Appeal(VersionedModel):
    """The person's appeal against a decision, as registered by them or for them by the
    office, with the office's preparation of it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="appeals")
    decision = models.ForeignKey(NeedsAssessment, on_delete=models.PROTECT, related_name="appeals")
    grounds = models.TextField()
    received_on = models.DateField()
    deadline = models.DateField()
    late = models.BooleanField(default=False)
    # Registered by the person on their own pages, not by the office for them.
    lodged_by_person = models.BooleanField()
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=AppealStatus.choices, default=AppealStatus.RECEIVED
    )
    # The office's assessment of the appeal, given with the move that ends its preparation.
    office_assessment = models.TextField(blank=True)
    new_decision = models.OneToOneField(
        NeedsAssessment, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    forwarded_on = models.DateField(null=True, blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_on", "-created_at"]
        indexes = [models.Index(fields=["status", "received_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["decision"],
                condition=models.Q(status="received"),
                name="one_open_appeal_per_decision",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="forwarded") | models.Q(forwarded_on__isnull=False),
                name="forwarded_appeal_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Appeal')} ({self.get_status_display()})"
