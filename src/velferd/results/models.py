"""What became of people after a scheme or a follow-up period, and what the schemes did.

Employment months come from the employers' monthly reports (A-ordningen); outcomes are derived
from them together with benefits, education and scheme participations on record; effect runs
hold the estimates an analyst reads, never a person's row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel


class EmploymentImport(TimestampedModel):
    """One accepted file of monthly employment statuses (all its lines, or none)."""

    # None for the command line (the system); `imported_by_label` names who it was either way.
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    imported_by_label = models.CharField(max_length=200, blank=True, default="")
    file_name = models.CharField(max_length=200, blank=True, default="")
    rows = models.PositiveIntegerField()
    # Lines for people not in velferd's registry: not errors, left out and counted.
    ignored = models.PositiveIntegerField(default=0)
    first_month = models.DateField()
    last_month = models.DateField()

    class Meta:
        ordering = ["-created_at"]


class EmploymentMonth(models.Model):
    """A person's employment in one month as the employers reported it.

    `month` is the month's first day. A later import of the same month replaces the row.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="employment_months"
    )
    month = models.DateField()
    employed = models.BooleanField()
    contracted_hours = models.DecimalField(
        _("contracted hours a week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    industry = models.CharField(_("industry (SN2007)"), max_length=6, blank=True, default="")
    source = models.ForeignKey(EmploymentImport, on_delete=models.PROTECT, related_name="months")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "month"], name="employment_month_once")
        ]
        indexes = [models.Index(fields=["month"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {'employed' if self.employed else 'not employed'}"


class OutcomeOrigin(models.TextChoices):
    PARTICIPATION = "participation", _("Scheme participation ended")
    FOLLOW_UP_PERIOD = "follow_up_period", _("Follow-up period ended")


class OutcomeStatus(models.TextChoices):
    IN_WORK = "in_work", _("In work")
    IN_EDUCATION = "in_education", _("In education")
    ON_BENEFIT = "on_benefit", _("On a benefit")
    NONE = "none", _("None of these")


# The months after an end at which a person's status is read.
OUTCOME_HORIZONS = (3, 6, 12, 24)


class Outcome(models.Model):
    """A person's status a number of months after a participation or a follow-up period ended."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    origin = models.CharField(max_length=20, choices=OutcomeOrigin.choices)
    origin_id = models.UUIDField()
    scheme_type = models.CharField(max_length=40, blank=True, default="")
    ended_on = models.DateField()
    horizon_months = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16, choices=OutcomeStatus.choices)
    benefit_kind = models.CharField(max_length=32, blank=True, default="")
    derived_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "origin_id", "horizon_months"], name="outcome_once_per_horizon"
            )
        ]
        indexes = [models.Index(fields=["scheme_type", "horizon_months"])]

    def __str__(self) -> str:
        return f"{self.horizon_months} months after {self.ended_on}: {self.status}"


class EffectRunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class EffectRun(TimestampedModel):
    """One estimation over the platform's own outcomes: its question, and what it found.

    `diagnostics` holds overlap and balance per treatment; `policy_tree` the suggested
    allocation and its estimated gain. Both are aggregates, masked like the estimates.
    """

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    status = models.CharField(
        max_length=10, choices=EffectRunStatus.choices, default=EffectRunStatus.QUEUED
    )
    outcome = models.CharField(max_length=16, choices=OutcomeStatus.choices)
    horizon_months = models.PositiveSmallIntegerField()
    control = models.CharField(max_length=40)
    by = models.JSONField(default=list)
    covariates = models.JSONField(default=list)
    seed = models.PositiveIntegerField(default=0)
    folds = models.PositiveSmallIntegerField(default=2)
    rows = models.PositiveIntegerField(null=True)
    seconds = models.FloatField(null=True)
    error = models.TextField(blank=True, default="")
    diagnostics = models.JSONField(default=dict)
    policy_tree = models.JSONField(default=dict)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class EffectEstimate(models.Model):
    """The estimated effect of one treatment against the run's control in one group.

    A masked estimate (too few people on either side) keeps its counts' existence but not
    its figures: `effect`, the interval and the counts are then empty.
    """

    run = models.ForeignKey(EffectRun, on_delete=models.CASCADE, related_name="estimates")
    treatment = models.CharField(max_length=40)
    group = models.CharField(max_length=120)
    effect = models.FloatField(null=True)
    ci_low = models.FloatField(null=True)
    ci_high = models.FloatField(null=True)
    naive_difference = models.FloatField(null=True)
    n_treated = models.PositiveIntegerField(null=True)
    n_control = models.PositiveIntegerField(null=True)
    masked = models.BooleanField(default=False)

    class Meta:
        ordering = ["treatment", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "treatment", "group"], name="effect_estimate_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.treatment} / {self.group}"
