"""A figure of sick leave, the sums of figures, and the group rows with the disclosure
verdicts decided: what every read of the statistics is built from.

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
- the IW centres' results follow the same rules, the counties being the groups;
- an industry programme lies in one NACE division: one that is the whole division is hidden
  where the division is, and one that is part of it where the rest of the division would
  fail the rules (the division minus the programme would reveal it).

Percentages and workdays are given with one decimal, as NAV publishes them.

A hidden figure has no numbers, only the reason (`Figure.reason`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Q,
)

from velferd.core import disclosure
from velferd.core.disclosure import Contribution, Reason

from ..models import (
    COUNTRY_KEY,
    GroupKind,
    GroupQuarter,
)
from ..periods import Period
from ..programmes import BY_KEY as PROGRAMMES
from ..published import one_decimal, percent

MASK_BELOW = disclosure.MIN_PERSONS
HUNDRED = Decimal(100)


def rounded(value: Decimal) -> Decimal:
    """Workdays or a percentage as NAV publishes them: one decimal."""
    return one_decimal(value)


@dataclass(frozen=True)
class Figure:
    """Sick leave over some span: the workdays and the persons behind them, and for a group
    the disclosure rules' verdict (`hidden`, None when it may be shown)."""

    possible_workdays: Decimal
    lost_workdays: Decimal
    graded_lost_workdays: Decimal
    sick_listed_persons: int
    hidden: Reason | None = None
    # Lost workdays of short-term (1–16 days) and long-term (17 days and more) sick leave:
    # None where the statistics file did not give them.
    short_term_lost_workdays: Decimal | None = None
    long_term_lost_workdays: Decimal | None = None

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
        if self.masked:
            return None
        return percent(self.lost_workdays, self.possible_workdays)

    @property
    def graded_share(self) -> Decimal | None:
        """The share of the lost workdays that were under graded sick leave, in per cent."""
        if self.masked:
            return None
        return percent(self.graded_lost_workdays, self.lost_workdays)

    @property
    def has_duration_split(self) -> bool:
        """Whether the file gave short-term and long-term sick leave (for every quarter)."""
        return (
            self.short_term_lost_workdays is not None and self.long_term_lost_workdays is not None
        )

    @property
    def short_term_percentage(self) -> Decimal | None:
        """Short-term sick leave (1–16 days): its lost workdays as a share of the possible."""
        if self.masked or self.short_term_lost_workdays is None:
            return None
        return percent(self.short_term_lost_workdays, self.possible_workdays)

    @property
    def long_term_percentage(self) -> Decimal | None:
        """Long-term sick leave (17 days and more), as a share of the possible workdays."""
        if self.masked or self.long_term_lost_workdays is None:
            return None
        return percent(self.long_term_lost_workdays, self.possible_workdays)

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
                "duration_split": self.has_duration_split,
                "short_term_percentage": None,
                "long_term_percentage": None,
            }
        return {
            "masked": False,
            "reason": None,
            "percentage": self.percentage,
            "graded_share": self.graded_share,
            "lost_workdays": rounded(Decimal(self.lost_workdays)),
            "possible_workdays": rounded(Decimal(self.possible_workdays)),
            "duration_split": self.has_duration_split,
            "short_term_percentage": self.short_term_percentage,
            "long_term_percentage": self.long_term_percentage,
        }


def _optional(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def figure_of(row: Any, hidden: Reason | None = None) -> Figure:
    return Figure(
        Decimal(row.possible_workdays),
        Decimal(row.lost_workdays),
        Decimal(row.graded_lost_workdays),
        row.sick_listed_persons,
        hidden,
        _optional(getattr(row, "short_term_lost_workdays", None)),
        _optional(getattr(row, "long_term_lost_workdays", None)),
    )


def _sum_split(values: list[Decimal | None]) -> Decimal | None:
    """A split over several figures only when each of them has it."""
    if any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


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
        short_term_lost_workdays=_sum_split([f.short_term_lost_workdays for f in figures]),
        long_term_lost_workdays=_sum_split([f.long_term_lost_workdays for f in figures]),
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
    """Every group of these kinds (in the quarters of `window`, else in all quarters). The
    industry programmes are judged beside the divisions they lie in, which are read too."""
    kinds = set(kinds)
    if GroupKind.PROGRAMME in kinds:
        kinds.add(GroupKind.INDUSTRY)
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
    _judge_programmes(result)
    return result


def _judge_programmes(result: GroupRows) -> None:
    """Hide a programme where its division would reveal it: a programme that is a whole
    division where the division is hidden; one that is part of a division where the
    division is shown and the rest of it fails the rules."""
    for (kind, key), quarters in result.figures.items():
        if kind != GroupKind.PROGRAMME or key not in PROGRAMMES:
            continue
        programme = PROGRAMMES[key]
        division = (GroupKind.INDUSTRY, programme.division)
        for period, figure in list(quarters.items()):
            whole = result.figures.get(division, {}).get(period)
            if whole is None:
                continue
            if programme.whole_division:
                reason = whole.hidden and Reason.COMPLEMENTARY
            else:
                rest = _rest(
                    result.contributions[division][period],
                    result.contributions[(kind, key)][period],
                )
                reveals = rest.enterprises > 0 and disclosure.group_reason(rest) is not None
                reason = Reason.COMPLEMENTARY if whole.hidden is None and reveals else None
            quarters[period] = figure.hide(reason)


def _rest(whole: Contribution, part: Contribution) -> Contribution:
    """A group without a subgroup of it. The largest of the rest is the group's largest
    unless the subgroup holds it; then at most the group's second largest."""
    if whole.largest is None or part.largest is None:
        largest = None
    elif part.largest >= whole.largest:
        largest = whole.second
    else:
        largest = whole.largest
    return Contribution(
        enterprises=whole.enterprises - part.enterprises,
        persons=None
        if whole.persons is None or part.persons is None
        else whole.persons - part.persons,
        total=whole.total - part.total,
        largest=largest,
        second=None,
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
