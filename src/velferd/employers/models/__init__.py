"""Enterprises and the Inclusive Workplace (IW) support given to them."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from velferd.core.labels import kroner
from velferd.core.models import TimestampedModel, VersionedModel


class Sector(models.TextChoices):
    STATE = "state", _("State")
    MUNICIPAL = "municipal", _("Municipal")
    PRIVATE = "private", _("Private")


class Enterprise(VersionedModel):
    """An enterprise (virksomhet), identified by its organisation number. The IW centre of
    its county gives it one contact person, an IW advisor."""

    organisation_number = models.CharField(_("organisation number"), max_length=9, unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="enterprises"
    )
    # Denormalised from the municipality: advisors' lists are per county.
    county = models.ForeignKey(
        "organisation.County", on_delete=models.PROTECT, related_name="enterprises"
    )
    industry_code = models.CharField(_("industry (NACE)"), max_length=6)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    employees = models.PositiveIntegerField(_("number of employees"))
    has_iw_agreement = models.BooleanField(_("IW cooperation agreement"), default=False)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises_in_contact",
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["county", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_number})"


class CooperationStatus(models.TextChoices):
    TO_ASSESS = "to_assess", _("To assess")
    ASSESSING = "assessing", _("Assessing")
    # Put off to a date because the IW centre has no capacity now; open, and back for
    # assessment when the date is reached.
    DEFERRED = "deferred", _("Deferred")
    NOT_RELEVANT = "not_relevant", _("Not relevant")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED_COOPERATION_STATUSES = (
    CooperationStatus.NOT_RELEVANT,
    CooperationStatus.COMPLETED,
    CooperationStatus.CANCELLED,
)


class Cooperation(VersionedModel):
    """The IW centre's cooperation with one enterprise (samarbeid), from the first
    assessment until it is completed or closed. An enterprise has at most one open
    cooperation; earlier ones stay as history."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="cooperations"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CooperationStatus.choices,
        default=CooperationStatus.TO_ASSESS,
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cooperations_owned",
    )
    is_open = models.BooleanField(default=True)
    # The coded reason it was skipped, cancelled, completed or deferred (CooperationReason).
    reason = models.CharField(_("reason"), max_length=40, blank=True, default="")
    # While deferred: the day it comes back for the advisor's assessment.
    deferred_until = models.DateField(_("deferred until"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise"],
                condition=models.Q(is_open=True),
                name="one_open_cooperation_per_enterprise",
            )
        ]
        indexes = [models.Index(fields=["enterprise", "status"])]

    def __str__(self) -> str:
        return f"{self.enterprise.name}: {self.get_status_display()}"

    @property
    def deferral_due(self) -> bool:
        """Deferred, and the day it was deferred to has come: the advisor assesses it again."""
        return (
            self.status == CooperationStatus.DEFERRED
            and self.deferred_until is not None
            and self.deferred_until <= timezone.localdate()
        )


class CooperationReason(models.TextChoices):
    """Why a cooperation was skipped, cancelled, completed or deferred. Which reasons fit
    which move is in lifecycles.REASONS. "No capacity now" defers a cooperation (IA
    agreement 2019–2024); cooperations closed for it before stay as they were."""

    NO_CAPACITY_NOW = "no_capacity_now", _("The IW centre has no capacity now")
    NO_DIALOGUE = "no_dialogue_between_parties", _("No dialogue between the parties")
    TOO_FEW_LOST_WORKDAYS = "too_few_lost_workdays", _("Too few lost workdays")
    ENTERPRISE_DECLINED = "enterprise_declined", _("The enterprise declined")
    OTHER_SUPPORT_FITS_BETTER = (
        "other_support_fits_better",
        _("Other support fits better (occupational health service, the office)"),
    )
    ENTERPRISE_WITHDREW = "enterprise_withdrew", _("The enterprise withdrew")
    ENTERPRISE_CEASED = "enterprise_ceased", _("The enterprise closed down or was reorganised")
    NO_PROGRESS = "no_progress", _("No progress in the cooperation")
    GOALS_REACHED = "goals_reached", _("The goals of the plan were reached")
    AGREED_PERIOD_ENDED = "agreed_period_ended", _("The agreed period has ended")


