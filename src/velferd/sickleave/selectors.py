"""Reads of the sick-leave statistics, already filtered by who may see what.

Masking: every figure — one enterprise's or a group's — based on fewer than five
sick-listed persons is shown as masked (no numbers at all). For a span of four quarters the
count is the largest quarterly count in the span: a floor under the number of different
persons behind it, so a span is shown only when at least five persons surely stand behind it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import orgnr

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import DomainError, forbidden, not_found
from velferd.employers.models import (
    CLOSED_COOPERATION_STATUSES,
    Cooperation,
    CooperationEvent,
    CooperationStatus,
    Enterprise,
    Sector,
)
from velferd.organisation.models import County

from . import charts
from .industries import division_label, division_of
from .models import (
    COUNTRY_KEY,
    EnterpriseSummary,
    GroupKind,
    GroupQuarter,
    GroupSummary,
    QuarterlyStatistics,
    StatisticsImport,
)
from .periods import Period, four_quarters

MASK_BELOW = 5
SERIES = ("enterprise", "industry", "sector", "county", "country")
HUNDRED = Decimal(100)


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Figure:
    """Sick leave over some span: the workdays and the persons behind them."""

    possible_workdays: Decimal
    lost_workdays: Decimal
    graded_lost_workdays: Decimal
    sick_listed_persons: int

    @property
    def masked(self) -> bool:
        return self.sick_listed_persons < MASK_BELOW

    @property
    def percentage(self) -> Decimal | None:
        """Lost workdays as a share of the possible ones, in per cent."""
        if self.masked or not self.possible_workdays:
            return None
        return _rounded(Decimal(self.lost_workdays) / Decimal(self.possible_workdays) * HUNDRED)

    @property
    def graded_share(self) -> Decimal | None:
        """The share of the lost workdays that were under graded sick leave, in per cent."""
        if self.masked or not self.lost_workdays:
            return None
        return _rounded(Decimal(self.graded_lost_workdays) / Decimal(self.lost_workdays) * HUNDRED)

    def as_dict(self) -> dict[str, Any]:
        if self.masked:
            return {
                "masked": True,
                "percentage": None,
                "graded_share": None,
                "lost_workdays": None,
                "possible_workdays": None,
            }
        return {
            "masked": False,
            "percentage": self.percentage,
            "graded_share": self.graded_share,
            "lost_workdays": _rounded(Decimal(self.lost_workdays)),
            "possible_workdays": _rounded(Decimal(self.possible_workdays)),
        }


def figure_of(row: Any) -> Figure:
    return Figure(
        Decimal(row.possible_workdays),
        Decimal(row.lost_workdays),
        Decimal(row.graded_lost_workdays),
        row.sick_listed_persons,
    )


def sum_figures(figures: list[Figure], *, across_quarters: bool) -> Figure | None:
    """Add figures up. Across the quarters of one enterprise or group the persons are the
    largest quarterly count (the same people recur); across enterprises in one quarter
    they add up."""
    if not figures:
        return None
    persons = [f.sick_listed_persons for f in figures]
    return Figure(
        sum((f.possible_workdays for f in figures), Decimal(0)),
        sum((f.lost_workdays for f in figures), Decimal(0)),
        sum((f.graded_lost_workdays for f in figures), Decimal(0)),
        max(persons) if across_quarters else sum(persons),
    )


def latest_quarter() -> Period | None:
    """The latest quarter of the statistics: the one "the last quarter" means everywhere."""
    row = (
        GroupQuarter.objects.filter(kind=GroupKind.COUNTRY, key=COUNTRY_KEY)
        .order_by("-year", "-quarter")
        .values_list("year", "quarter")
        .first()
    )
    return Period(*row) if row else None


# --- groups -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    kind: str
    key: str
    label: str


def group_label(kind: str, key: str) -> str:
    if kind == GroupKind.INDUSTRY:
        return division_label(key)
    if kind == GroupKind.SECTOR:
        return str(dict(Sector.choices).get(key, key))
    if kind == GroupKind.COUNTY:
        county = County.objects.filter(number=key).first()
        return county.name if county else key
    return _("Norway")


def groups_of(enterprise: Enterprise) -> dict[str, Group]:
    """The groups an enterprise is compared with, by series name."""
    keys = {
        "industry": (GroupKind.INDUSTRY, division_of(enterprise.industry_code)),
        "sector": (GroupKind.SECTOR, enterprise.sector),
        "county": (GroupKind.COUNTY, enterprise.county_id),
        "country": (GroupKind.COUNTRY, COUNTRY_KEY),
    }
    return {name: Group(kind, key, group_label(kind, key)) for name, (kind, key) in keys.items()}


# --- one enterprise against its groups ----------------------------------------------------


@dataclass
class QuarterRow:
    period: Period
    figures: dict[str, Figure | None]


@dataclass
class Comparison:
    """What the comparison page and the API show for one enterprise."""

    enterprise: Enterprise
    groups: dict[str, Group]
    latest: Period | None
    last_quarter: dict[str, Figure | None]
    four_quarters: dict[str, Figure | None]
    history: list[QuarterRow] = field(default_factory=list)

    @property
    def series_labels(self) -> dict[str, str]:
        return {"enterprise": self.enterprise.name, **{k: g.label for k, g in self.groups.items()}}

    def chart(self) -> charts.Chart:
        labels = self.series_labels
        return charts.line_chart(
            _("Sick-leave percentage per quarter"),
            [row.period.short_label for row in self.history],
            [
                charts.Series(
                    name,
                    labels[name],
                    [
                        row.figures[name].percentage if row.figures[name] else None  # type: ignore[union-attr]
                        for row in self.history
                    ],
                )
                for name in SERIES
            ],
        )


def _organisation_number(value: str) -> str:
    try:
        return str(orgnr.validate(value))
    except StdnumError:
        raise not_found("virksomheten", "the enterprise", "organisation_number") from None


def enterprise_for(*, actor: Actor, organisation_number: str) -> Enterprise:
    """The enterprise, if the actor may see its sick leave (404 unknown, 403 not allowed)."""
    number = _organisation_number(organisation_number)
    enterprise = (
        Enterprise.objects.select_related("county").filter(organisation_number=number).first()
    )
    if enterprise is None:
        raise not_found("virksomheten", "the enterprise", "organisation_number")
    policies.require(actor, "view_enterprise_sick_leave", enterprise)
    return enterprise


def enterprise_comparison(*, actor: Actor, organisation_number: str) -> Comparison:
    enterprise = enterprise_for(actor=actor, organisation_number=organisation_number)
    groups = groups_of(enterprise)
    latest = latest_quarter()
    own = {
        Period(r.year, r.quarter): figure_of(r)
        for r in QuarterlyStatistics.objects.filter(enterprise=enterprise)
    }
    by_group: dict[str, dict[Period, Figure]] = {name: {} for name in groups}
    names = {(g.kind, g.key): name for name, g in groups.items()}
    condition = Q(pk__in=[])
    for g in groups.values():
        condition |= Q(kind=g.kind, key=g.key)
    for row in GroupQuarter.objects.filter(condition):
        by_group[names[(row.kind, row.key)]][Period(row.year, row.quarter)] = figure_of(row)
    summaries = {
        names[(s.kind, s.key)]: figure_of(s)
        for s in GroupSummary.objects.filter(
            kind__in=[g.kind for g in groups.values()],
            key__in=[g.key for g in groups.values()],
        )
        if (s.kind, s.key) in names
    }
    series = {"enterprise": own, **by_group}
    periods = sorted(set(own) | set(by_group["country"]))
    window = four_quarters(latest) if latest else []
    return Comparison(
        enterprise=enterprise,
        groups=groups,
        latest=latest,
        last_quarter={n: series[n].get(latest) if latest else None for n in SERIES},
        four_quarters={
            "enterprise": sum_figures([own[p] for p in window if p in own], across_quarters=True),
            **{n: summaries.get(n) for n in groups},
        },
        history=[QuarterRow(p, {n: series[n].get(p) for n in SERIES}) for p in periods],
    )


# --- a group on its own (analysts) ---------------------------------------------------------


@dataclass
class GroupStatistics:
    group: Group
    latest: Period | None
    last_quarter: Figure | None
    four_quarters: Figure | None
    country_four_quarters: Figure | None
    history: list[tuple[Period, Figure | None, Figure | None]]

    def chart(self) -> charts.Chart:
        return charts.line_chart(
            _("Sick-leave percentage per quarter"),
            [p.short_label for p, _g, _c in self.history],
            [
                charts.Series(
                    "industry" if self.group.kind != GroupKind.COUNTRY else "country",
                    self.group.label,
                    [g.percentage if g else None for _p, g, _c in self.history],
                ),
                *(
                    [
                        charts.Series(
                            "country",
                            _("Norway"),
                            [c.percentage if c else None for _p, _g, c in self.history],
                        )
                    ]
                    if self.group.kind != GroupKind.COUNTRY
                    else []
                ),
            ],
        )


def _check_kind(kind: str) -> None:
    if kind not in GroupKind.values:
        raise not_found("gruppen", "the group", "kind")


def group_statistics(*, actor: Actor, kind: str, key: str) -> GroupStatistics:
    policies.require(actor, "view_sick_leave_aggregates")
    _check_kind(kind)
    rows = {
        Period(r.year, r.quarter): figure_of(r)
        for r in GroupQuarter.objects.filter(kind=kind, key=key)
    }
    if not rows:
        raise not_found("gruppen", "the group", "key")
    country = {
        Period(r.year, r.quarter): figure_of(r)
        for r in GroupQuarter.objects.filter(kind=GroupKind.COUNTRY, key=COUNTRY_KEY)
    }
    summaries = {
        (s.kind, s.key): figure_of(s)
        for s in GroupSummary.objects.filter(kind__in=[kind, GroupKind.COUNTRY])
        if s.key in (key, COUNTRY_KEY)
    }
    latest = latest_quarter()
    return GroupStatistics(
        group=Group(kind, key, group_label(kind, key)),
        latest=latest,
        last_quarter=rows.get(latest) if latest else None,
        four_quarters=summaries.get((kind, key)),
        country_four_quarters=summaries.get((GroupKind.COUNTRY, COUNTRY_KEY)),
        history=[(p, rows.get(p), country.get(p)) for p in sorted(set(rows) | set(country))],
    )


def groups(*, actor: Actor, kind: str) -> list[tuple[Group, Figure]]:
    """Every group of a kind with its four-quarter figures, by label."""
    policies.require(actor, "view_sick_leave_aggregates")
    _check_kind(kind)
    counties = dict(County.objects.values_list("number", "name"))
    found = []
    for s in GroupSummary.objects.filter(kind=kind, enterprises__gt=0):
        label = counties.get(s.key, s.key) if kind == GroupKind.COUNTY else group_label(kind, s.key)
        found.append((Group(kind, s.key, label), figure_of(s)))
    return sorted(found, key=lambda pair: pair[0].key)


# --- the advisors' prioritisation list ----------------------------------------------------

COOPERATION_NONE = "none"


@dataclass
class PriorityFilters:
    county: str = ""
    min_percentage: Decimal | None = None
    max_percentage: Decimal | None = None
    min_lost_workdays: Decimal | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    industry: str = ""
    sector: str = ""
    municipality: str = ""
    cooperation_status: str = ""


def _invalid_filter(name: str, nb: str, en: str) -> DomainError:
    return DomainError(code="invalid_filter", field=name, message_nb=nb, message_en=en)


def _check_filters(filters: PriorityFilters) -> None:
    allowed = {COOPERATION_NONE, *CooperationStatus.values}
    if filters.cooperation_status and filters.cooperation_status not in allowed:
        raise _invalid_filter(
            "cooperation_status",
            "Ukjent samarbeidsstatus.",
            "Unknown cooperation status.",
        )
    if filters.sector and filters.sector not in Sector.values:
        raise _invalid_filter("sector", "Ukjent sektor.", "Unknown sector.")
    for low, high, name in (
        (filters.min_percentage, filters.max_percentage, "percentage"),
        (filters.min_employees, filters.max_employees, "employees"),
    ):
        if low is not None and high is not None and low > high:
            raise _invalid_filter(
                f"min_{name}",
                "Fra-verdien er større enn til-verdien.",
                "The lower bound is above the upper bound.",
            )


def _cooperation_status() -> Subquery:
    """The status of the enterprise's open cooperation, else of its latest one."""
    return Subquery(
        Cooperation.objects.filter(enterprise_id=OuterRef("enterprise_id"))
        .order_by("-is_open", "-created_at", "-pk")
        .values("status")[:1]
    )


