"""Benefits on record, and the qualification programme assessment."""

from __future__ import annotations

import datetime
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel


class BenefitKind(models.TextChoices):
    SICKNESS_BENEFIT = "sickness_benefit", _("Sickness benefit")
    WORK_ASSESSMENT_ALLOWANCE = "work_assessment_allowance", _("Work assessment allowance")
    DISABILITY_BENEFIT = "disability_benefit", _("Disability benefit")
    UNEMPLOYMENT_BENEFIT = "unemployment_benefit", _("Unemployment benefit")
    FINANCIAL_ASSISTANCE = "financial_assistance", _("Financial assistance")
    QUALIFICATION_BENEFIT = "qualification_benefit", _("Qualification benefit")
    INTRODUCTION_BENEFIT = "introduction_benefit", _("Introduction benefit")
    TRANSITIONAL_BENEFIT = "transitional_benefit", _("Transitional benefit for single parents")


# The social services' records belong to the municipality (Social Services Act): the benefits
# that are the municipality's. Everything that tells them apart uses this set.
MUNICIPAL_BENEFITS = frozenset(
    {BenefitKind.FINANCIAL_ASSISTANCE, BenefitKind.QUALIFICATION_BENEFIT}
)


class Benefit(TimestampedModel):
    """A benefit period on record, for follow-up (no payments are calculated here)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="benefits")
    kind = models.CharField(max_length=32, choices=BenefitKind.choices)
    degree = models.PositiveSmallIntegerField(null=True, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["person", "kind", "ends_on"])]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def is_municipal(self) -> bool:
        return self.kind in MUNICIPAL_BENEFITS

    def runs_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class QualificationOutcome(models.TextChoices):
    OFFERED = "offered", _("Offered the programme")
    NOT_ENTITLED = "not_entitled", _("Not entitled")
    DECLINED = "declined", _("Declined")


class QualificationAssessment(TimestampedModel):
    """That the person was assessed for the qualification programme, and the outcome."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="qualification_assessments"
    )
    assessed_on = models.DateField()
    outcome = models.CharField(max_length=16, choices=QualificationOutcome.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-assessed_on"]

    def __str__(self) -> str:
        return f"{self.assessed_on}: {self.get_outcome_display()}"
