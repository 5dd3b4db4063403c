"""The IW centres' results: the sick leave of the enterprises a centre serves, before
and during the cooperation, judged by county as groups of one kind."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core import disclosure
from velferd.core.disclosure import Reason
from velferd.core.errors import not_found
from velferd.employers import selectors as employer_selectors
from velferd.organisation import selectors as organisation_selectors

from .. import charts
from ..models import (
    QuarterlyStatistics,
)
from ..periods import Period
from .figures import (
    Figure,
    contribution_of_enterprises,
    sum_figures,
)

BEFORE_QUARTERS = 4
SERVED_STATUSES = employer_selectors.SERVED_STATUSES


@dataclass
class Results:
    """Sick leave of the enterprises an IW centre serves (or has served), before and during
    the cooperation, per quarter relative to its start (0 = the quarter it started)."""

    county: Any  # the registry's County, or None for the country
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
                key="percentage",
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
                key="graded",
            ),
        ]

    def quarters(self) -> list[tuple[str, Figure | None]]:
        """The charts' quarters in words, each with its figure, for the tables beside them."""
        return [(_quarter_in_words(n), figure) for n, figure in self.relative]


def _quarter_in_words(offset: int) -> str:
    if offset == 0:
        return _("The quarter it started")
    if offset < 0:
        return ngettext(
            "%(n)d quarter before the start", "%(n)d quarters before the start", -offset
        ) % {"n": -offset}
    return ngettext("%(n)d quarter after the start", "%(n)d quarters after the start", offset) % {
        "n": offset
    }


def _quarter_of(moment: datetime.datetime) -> Period:
    local = timezone.localtime(moment)
    return Period(local.year, (local.month - 1) // 3 + 1)


def _served() -> dict[int, tuple[str, Period, Period | None]]:
    """For each enterprise served: its county, the quarter its cooperation became active
    and, for a completed one, the quarter it was completed — from the cooperation's event
    log, or when it has none (records loaded around the application) the quarter it was
    created and the quarter it was last changed."""
    served: dict[int, tuple[str, Period, Period | None]] = {}
    for enterprise, county, started_at, completed_at in employer_selectors.served_cooperations():
        end = _quarter_of(completed_at) if completed_at is not None else None
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
        county = policies.iw_results_county(actor)
    policies.require(actor, policies.can_view_iw_results, county)
    place = None
    if county is not None:
        place = organisation_selectors.counties().filter(number=county).first()
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


def counties_with_results(*, actor: Actor) -> QuerySet[Any]:
    """The counties whose IW centre's results the actor may choose."""
    return organisation_selectors.counties().filter(policies.iw_results_counties(actor))
