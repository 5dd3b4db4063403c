"""Outcome-based contracts (social impact bonds): an agreement whose payment depends on
measured outcomes rather than places."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class OutcomeMetric(models.TextChoices):
    IN_WORK_12_MONTHS = "in_work_12_months", _("In work 12 months after the start")
    IN_WORK_6_MONTHS = "in_work_6_months", _("In work 6 months after the start")
    IN_EDUCATION_OR_WORK_12_MONTHS = (
        "in_education_or_work_12_months",
        _("In work or education 12 months after the start"),
    )


class MeasurementStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for outcomes")
    MEASURED = "measured", _("Measured")
    SETTLED = "settled", _("Settled")


class OutcomeContract(VersionedModel):
    """The outcome terms of an agreement with the price model `outcome_based`: the metric,
    the price per outcome and its cap, the investor who pre-finances, and the comparison
    group where the contract has one."""

    agreement = models.OneToOneField(
        "schemes.Agreement", on_delete=models.PROTECT, related_name="outcome_contract"
    )
    metric = models.CharField(_("outcome metric"), max_length=40, choices=OutcomeMetric.choices)
    price_per_outcome = models.DecimalField(_("price per outcome"), max_digits=12, decimal_places=2)
    cap = models.DecimalField(_("cap"), max_digits=14, decimal_places=2)
    investor_name = models.CharField(_("investor"), max_length=200)
    investor_organisation_number = models.CharField(
        _("investor's organisation number"), max_length=9
    )
    has_comparison_group = models.BooleanField(_("comparison group"), default=False)
    comparison_description = models.TextField(
        _("how the comparison group is made"), blank=True, default=""
    )

    def __str__(self) -> str:
        return str(self.agreement)


class OutcomeMeasurement(TimestampedModel):
    """A measurement date of the contract: the cohort measured, the outcomes counted and,
    with a comparison group, its rate; the settlement is calculated from them."""

    contract = models.ForeignKey(
        OutcomeContract, on_delete=models.CASCADE, related_name="measurements"
    )
    measured_on = models.DateField(_("measurement date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeasurementStatus.choices,
        default=MeasurementStatus.PENDING,
    )
    participants = models.PositiveIntegerField(_("participants measured"), null=True, blank=True)
    outcomes = models.PositiveIntegerField(_("outcomes"), null=True, blank=True)
    comparison_rate = models.DecimalField(
        _("comparison group's rate"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    settlement = models.DecimalField(
        _("settlement"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["measured_on"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "measured_on"], name="one_measurement")
        ]
