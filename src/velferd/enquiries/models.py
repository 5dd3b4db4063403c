"""Enquiries to the Ministry: received from anyone, routed to a department by the
classifier (or to the Press and Communications Division for a person to route), assigned
to a case officer, answered and closed, each with a deadline. An enquiry is an ordinary one
or an access request (innsynskrav, offentleglova); the Ministry's public mail journal
(offentlig journal) lists the documents of its cases, the enquiries and replies among them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from velferd.core.models import VersionedModel

from .deadlines import PROVISIONAL_REPLY_WARNING


class EnquiryStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    ANSWERED = "answered", _("Answered")
    APPEALED = "appealed", _("Appealed")
    CLOSED = "closed", _("Closed")


class EnquiryKind(models.TextChoices):
    ORDINARY = "ordinary", _("Enquiry")
    ACCESS_REQUEST = "access_request", _("Access request")


class AccessOutcome(models.TextChoices):
    """The answer to an access request: a refusal, whole or in part, names its legal basis
    (offentleglova § 31 first paragraph)."""

    GRANTED = "granted", _("Access granted")
    PARTLY_GRANTED = "partly_granted", _("Access partly granted")
    REFUSED = "refused", _("Access refused")


REFUSALS = (AccessOutcome.PARTLY_GRANTED, AccessOutcome.REFUSED)


OPEN_STATUSES = (EnquiryStatus.RECEIVED, EnquiryStatus.ASSIGNED)


class RoutedBy(models.TextChoices):
    CLASSIFIER = "classifier", _("Routed automatically")
    PRESS = "press", _("A press enquiry")
    LOW_CONFIDENCE = "low_confidence", _("Left for a person to route")
    PERSON = "person", _("Routed by a person")
    JOURNAL = "journal", _("Sent to the department of the journal entry")


class Enquiry(VersionedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    kind = models.CharField(
        max_length=20, choices=EnquiryKind.choices, default=EnquiryKind.ORDINARY
    )
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
    # An ordinary enquiry: the provisional answer due a month after receipt (fvl. § 11a).
    provisional_reply_by = models.DateField(null=True, blank=True)
    provisional_reply = models.TextField(blank=True)
    provisional_reply_on = models.DateField(null=True, blank=True)
    # An access request: the document asked for, when asked from the journal; the last day
    # before it counts as refused (offl. § 32 third paragraph); the answer; the appeal.
    journal_entry = models.ForeignKey(
        "JournalEntry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="access_requests",
    )
    deemed_refused_after = models.DateField(null=True, blank=True)
    access_outcome = models.CharField(max_length=20, choices=AccessOutcome.choices, blank=True)
    legal_basis = models.CharField(max_length=200, blank=True)
    appealed_on = models.DateField(null=True, blank=True)
    appeal = models.TextField(blank=True)

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

    @property
    def is_access_request(self) -> bool:
        return self.kind == EnquiryKind.ACCESS_REQUEST

    @property
    def is_deemed_refused(self) -> bool:
        """An access request not answered within five working days (offl. § 32)."""
        return (
            self.is_open
            and self.deemed_refused_after is not None
            and self.deemed_refused_after < timezone.localdate()
        )

    @property
    def may_be_appealed(self) -> bool:
        """Refused, in whole or in part, or deemed refused, and not appealed yet."""
        if not self.is_access_request or self.appealed_on is not None:
            return False
        answered_no = self.status == EnquiryStatus.ANSWERED and self.access_outcome in REFUSALS
        return answered_no or self.is_deemed_refused

    @property
    def needs_provisional_reply(self) -> bool:
        """Open, no provisional answer yet, and the month runs out within a week."""
        if not self.is_open or self.provisional_reply_by is None or self.provisional_reply_on:
            return False
        return self.provisional_reply_by - PROVISIONAL_REPLY_WARNING <= timezone.localdate()


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


class JournalDirection(models.TextChoices):
    INCOMING = "incoming", _("Incoming")
    OUTGOING = "outgoing", _("Outgoing")
    INTERNAL = "internal", _("Internal note")


class JournalEntry(VersionedModel):
    """One document in the Ministry's mail journal (postjournal). The public sees the
    public title and, for a private individual, no name; staff see the whole entry."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    department = models.ForeignKey(
        "organisation.Department", on_delete=models.PROTECT, related_name="+"
    )
    case_reference = models.CharField(max_length=20)
    document_number = models.PositiveIntegerField()
    journal_date = models.DateField(default=timezone.localdate)
    document_date = models.DateField()
    direction = models.CharField(max_length=10, choices=JournalDirection.choices)
    correspondent = models.CharField(max_length=200, blank=True)
    correspondent_is_private = models.BooleanField(default=False)
    title = models.CharField(max_length=300)
    public_title = models.CharField(max_length=300)
    exemption = models.CharField(max_length=100, blank=True)
    enquiry = models.ForeignKey(
        Enquiry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="journal_entries",
    )
    recorded_by_label = models.CharField(max_length=300)

    class Meta:
        ordering = ["-journal_date", "-case_reference", "-document_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_reference", "document_number"], name="journal_document_once"
            ),
            models.CheckConstraint(
                condition=models.Q(document_number__gte=1), name="journal_document_number_positive"
            ),
        ]
        indexes = [models.Index(fields=["journal_date", "department"])]
        verbose_name_plural = "journal entries"

    def __str__(self) -> str:
        return f"{self.case_reference}-{self.document_number} {self.public_title}"

    @property
    def document_reference(self) -> str:
        return f"{self.case_reference}-{self.document_number}"

    @property
    def is_exempt(self) -> bool:
        return bool(self.exemption)
