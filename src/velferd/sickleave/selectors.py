"""Reads of the sick-leave statistics, already filtered by who may see what.

Disclosure control (velferd.core.disclosure, whose docstring states every rule):

- every figure — one enterprise's or a group's — based on fewer than five sick-listed
  persons is hidden. For a span of four quarters the count is the largest quarterly count in
  the span: a floor under the number of different persons behind it, so a span is shown
  only when at least five persons surely stand behind it;
- a group's figure for a quarter needs a minimum number of enterprises (3), none of which
  has the dominance share (85 %) of the group's lost workdays; the hidden groups of one
  kind in a quarter taken together must pass the same rules, or more groups are hidden
  (the country is shown, and the country minus the shown groups gives the hidden ones
  together);
- on an enterprise's own comparison a group is also hidden when the group without that
  enterprise would fail those rules (the enterprise could subtract its own figures);
- a group's four-quarter figure is shown only when each of its quarters is;
- the IW centres' results follow the same rules, the counties being the groups.

A hidden figure has no numbers, only the reason (`Figure.reason`).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
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
from velferd.core import disclosure
from velferd.core.disclosure import Contribution, Reason
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
    QuarterlyStatistics,
    StatisticsImport,
)
from .periods import Period, four_quarters

MASK_BELOW = disclosure.MIN_PERSONS
SERIES = ("enterprise", "industry", "sector", "county", "country")
HUNDRED = Decimal(100)


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Figure:
    """Sick leave over some span: the workdays and the persons behind them, and for a group
    the disclosure rules' verdict (`hidden`, None when it may be shown)."""

    possible_workdays: Decimal
    lost_workdays: Decimal
    graded_lost_workdays: Decimal
    sick_listed_persons: int
    hidden: Reason | None = None

    @property
    def reason(self) -> Reason | None:
        """Why the figure is hidden; None when it is shown."""
        return self.hidden or disclosure.persons_reason(self.sick_listed_persons)

    @property
    def masked(self) -> bool:
        return self.reason is not None

    @property
    def reason_text(self) -> str:
        reason = self.reason
        return disclosure.explain(reason) if reason else ""

    def hide(self, reason: Reason | None) -> Figure:
        """The same figure, hidden for `reason` (unchanged for None)."""
        return dataclasses.replace(self, hidden=reason) if reason and not self.hidden else self

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
        reason = self.reason
        if reason is not None:
            return {
                "masked": True,
                "reason": reason.value,
                "percentage": None,
                "graded_share": None,
                "lost_workdays": None,
                "possible_workdays": None,
            }
        return {
            "masked": False,
            "reason": None,
            "percentage": self.percentage,
            "graded_share": self.graded_share,
            "lost_workdays": _rounded(Decimal(self.lost_workdays)),
            "possible_workdays": _rounded(Decimal(self.possible_workdays)),
        }