def priorities(*, actor: Actor, filters: PriorityFilters) -> QuerySet[EnterpriseSummary]:
    """The enterprises of the advisor's county (or counties) by the lost workdays that could
    be saved, most first."""
    policies.require(actor, "prioritise_enterprises")
    _check_filters(filters)
    counties = policies.iw_counties(actor) if not actor.system else set()
    if filters.county:
        if not actor.system and filters.county not in counties:
            raise forbidden()
        counties = {filters.county}
    found = EnterpriseSummary.objects.filter(county_id__in=counties)
    # Figures based on fewer than five persons are masked: they match no range filter.
    if filters.min_percentage is not None:
        found = found.filter(
            percentage__gte=filters.min_percentage, sick_listed_persons__gte=MASK_BELOW
        )
    if filters.max_percentage is not None:
        found = found.filter(
            percentage__lte=filters.max_percentage, sick_listed_persons__gte=MASK_BELOW
        )
    if filters.min_lost_workdays is not None:
        found = found.filter(
            lost_workdays__gte=filters.min_lost_workdays, sick_listed_persons__gte=MASK_BELOW
        )
    if filters.min_employees is not None:
        found = found.filter(enterprise__employees__gte=filters.min_employees)
    if filters.max_employees is not None:
        found = found.filter(enterprise__employees__lte=filters.max_employees)
    if filters.industry:
        found = found.filter(enterprise__industry_code__startswith=filters.industry.strip())
    if filters.sector:
        found = found.filter(enterprise__sector=filters.sector)
    if filters.municipality:
        found = found.filter(enterprise__municipality_id=filters.municipality)
    if filters.cooperation_status:
        found = _with_cooperation_status(found, filters.cooperation_status)
    return (
        found.select_related("enterprise", "enterprise__municipality", "industry")
        .annotate(cooperation_status=_cooperation_status())
        .order_by(F("saveable_workdays").desc(nulls_last=True), "enterprise__name", "enterprise_id")
    )


