"""Quarterly sick-leave statistics per enterprise, and the aggregates the pages read.

`QuarterlyStatistics` holds the imported figures as they were delivered. The three other
tables are derived from it and rewritten by the import in the same transaction, so that
every page reads a handful of indexed rows at national scale:

- `GroupQuarter`: the sums per quarter for each comparison group (an industry = a two-digit
  NACE division, a sector, a county, the country, an industry programme of the IW
  agreement);
- `GroupSummary`: the same groups over the four quarters ending with the latest quarter;
- `EnterpriseSummary`: one row per enterprise over those four quarters, for the advisors'
  prioritisation list.

Percentages and graded shares are never stored for a single quarter: they follow from the
workdays. The two summaries store the four-quarter percentage, with one decimal as NAV
publishes it, because the prioritisation list filters on it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel


def workdays(verbose_name: Any = None, **options: Any) -> models.DecimalField[Any, Any]:
    """Workdays: up to two decimals, as the official statistics give them."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **options)


class QuarterlyStatistics(TimestampedModel):
    """One enterprise's sick leave in one quarter (as delivered in the import file)."""

    enterprise = models.ForeignKey(
        "employers.Enterprise", on_delete=models.PROTECT, related_name="sick_leave_quarters"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    possible_workdays = workdays(_("possible workdays"))
    lost_workdays = workdays(_("lost workdays"))
    graded_lost_workdays = workdays(_("lost workdays under graded sick leave"))
    sick_listed_persons = models.PositiveIntegerField(_("sick-listed persons"))
    # Short-term (1–16 days) and long-term (17 days and more) sick leave, where the file
    # gives them (optional columns); null: not in the file.
    short_term_lost_workdays = workdays(_("lost workdays, short-term sick leave"), null=True)
    long_term_lost_workdays = workdays(_("lost workdays, long-term sick leave"), null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "year", "quarter"], name="one_statistics_row_per_quarter"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="statistics_quarter_1_to_4"
            ),
            models.CheckConstraint(
                condition=Q(lost_workdays__lte=F("possible_workdays")),
                name="statistics_lost_within_possible",
            ),
            models.CheckConstraint(
                condition=Q(graded_lost_workdays__lte=F("lost_workdays")),
                name="statistics_graded_within_lost",
            ),
            # Null on either side passes: a split not in the file checks nothing.
            models.CheckConstraint(
                condition=Q(short_term_lost_workdays__lte=F("lost_workdays"))
                | Q(short_term_lost_workdays__isnull=True),
                name="statistics_short_term_within_lost",
            ),
            models.CheckConstraint(
                condition=Q(long_term_lost_workdays__lte=F("lost_workdays"))
                | Q(long_term_lost_workdays__isnull=True),
                name="statistics_long_term_within_lost",
            ),
        ]
        # The unique constraint's index serves one enterprise's history; this one the
        # recomputation of a quarter's group sums.
        indexes = [models.Index(fields=["year", "quarter"], name="sickleave_quarter_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.year}Q{self.quarter}"


class GroupKind(models.TextChoices):
    INDUSTRY = "industry", _("Industry")
    SECTOR = "sector", _("Sector")
    COUNTY = "county", _("County")
    COUNTRY = "country", _("Country")
    PROGRAMME = "programme", _("Industry programme")


COUNTRY_KEY = "NO"


class GroupFigures(models.Model):
    possible_workdays = workdays(default=Decimal(0))
    lost_workdays = workdays(default=Decimal(0))
    graded_lost_workdays = workdays(default=Decimal(0))
    enterprises = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class GroupQuarter(GroupFigures):
    """The sums of one comparison group in one quarter."""

    kind = models.CharField(max_length=10, choices=GroupKind.choices)
    key = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    sick_listed_persons = models.PositiveIntegerField(default=0)
    # The lost workdays of the group's largest and second largest enterprise in the quarter,
    # for the dominance and subtraction rules (velferd.core.disclosure); unknown (null)
    # counts as dominant.
    largest_lost_workdays = workdays(null=True)
    second_lost_workdays = workdays(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "year", "quarter"], name="one_group_row_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.year}Q{self.quarter}"


class GroupSummary(GroupFigures):
    """One comparison group over the last four quarters."""

    kind = models.CharField(max_length=10, choices=GroupKind.choices)
    key = models.CharField(max_length=20)
    # The largest quarterly number of sick-listed persons: a floor under the number of
    # distinct persons behind the four quarters (see docs/architecture.md, masking).
    sick_listed_persons = models.PositiveIntegerField(default=0)
    percentage = models.DecimalField(max_digits=6, decimal_places=2, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="one_group_summary"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class EnterpriseSummary(models.Model):
    """One enterprise over the last four quarters, with its industry's figures at hand."""

    enterprise = models.OneToOneField(
        "employers.Enterprise",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="sick_leave_summary",
    )
    # Copied from the enterprise at the import, so the county's list is one index range.
    county = models.ForeignKey("organisation.County", on_delete=models.CASCADE, related_name="+")
    industry = models.ForeignKey(
        GroupSummary, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    possible_workdays = workdays()
    lost_workdays = workdays()
    graded_lost_workdays = workdays()
    sick_listed_persons = models.PositiveIntegerField()
    percentage = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    # Lost workdays beyond what the industry's percentage would give, never below 0; null
    # when the enterprise's figures are masked. Rewritten whenever the industry's changes.
    saveable_workdays = workdays(null=True)
    # The lost workdays where they may be shown, null when masked: the list's default order,
    # so that a masked enterprise's place in it tells nothing about its figures.
    shown_lost_workdays = workdays(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["county", "percentage"], name="sickleave_summary_county_idx"),
            # The prioritisation list's orders, (county, saveable_workdays DESC NULLS LAST) and
            # (county, shown_lost_workdays DESC NULLS LAST), are created by migrations 0002
            # and 0004: SQLite cannot write NULLS LAST in an index.
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}"


class StatisticsImport(models.Model):
    """One accepted import of a statistics file: what it did, and the file's fingerprint."""

    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.CharField(max_length=200)
    filename = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField()
    created = models.PositiveIntegerField()
    changed = models.PositiveIntegerField()
    unchanged = models.PositiveIntegerField()

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.filename or 'import'} {self.sha256[:12]}"
