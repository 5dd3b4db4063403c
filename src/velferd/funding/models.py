"""The schemes' money: each county's yearly budget per scheme type, the commitments
(tilsagn) that reserve it for a delivery and a period, the participation the month's claims
are calculated from, the claims (utbetalinger) and the files of approved payments sent to
the accounting system. Amounts are kroner, øre-exact (Decimal, two places)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class SchemeBudget(VersionedModel):
    """A county's budget for one scheme type in one year. Approved commitments count
    against it; it is locked (select_for_update) whenever one is approved."""

    county = models.ForeignKey("organisation.County", on_delete=models.PROTECT, related_name="+")
    scheme_type = models.ForeignKey(
        "schemes.SchemeType", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("budget"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["year", "county_id", "scheme_type_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "scheme_type", "year"], name="one_scheme_budget_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.county_id} {self.scheme_type_id} {self.year}"


class CommitmentStatus(models.TextChoices):
    """As NAV's own system names a commitment's states (TilsagnStatus: til godkjenning,
    godkjent, returnert, annullert)."""

    TO_APPROVE = "to_approve", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    ANNULLED = "annulled", _("Annulled")


class Commitment(VersionedModel):
    """A commitment (tilsagn): an amount of the county's budget reserved for a delivery and
    a period inside one budget year, proposed by one person and approved by another."""

    delivery = models.ForeignKey("schemes.Delivery", on_delete=models.PROTECT, related_name="+")
    budget = models.ForeignKey(SchemeBudget, on_delete=models.PROTECT, related_name="commitments")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    basis = models.TextField(_("basis"), blank=True, default="")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.TO_APPROVE,
    )
    status_reason = models.TextField(_("reason"), blank=True, default="")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period_start", "id"]
        indexes = [
            models.Index(fields=["delivery", "status", "period_start"]),
            models.Index(fields=["budget", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="commitment_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="commitment_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The commitment's number, as the accounting system and the supplier see it."""
        return f"TS-{self.period_start.year}-{self.pk:06d}"


class ParticipationSource(models.TextChoices):
    """Where a row comes from: the participation file, or a participation kept in velferd
    (the participants domain keeps its rows in step; the file cannot touch them)."""

    FILE = "file", _("Participation file")
    VELFERD = "velferd", _("Participation in velferd")


class Participation(TimestampedModel):
    """A participant's time in a delivery at a participation percentage: imported from the
    participation file, or kept in step with a participation in velferd. The participant is
    a pseudonymous id only."""

    delivery = models.ForeignKey("schemes.Delivery", on_delete=models.PROTECT, related_name="+")
    participant = models.CharField(_("participant"), max_length=40)
    source = models.CharField(
        _("source"),
        max_length=10,
        choices=ParticipationSource.choices,
        default=ParticipationSource.FILE,
    )
    from_date = models.DateField(_("from"))
    to_date = models.DateField(_("to"), null=True, blank=True)
    percentage = models.DecimalField(_("participation percentage"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["delivery_id", "from_date", "participant"]
        indexes = [models.Index(fields=["from_date", "to_date", "delivery"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_date__isnull=True)
                | models.Q(to_date__gte=models.F("from_date")),
                name="participation_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(percentage__gt=0, percentage__lte=100),
                name="participation_percentage_in_range",
            ),
            models.UniqueConstraint(
                fields=["delivery", "participant", "from_date"], name="one_participation_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.participant}"


class ClaimStatus(models.TextChoices):
    """A month's claim: calculated (or to be entered) and waiting for the supplier, sent in,
    attested or returned by NAV, and sent to the accounting system."""

    OPEN = "open", _("Awaiting the supplier")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Attested")
    EXPORTED = "exported", _("Sent for payment")


# The claims that draw on their commitment: sent in, attested or paid.
DRAWING_STATUSES = (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.EXPORTED)


class ClaimCalculation(TimestampedModel):
    """One calculation of a month's claims: what it made and what it left alone."""

    month = models.DateField(_("month"))
    calculated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    claims = models.PositiveIntegerField(_("claims"))
    total = models.DecimalField(_("total"), max_digits=14, decimal_places=2)
    kept = models.PositiveIntegerField(_("left alone"))
    without_rate = models.PositiveIntegerField(_("without a rate"))

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class PaymentExport(TimestampedModel):
    """A file of attested payments for the accounting system, kept as it was sent."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    payments = models.PositiveIntegerField(_("payments"))
    total = models.DecimalField(_("total"), max_digits=14, decimal_places=2)
    content = models.TextField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"export {self.pk}"

    @property
    def filename(self) -> str:
        return f"utbetalinger-{self.pk:06d}.csv"


class Claim(VersionedModel):
    """A delivery's payment claim for one month. For the calculated price models
    `work_units` is the month's month-works (or week-works) and `amount` = work_units ×
    `rate`, rounded half up to øre once; for the others the supplier enters the amount
    with its basis."""

    delivery = models.ForeignKey("schemes.Delivery", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))
    price_model = models.CharField(_("price model"), max_length=30)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    work_units = models.DecimalField(_("work units"), max_digits=14, decimal_places=4, default=0)
    rate = models.DecimalField(_("rate"), null=True, blank=True, max_digits=14, decimal_places=2)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    basis = models.TextField(_("basis"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.OPEN
    )
    status_reason = models.TextField(_("reason"), blank=True, default="")
    commitment = models.ForeignKey(
        Commitment, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    bank_account = models.CharField(_("bank account"), max_length=11, blank=True, default="")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    export = models.ForeignKey(
        PaymentExport, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )

    class Meta:
        ordering = ["-month", "delivery_id"]
        indexes = [
            models.Index(fields=["month", "status"]),
            models.Index(fields=["commitment", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "month"], name="one_claim_per_month"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="claim_not_negative"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.delivery.number}-{self.month:%Y-%m}"

    @property
    def month_end(self) -> datetime.date:
        from .calculation import month_end

        return month_end(self.month)