def figure_of(row: Any, hidden: Reason | None = None) -> Figure:
    return Figure(
        Decimal(row.possible_workdays),
        Decimal(row.lost_workdays),
        Decimal(row.graded_lost_workdays),
        row.sick_listed_persons,
        hidden,
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


def span_of(quarters: dict[Period, Figure], window: Iterable[Period]) -> Figure | None:
    """A group's figure over the quarters of `window` it has figures for: shown only when
    each of those quarters is (the span minus the shown quarters would give a hidden one)."""
    parts = [quarters[p] for p in window if p in quarters]
    total = sum_figures(parts, across_quarters=True)
    if total is None:
        return None
    return total.hide(
        disclosure.persons_reason(total.sick_listed_persons)
        or disclosure.span_reason(f.reason for f in parts)
    )


def contribution_of(row: GroupQuarter) -> Contribution:
    return Contribution(
        enterprises=row.enterprises,
        persons=row.sick_listed_persons,
        total=Decimal(row.lost_workdays),
        largest=row.largest_lost_workdays,
        second=row.second_lost_workdays,
    )


def contribution_of_enterprises(figures: list[Figure]) -> Contribution:
    """A group made of these enterprises' figures (one figure each)."""
    lost = sorted((f.lost_workdays for f in figures), reverse=True)
    return Contribution(
        enterprises=len(figures),
        persons=sum(f.sick_listed_persons for f in figures),
        total=sum(lost, Decimal(0)),
        largest=lost[0] if lost else Decimal(0),
        second=lost[1] if len(lost) > 1 else Decimal(0),
    )


@dataclass
class GroupRows:
    """Group rows with the disclosure verdicts decided: every quarter's groups of one kind
    are judged together (primary and complementary suppression)."""

    figures: dict[tuple[str, str], dict[Period, Figure]]
    contributions: dict[tuple[str, str], dict[Period, Contribution]]

    def of(self, kind: str, key: str) -> dict[Period, Figure]:
        return self.figures.get((kind, key), {})


def group_rows(kinds: Iterable[str], window: list[Period] | None = None) -> GroupRows:
    """Every group of these kinds (in the quarters of `window`, else in all quarters)."""
    found = GroupQuarter.objects.filter(kind__in=list(kinds))
    if window is not None:
        condition = Q(pk__in=[])
        for p in window:
            condition |= Q(year=p.year, quarter=p.quarter)
        found = found.filter(condition)
    rows: dict[tuple[str, Period], dict[str, GroupQuarter]] = {}
    for row in found:
        rows.setdefault((row.kind, Period(row.year, row.quarter)), {})[row.key] = row
    result = GroupRows({}, {})
    for (kind, period), groups in rows.items():
        contributions = {key: contribution_of(row) for key, row in groups.items()}
        verdicts = disclosure.suppress(contributions)
        for key, row in groups.items():
            result.figures.setdefault((kind, key), {})[period] = figure_of(row, verdicts[key])
            result.contributions.setdefault((kind, key), {})[period] = contributions[key]
    return result


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
    """The enterprise, if the actor may see its sick leave: one they may not see answers as
    an unknown one (404), so that a number tells nothing about whether it is on record."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    number = _organisation_number(organisation_number)
    enterprise = (
        Enterprise.objects.select_related("county").filter(organisation_number=number).first()
    )
    if enterprise is None or not policies.can_view_enterprise_sick_leave(actor, enterprise):
        raise not_found("virksomheten", "the enterprise", "organisation_number")
    return enterprise


def enterprise_comparison(*, actor: Actor, organisation_number: str) -> Comparison:
    """One enterprise against its groups. A group figure is hidden where the analysts do
    not see it, and where the group without this enterprise would fail the disclosure rules:
    the enterprise knows its own figures and could subtract them."""
    enterprise = enterprise_for(actor=actor, organisation_number=organisation_number)
    groups = groups_of(enterprise)
    latest = latest_quarter()
    own = {
        Period(r.year, r.quarter): figure_of(r)
        for r in QuarterlyStatistics.objects.filter(enterprise=enterprise)
    }
    rows = group_rows({g.kind for g in groups.values()})
    by_group: dict[str, dict[Period, Figure]] = {}
    for name, g in groups.items():
        contributions = rows.contributions.get((g.kind, g.key), {})
        by_group[name] = {
            period: figure.hide(_without_own(contributions[period], own.get(period)))
            for period, figure in rows.of(g.kind, g.key).items()
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
            **{n: span_of(by_group[n], window) for n in groups},
        },
        history=[QuarterRow(p, {n: series[n].get(p) for n in SERIES}) for p in periods],
    )


def _without_own(group: Contribution, own: Figure | None) -> Reason | None:
    return disclosure.own_view_reason(
        group,
        own_total=own.lost_workdays if own is not None else None,
        own_persons=own.sick_listed_persons if own is not None else 0,
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
    policies.require(actor, policies.can_view_sick_leave_aggregates)
    _check_kind(kind)
    found = group_rows({kind, GroupKind.COUNTRY})
    rows = found.of(kind, key)
    if not rows:
        raise not_found("gruppen", "the group", "key")
    country = found.of(GroupKind.COUNTRY, COUNTRY_KEY)
    latest = latest_quarter()
    window = four_quarters(latest) if latest else []
    return GroupStatistics(
        group=Group(kind, key, group_label(kind, key)),
        latest=latest,
        last_quarter=rows.get(latest) if latest else None,
        four_quarters=span_of(rows, window),
        country_four_quarters=span_of(country, window),
        history=[(p, rows.get(p), country.get(p)) for p in sorted(set(rows) | set(country))],
    )


def groups(*, actor: Actor, kind: str) -> list[tuple[Group, Figure]]:
    """Every group of a kind with figures in the last four quarters, with those figures,
    by key."""
    policies.require(actor, policies.can_view_sick_leave_aggregates)
    _check_kind(kind)
    latest = latest_quarter()
    if latest is None:
        return []
    window = four_quarters(latest)
    counties = dict(County.objects.values_list("number", "name"))
    found = []
    for (_kind, key), quarters in group_rows({kind}, window).figures.items():
        span = span_of(quarters, window)
        if span is None:
            continue
        label = counties.get(key, key) if kind == GroupKind.COUNTY else group_label(kind, key)
        found.append((Group(kind, key, label), span))
    return sorted(found, key=lambda pair: pair[0].key)


def hidden_industries() -> dict[str, Reason]:
    """The industries whose four-quarter figures are hidden from the analysts, and why."""
    latest = latest_quarter()
    if latest is None:
        return {}
    window = four_quarters(latest)
    hidden = {}
    for (_kind, key), quarters in group_rows({GroupKind.INDUSTRY}, window).figures.items():
        span = span_of(quarters, window)
        if span is not None and span.reason is not None:
            hidden[key] = span.reason
    return hidden


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
    policies.require(actor, policies.can_prioritise_enterprises)
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


def priority_rows(summaries: Iterable[EnterpriseSummary]) -> list[dict[str, Any]]:
    """The lines of one page of the list."""
    hidden = hidden_industries()
    return [priority_row(s, hidden_industries=hidden) for s in summaries]


def priority_row(
    summary: EnterpriseSummary, *, hidden_industries: dict[str, Reason] | None = None
) -> dict[str, Any]:
    """One line of the list, masked where the figures rest on fewer than five persons. The
    industry's percentage is left out where the analysts do not see it, and so are the
    workdays to save, from which it would follow (lost − possible × percentage)."""
    enterprise = summary.enterprise
    reason = disclosure.persons_reason(summary.sick_listed_persons)
    industry = summary.industry
    industry_reason = (
        None
        if industry is None
        else (hidden_industries or {}).get(industry.key)
        or disclosure.persons_reason(industry.sick_listed_persons)
    )
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
        "masked": reason is not None,
        "reason": reason,
        "percentage": None if reason else summary.percentage,
        "lost_workdays": None if reason else _rounded(Decimal(summary.lost_workdays)),
        "industry_percentage": (
            industry.percentage if industry is not None and industry_reason is None else None
        ),
        "industry_reason": industry_reason,
        "saveable_workdays": (
            None if reason or industry_reason or saveable is None else _rounded(Decimal(saveable))
        ),
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


def _served() -> dict[int, tuple[str, Period, Period | None]]:
    """For each enterprise served: its county, the quarter its cooperation became active
    and, for a completed one, the quarter it was completed — from the cooperation's event
    log, or when it has none (records loaded around the application) the quarter it was
    created and the quarter it was last changed."""
    cooperations = (
        Cooperation.objects.filter(status__in=SERVED_STATUSES)
        .annotate(
            started_at=Coalesce(_moved_to(CooperationStatus.ACTIVE), "created_at"),
            completed_at=Coalesce(_moved_to(CooperationStatus.COMPLETED), "updated_at"),
        )
        .order_by("created_at")
        .values_list(
            "enterprise_id", "enterprise__county_id", "status", "started_at", "completed_at"
        )
    )
    served: dict[int, tuple[str, Period, Period | None]] = {}
    for enterprise, county, status, started_at, completed_at in cooperations:
        end = _quarter_of(completed_at) if status == CooperationStatus.COMPLETED else None
        served[enterprise] = (county, _quarter_of(started_at), end)  # the latest one counts
    return served


@dataclass
class _Side:
    """One county's figures on one side of the start (before or during), per enterprise."""

    quarters: dict[int, list[Figure]] = field(default_factory=dict)

    def add(self, enterprise: int, figure: Figure) -> None:
        self.quarters.setdefault(enterprise, []).append(figure)

    def merged(self, other: _Side) -> _Side:
        return _Side({**self.quarters, **other.quarters})

    def figure(self, parts: Iterable[Reason | None]) -> Figure | None:
        """Several enterprises over several quarters: each enterprise's quarters first (its
        largest quarterly count of persons), then the enterprises added up; hidden when a
        quarter of it is, or when it fails the rules itself."""
        spans = [
            s for s in (sum_figures(f, across_quarters=True) for f in self.quarters.values()) if s
        ]
        total = sum_figures(spans, across_quarters=False)
        if total is None:
            return None
        return total.hide(disclosure.span_reason(parts, contribution_of_enterprises(spans)))


def iw_results(*, actor: Actor, county: str | None) -> Results:
    """The results of one county's IW centre, or of the whole country. Every county's are
    worked out, because the counties are groups of one kind whose sum (the country) is shown:
    a county's figure for a quarter is judged together with the other counties' figures for
    it (velferd.core.disclosure.suppress)."""
    if county is None and not actor.system:
        mine = sorted(policies.iw_counties(actor))
        if mine and not policies.can_view_iw_results(actor, None):
            county = mine[0]
    policies.require(actor, policies.can_view_iw_results, county)
    place = None
    if county is not None:
        place = County.objects.filter(number=county).first()
        if place is None:
            raise not_found("fylket", "the county", "county")
    served = _served()
    by_offset: dict[int, dict[str, list[Figure]]] = {}
    sides: dict[tuple[str, bool], _Side] = {}
    ids = list(served)
    columns = (
        "enterprise_id",
        "year",
        "quarter",
        "possible_workdays",
        "lost_workdays",
        "graded_lost_workdays",
        "sick_listed_persons",
    )
    for start in range(0, len(ids), 500):
        rows = QuarterlyStatistics.objects.filter(enterprise_id__in=ids[start : start + 500])
        for enterprise, year, quarter, possible, lost, graded, persons in rows.values_list(
            *columns
        ):
            where, first, last = served[enterprise]
            period = Period(year, quarter)
            offset = period.ordinal - first.ordinal
            if offset < -BEFORE_QUARTERS or (last is not None and period.ordinal > last.ordinal):
                continue
            figure = Figure(Decimal(possible), Decimal(lost), Decimal(graded), persons)
            by_offset.setdefault(offset, {}).setdefault(where, []).append(figure)
            sides.setdefault((where, offset >= 0), _Side()).add(enterprise, figure)
    relative: dict[int, Figure | None] = {}
    for offset, counties in by_offset.items():
        if county is None:
            every = [f for figures in counties.values() for f in figures]
            verdict = disclosure.group_reason(contribution_of_enterprises(every))
        elif county in counties:
            every = counties[county]
            verdict = disclosure.suppress(
                {c: contribution_of_enterprises(f) for c, f in counties.items()}
            )[county]
        else:
            continue
        total = sum_figures(every, across_quarters=False)
        relative[offset] = total.hide(verdict) if total else None
    first_offset = -BEFORE_QUARTERS
    last_offset = max([0, *relative])
    before, during = _Side(), _Side()
    for (where, is_during), side in sides.items():
        if county is None or where == county:
            if is_during:
                during = during.merged(side)
            else:
                before = before.merged(side)
    parts = {n: f.reason for n, f in relative.items() if f is not None}
    return Results(
        county=place,
        enterprises=sum(1 for where, _f, _l in served.values() if county in (None, where)),
        before=before.figure(r for n, r in parts.items() if n < 0),
        during=during.figure(r for n, r in parts.items() if n >= 0),
        relative=(
            [(n, relative.get(n)) for n in range(first_offset, last_offset + 1)] if relative else []
        ),
    )


def recent_imports(*, actor: Actor, limit: int = 10) -> list[StatisticsImport]:
    policies.require(actor, policies.can_import_sick_leave_statistics)
    return list(StatisticsImport.objects.all()[:limit])
