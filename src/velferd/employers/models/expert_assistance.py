"""The expert assistance subsidy (tilskudd til ekspertbistand), the IW agreement's subsidy
since 2019: an employer whose employee has long or frequent sick leave hires an independent
expert, with the employee agreeing, and NAV covers the cost up to the year's maximum rate
from the county's budget for the subsidy."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.labels import kroner
from velferd.core.models import VersionedModel

# NAV's maximum rate per case, in kroner, by the year applied for (nav.no/ekspertbistand and
# Idébanken). A year not listed takes the latest listed before it.
MAX_RATES: dict[int, Decimal] = {
    2021: Decimal("20700.00"),
    2022: Decimal("21200.00"),
    2023: Decimal("22300.00"),
    2024: Decimal("23100.00"),
    2025: Decimal("24000.00"),
    2026: Decimal("24900.00"),
}


def max_rate(year: int) -> Decimal:
    """The most NAV covers for one case applied for in the year."""
    listed = [y for y in MAX_RATES if y <= year] or [min(MAX_RATES)]
    return MAX_RATES[max(listed)]


class SickLeavePattern(models.TextChoices):
    """The employee's sick leave, as the rules ask for it: long and/or frequent."""

    LONG = "long", _("Long sick leave")
    FREQUENT = "frequent", _("Frequent, recurring sick leave")
    LONG_AND_FREQUENT = "long_and_frequent", _("Long and frequent sick leave")


class ExpertAssistanceStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class ExpertAssistance(VersionedModel):
    """An employer's application for expert assistance in one employee's case, and NAV's
    decision on it. The grant counts against the county's expert-assistance budget for the
    year it is decided (`budget_year`)."""

    enterprise = models.ForeignKey(
        "employers.Enterprise", on_delete=models.PROTECT, related_name="expert_assistance"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExpertAssistanceStatus.choices,
        default=ExpertAssistanceStatus.APPLIED,
    )
    # The employee: named only; the application is read by the employer and the IW centre.
    employee_name = models.CharField(_("employee"), max_length=200)
    employee_agreed_on = models.DateField(_("the employee agreed on"))
    sick_leave = models.CharField(_("sick leave"), max_length=20, choices=SickLeavePattern.choices)
    measures_tried = models.TextField(_("follow-up and facilitation tried"))
    expert_name = models.CharField(_("expert"), max_length=200)
    expert_organisation = models.CharField(_("the expert's firm"), max_length=200)
    expert_organisation_number = models.CharField(
        _("the firm's organisation number"), max_length=9, blank=True
    )
    assignment = models.TextField(_("the expert's assignment"))
    amount_applied = models.DecimalField(_("cost"), max_digits=12, decimal_places=2)
    max_amount = models.DecimalField(_("maximum rate"), max_digits=12, decimal_places=2)
    amount_granted = models.DecimalField(
        _("amount granted"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    decision_reason = models.TextField(_("reasons for the decision"), blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applied_on = models.DateField(default=datetime.date.today)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    budget_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-applied_on", "-id"]
        verbose_name_plural = "expert assistance"
        indexes = [models.Index(fields=["budget_year", "status"])]

    def __str__(self) -> str:
        return f"{self.enterprise.name}: {kroner(self.amount_applied)}"