class CooperationEvent(models.Model):
    """One change of a cooperation's status: the cooperation's own event log, which the
    advisor and the employer read on the enterprise page."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200)
    from_status = models.CharField(max_length=20, choices=CooperationStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CooperationStatus.choices)
    reason = models.CharField(max_length=40, choices=CooperationReason.choices, blank=True)
    comment = models.TextField(blank=True)
    deferred_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.cooperation_id}: {self.from_status} → {self.to_status}"


# The action plan ------------------------------------------------------------------------------


class PlanTheme(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership between the social partners")
    SICK_LEAVE = "sick_leave", _("Sick-leave work")
    WORKING_ENVIRONMENT = "working_environment", _("Working environment")


class SubThemeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


UNFINISHED_SUB_THEME_STATUSES = (SubThemeStatus.PLANNED, SubThemeStatus.ONGOING)


class SubTheme(VersionedModel):
    """A sub-theme of the cooperation's action plan (undertema), under one of the three
    themes."""

    cooperation = models.ForeignKey(
        Cooperation, on_delete=models.CASCADE, related_name="sub_themes"
    )
    theme = models.CharField(_("theme"), max_length=30, choices=PlanTheme.choices)
    title = models.CharField(_("sub-theme"), max_length=200)
    goal = models.TextField(_("goal"))
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    status = models.CharField(
        _("status"), max_length=20, choices=SubThemeStatus.choices, default=SubThemeStatus.PLANNED
    )

    class Meta:
        ordering = ["theme", "starts_on", "id"]

    def __str__(self) -> str:
        return self.title


class DeliveryKind(models.TextChoices):
    """The IW centre's services from the seed, recorded as deliveries (leveranser)."""

    TRAINING = "training", _("Training for the enterprise's personnel")
    INFORMATION = "information", _("Information and follow-up")
    RECRUITMENT = "recruitment", _("Recruitment assistance")
    COMPLEX_CASES = "complex_cases", _("Help in individual complex cases")
    OCCUPATIONAL_HEALTH = (
        "occupational_health",
        _("Collaboration with the occupational health service"),
    )
    LABOUR_INSPECTION = (
        "labour_inspection",
        _("Collaboration with the Labour Inspection Authority"),
    )


class DeliveryStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class Delivery(VersionedModel):
    cooperation = models.ForeignKey(
        Cooperation, on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(_("delivery"), max_length=30, choices=DeliveryKind.choices)
    description = models.TextField(_("description"), blank=True)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PLANNED
    )
    delivered_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def is_overdue(self) -> bool:
        return self.status == DeliveryStatus.PLANNED and self.deadline < timezone.localdate()


# Surveys ---------------------------------------------------------------------------------------


class SurveyKind(models.TextChoices):
    NEEDS_ASSESSMENT = "needs_assessment", _("Needs assessment")
    EVALUATION = "evaluation", _("Evaluation")


class SurveyStatus(models.TextChoices):
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class RespondentGroup(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    MANAGER = "manager", _("Manager")


class Survey(TimestampedModel):
    """A needs assessment (behovsvurdering) or evaluation survey of one cooperation. The
    employees and managers answer anonymously through a link holding `token`."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="surveys")
    kind = models.CharField(_("survey"), max_length=20, choices=SurveyKind.choices)
    status = models.CharField(max_length=10, choices=SurveyStatus.choices, default="open")
    token = models.CharField(max_length=64, unique=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.cooperation.enterprise.name})"


class SurveyResponse(models.Model):
    """One person's answers. Nothing identifies them: no user, no address, only the group."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    group = models.CharField(max_length=10, choices=RespondentGroup.choices)
    submitted_on = models.DateField(default=datetime.date.today)

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.group}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=40)
    # 1–5; empty for "don't know".
    value = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["question"])]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"


# Prevention and facilitation subsidies ---------------------------------------------------------


class SubsidyStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    UNDER_ASSESSMENT = "under_assessment", _("Under assessment")
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REFUSED = "refused", _("Refused")
    PAID = "paid", _("Paid")


# The statuses whose granted amount counts against the county's budget.
GRANTED_STATUSES = (SubsidyStatus.GRANTED, SubsidyStatus.PARTLY_GRANTED, SubsidyStatus.PAID)


class Subsidy(VersionedModel):
    """A prevention and facilitation subsidy (forebyggings- og tilretteleggingstilskudd) of
    the IA agreement 2014–2018, applied for by or for an enterprise up to 2018. The grant
    counts against the county's budget for the scheme in the year it was applied for
    (`budget_year`). Expert assistance (ExpertAssistance) took its place in 2019."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="subsidies")
    purpose = models.TextField(_("purpose"))
    amount_applied = models.DecimalField(_("amount applied for"), max_digits=12, decimal_places=2)
    amount_granted = models.DecimalField(
        _("amount granted"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SubsidyStatus.choices, default=SubsidyStatus.APPLIED
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applied_on = models.DateField(default=datetime.date.today)
    budget_year = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-applied_on", "-id"]
        verbose_name_plural = "subsidies"
        indexes = [models.Index(fields=["budget_year", "status"])]

    def __str__(self) -> str:
        return f"{self.enterprise.name}: {kroner(self.amount_applied)}"


class SubsidyScheme(models.TextChoices):
    """The IW agreement's subsidy of its time: prevention and facilitation subsidies under the
    IA agreement 2014–2018; expert assistance (tilskudd til ekspertbistand) from 2019."""

    PREVENTION_FACILITATION = (
        "prevention_facilitation",
        _("Prevention and facilitation subsidy (IA agreement 2014–2018)"),
    )
    EXPERT_ASSISTANCE = "expert_assistance", _("Expert assistance subsidy")


# The last year prevention and facilitation subsidies were applied for and granted.
LAST_PREVENTION_YEAR = 2018


def scheme_of_year(year: int) -> str:
    """The subsidy a county's budget for the year is for."""
    if year <= LAST_PREVENTION_YEAR:
        return SubsidyScheme.PREVENTION_FACILITATION
    return SubsidyScheme.EXPERT_ASSISTANCE


class SubsidyBudget(VersionedModel):
    """The year's budget for one subsidy scheme in one county: prevention and facilitation
    up to 2018, expert assistance from 2019 (scheme_of_year)."""

    county = models.ForeignKey(
        "organisation.County", on_delete=models.PROTECT, related_name="subsidy_budgets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    scheme = models.CharField(
        _("subsidy"),
        max_length=30,
        choices=SubsidyScheme.choices,
        default=SubsidyScheme.PREVENTION_FACILITATION,
    )
    amount = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, default=Decimal(0))

    class Meta:
        ordering = ["year", "county_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "year", "scheme"], name="one_budget_per_county_year_scheme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.county_id} {self.year}: {self.amount}"


from .expert_assistance import (  # noqa: E402
    MAX_RATES,
    ExpertAssistance,
    ExpertAssistanceStatus,
    SickLeavePattern,
    max_rate,
)

__all__ = [
    "CLOSED_COOPERATION_STATUSES",
    "GRANTED_STATUSES",
    "LAST_PREVENTION_YEAR",
    "MAX_RATES",
    "UNFINISHED_SUB_THEME_STATUSES",
    "Cooperation",
    "CooperationEvent",
    "CooperationReason",
    "CooperationStatus",
    "Delivery",
    "DeliveryKind",
    "DeliveryStatus",
    "Enterprise",
    "ExpertAssistance",
    "ExpertAssistanceStatus",
    "PlanTheme",
    "RespondentGroup",
    "Sector",
    "SickLeavePattern",
    "SubTheme",
    "SubThemeStatus",
    "Subsidy",
    "SubsidyBudget",
    "SubsidyScheme",
    "SubsidyStatus",
    "Survey",
    "SurveyAnswer",
    "SurveyKind",
    "SurveyResponse",
    "SurveyStatus",
    "max_rate",
    "scheme_of_year",
]