def _with_cooperation_status(
    found: QuerySet[EnterpriseSummary], status: str
) -> QuerySet[EnterpriseSummary]:
    """Written as (anti) semi-joins, so that the county's rows are not each asked for their
    latest cooperation: an open cooperation is the current one; a closed status counts only
    for enterprises without an open cooperation."""
    cooperations = Cooperation.objects.filter(enterprise_id=OuterRef("enterprise_id"))
    if status == COOPERATION_NONE:
        return found.filter(~Exists(cooperations))
    if status not in CLOSED_COOPERATION_STATUSES:
        return found.filter(Exists(cooperations.filter(is_open=True, status=status)))
    return (
        found.filter(Exists(cooperations.filter(status=status)))
        .filter(~Exists(cooperations.filter(is_open=True)))
        .alias(current_status=_cooperation_status())
        .filter(current_status=status)
    )


def priority_row(summary: EnterpriseSummary) -> dict[str, Any]:
    """One line of the list, masked where the figures rest on fewer than five persons."""
    enterprise = summary.enterprise
    masked = summary.sick_listed_persons < MASK_BELOW
    industry = summary.industry
    saveable = summary.saveable_workdays
    return {
        "organisation_number": enterprise.organisation_number,
        "name": enterprise.name,
        "municipality": enterprise.municipality_id,
        "municipality_name": enterprise.municipality.name,
        "industry_code": enterprise.industry_code,
        "sector": enterprise.sector,
        "employees": enterprise.employees,
        "cooperation_status": getattr(summary, "cooperation_status", None) or COOPERATION_NONE,
        "masked": masked,
        "percentage": None if masked else summary.percentage,
        "lost_workdays": None if masked else _rounded(Decimal(summary.lost_workdays)),
        "industry_percentage": (
            industry.percentage
            if industry is not None and industry.sick_listed_persons >= MASK_BELOW
            else None
        ),
        "saveable_workdays": None if masked or saveable is None else _rounded(Decimal(saveable)),
    }


