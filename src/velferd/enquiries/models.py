"""Enquiries to the Ministry: received from anyone, routed to a department by the
classifier (or to the Press and Communications Division for a person to route), assigned
to a case officer, answered and closed, each with a deadline."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from velferd.core.models import VersionedModel


class EnquiryStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (EnquiryStatus.RECEIVED, EnquiryStatus.ASSIGNED)


class RoutedBy(models.TextChoices):
    CLASSIFIER = "classifier", _("Routed automatically")
    PRESS = "press", _("A press enquiry")
    LOW_CONFIDENCE = "low_confidence", _("Left for a person to route")
    PERSON = "person", _("Routed by a person")


class Enquiry(VersionedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    email = models.EmailField()
    organisation = models.CharField(max_length=200, blank=True)
    is_press = models.BooleanField(default=False)
    subject = models.CharField(max_length=200)
    text = models.TextField()
    received_at = models.DateTimeField(default=timezone.now)
    department = models.ForeignKey(
        "organisation.Department", on_delete=models.PROTECT, related_name="enquiries"
    )
    routed_by = models.CharField(max_length=20, choices=RoutedBy.choices)
    suggested_department = models.CharField(max_length=60)
    confidence = models.FloatField()
    alternatives = models.JSONField(default=list)
    status = models.CharField(
        max_length=12, choices=EnquiryStatus.choices, default=EnquiryStatus.RECEIVED
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deadline = models.DateField()
    reply = models.TextField(blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "received_at"]
        indexes = [models.Index(fields=["department", "status", "deadline"])]
        verbose_name_plural = "enquiries"

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.deadline < timezone.localdate()


class RoutingCorrection(models.Model):
    """A person moved an enquiry to another department: kept, to train the model on."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="corrections")
    from_department = models.CharField(max_length=60)
    to_department = models.CharField(max_length=60)
    corrected_by_label = models.CharField(max_length=300)
    corrected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-corrected_at"]

    def __str__(self) -> str:
        return f"{self.from_department} → {self.to_department}"
