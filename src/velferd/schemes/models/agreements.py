"""Agreements with suppliers: the scheme, the period and its options to extend, the areas,
and how the price is set (the price model and its rates)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class PriceModel(models.TextChoices):
    """How a place is paid for. The nationally fixed rate is pre-approved (AFT, VTA in a
    sheltered enterprise); under `other` the supplier's claim carries its own basis and NAV
    calculates nothing; `outcome_based` pays per measured outcome (a social impact bond)."""

    FIXED_MONTHLY_RATE = "fixed_monthly_rate", _("Nationally fixed monthly rate per place")
    AGREED_MONTHLY = "agreed_monthly", _("Agreed price per place per month")
    AGREED_WEEKLY = "agreed_weekly", _("Agreed price per place per week")
    AGREED_HOURLY = "agreed_hourly", _("Agreed price per hour of follow-up")
    OTHER = "other", _("Other agreed price")
    OUTCOME_BASED = "outcome_based", _("Payment by outcomes")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")


class Agreement(VersionedModel):
    """An agreement (avtale) with a supplier for one scheme type. A framework agreement
    gets call-offs (avrop): agreements of their own that name it as their framework."""

    number = models.CharField(_("agreement number"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    supplier = models.ForeignKey(
        "schemes.Supplier", on_delete=models.PROTECT, related_name="agreements"
    )
    scheme_type = models.ForeignKey(
        "schemes.SchemeType", on_delete=models.PROTECT, related_name="agreements"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    price_model = models.CharField(_("price model"), max_length=30, choices=PriceModel.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    status_reason = models.TextField(_("reason"), blank=True, default="")
    is_framework = models.BooleanField(_("framework agreement"), default=False)
    framework = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="call_offs"
    )
    counties = models.ManyToManyField("organisation.County", related_name="+", blank=True)
    offices = models.ManyToManyField("organisation.Office", related_name="+", blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "number"]
        indexes = [
            models.Index(fields=["supplier", "status"]),
            models.Index(fields=["scheme_type", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class AgreementOption(TimestampedModel):
    """An option to extend the agreement to a later end date, exercised or not."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="options")
    number = models.PositiveSmallIntegerField()
    extends_to = models.DateField(_("extends to"))
    exercised_on = models.DateField(_("exercised on"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_option_number")
        ]


class AgreementRate(TimestampedModel):
    """The agreed price from a date: per place per month or week, or per hour, by the
    agreement's price model (kroner, øre-exact)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="rates")
    valid_from = models.DateField(_("valid from"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "valid_from"], name="one_rate_per_date")
        ]


class NationalRate(TimestampedModel):
    """The nationally fixed monthly rate per place of a scheme type for a year."""

    scheme_type = models.ForeignKey(
        "schemes.SchemeType", on_delete=models.PROTECT, related_name="national_rates"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    monthly_rate = models.DecimalField(_("monthly rate"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["scheme_type", "year"]
        constraints = [
            models.UniqueConstraint(fields=["scheme_type", "year"], name="one_rate_per_year")
        ]