# --- the IW centre's results --------------------------------------------------------------

BEFORE_QUARTERS = 4
SERVED_STATUSES = (CooperationStatus.ACTIVE, CooperationStatus.COMPLETED)


@dataclass
class Results:
    """Sick leave of the enterprises an IW centre serves (or has served), before and during
    the cooperation, per quarter relative to its start (0 = the quarter it started)."""

    county: County | None
    enterprises: int
    before: Figure | None
    during: Figure | None
    relative: list[tuple[int, Figure | None]]

    def charts(self) -> list[charts.Chart]:
        labels = [f"{n:+d}" if n else "0" for n, _f in self.relative]
        marker = next((i for i, (n, _f) in enumerate(self.relative) if n == 0), None)
        return [
            charts.line_chart(
                _("Sick-leave percentage, quarters before and after the start"),
                labels,
                [
                    charts.Series(
                        "enterprise",
                        _("Sick-leave percentage"),
                        [f.percentage if f else None for _n, f in self.relative],
                    )
                ],
                marker=marker,
            ),
            charts.line_chart(
                _("Share of lost workdays under graded sick leave"),
                labels,
                [
                    charts.Series(
                        "graded",
                        _("Graded share"),
                        [f.graded_share if f else None for _n, f in self.relative],
                    )
                ],
                marker=marker,
            ),
        ]


def _moved_to(status: str) -> Subquery:
    """When the cooperation first moved to `status`, from its event log."""
    return Subquery(
        CooperationEvent.objects.filter(cooperation=OuterRef("pk"), to_status=status)
        .order_by("occurred_at")
        .values("occurred_at")[:1]
    )


def _quarter_of(moment: datetime.datetime) -> Period:
    local = timezone.localtime(moment)
    return Period(local.year, (local.month - 1) // 3 + 1)


def _served(county: str | None) -> dict[int, tuple[Period, Period | None]]:
    """For each enterprise served: the quarter its cooperation became active and, for a
    completed one, the quarter it was completed — from the cooperation's event log, or
    when it has none (records loaded around the application) the quarter it was created
    and the quarter it was last changed."""
    cooperations = (
        Cooperation.objects.filter(status__in=SERVED_STATUSES)
        .annotate(
            started_at=Coalesce(_moved_to(CooperationStatus.ACTIVE), "created_at"),
            completed_at=Coalesce(_moved_to(CooperationStatus.COMPLETED), "updated_at"),
        )
        .order_by("created_at")
    )
    if county is not None:
        cooperations = cooperations.filter(enterprise__county_id=county)
    served: dict[int, tuple[Period, Period | None]] = {}
    for c in cooperations.only("enterprise_id", "status", "created_at", "updated_at"):
        end = _quarter_of(c.completed_at) if c.status == CooperationStatus.COMPLETED else None
        served[c.enterprise_id] = (_quarter_of(c.started_at), end)  # the latest one counts
    return served


def iw_results(*, actor: Actor, county: str | None) -> Results:
    if county is None and not actor.system:
        mine = sorted(policies.iw_counties(actor))
        if mine and not policies.can_view_iw_results(actor, None):
            county = mine[0]
    policies.require(actor, "view_iw_results", county)
    place = None
    if county is not None:
        place = County.objects.filter(number=county).first()
        if place is None:
            raise not_found("fylket", "the county", "county")
    served = _served(county)
    by_offset: dict[int, list[Figure]] = {}
    before: dict[int, list[Figure]] = {}
    during: dict[int, list[Figure]] = {}
    ids = list(served)
    for start in range(0, len(ids), 500):
        for row in QuarterlyStatistics.objects.filter(enterprise_id__in=ids[start : start + 500]):
            first, last = served[row.enterprise_id]
            period = Period(row.year, row.quarter)
            offset = period.ordinal - first.ordinal
            if offset < -BEFORE_QUARTERS or (last is not None and period.ordinal > last.ordinal):
                continue
            figure = figure_of(row)
            by_offset.setdefault(offset, []).append(figure)
            (before if offset < 0 else during).setdefault(row.enterprise_id, []).append(figure)
    relative = [
        (n, sum_figures(by_offset.get(n, []), across_quarters=False))
        for n in range(-BEFORE_QUARTERS, max([0, *by_offset]) + 1)
    ]
    return Results(
        county=place,
        enterprises=len(served),
        before=_span(before),
        during=_span(during),
        relative=relative if by_offset else [],
    )


def _span(per_enterprise: dict[int, list[Figure]]) -> Figure | None:
    """Several enterprises over several quarters: each enterprise's quarters first (its
    largest quarterly count of persons), then the enterprises added up."""
    spans = [
        s for s in (sum_figures(f, across_quarters=True) for f in per_enterprise.values()) if s
    ]
    return sum_figures(spans, across_quarters=False)


def recent_imports(*, actor: Actor, limit: int = 10) -> list[StatisticsImport]:
    policies.require(actor, "import_sick_leave_statistics")
    return list(StatisticsImport.objects.all()[:limit])
