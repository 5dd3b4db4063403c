"""The groups (an industry, a sector, a county, the country, an industry programme) and
their figures, for the analysts and the groups an enterprise is compared with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.disclosure import Reason
from velferd.core.errors import not_found
from velferd.organisation import selectors as organisation_selectors

from .. import charts
from ..industries import division_label, division_of
from ..models import (
    COUNTRY_KEY,
    GroupKind,
)
from ..periods import Period, four_quarters
from ..programmes import programme_label, programme_of
from ..sectors import sector_label
from .figures import (
    Figure,
    group_rows,
    latest_quarter,
    span_of,
)


@dataclass(frozen=True)
class Group:
    kind: str
    key: str
    label: str
    # The enterprises behind the group's figure in its latest quarter (0 where not counted).
    enterprises: int = field(default=0, compare=False)


def group_label(kind: str, key: str) -> str:
    if kind == GroupKind.INDUSTRY:
        return division_label(key)
    if kind == GroupKind.SECTOR:
        return sector_label(key)
    if kind == GroupKind.PROGRAMME:
        return programme_label(key)
    if kind == GroupKind.COUNTY:
        county = organisation_selectors.counties().filter(number=key).first()
        return county.name if county else key
    return _("Norway")


def groups_of(enterprise: Any) -> dict[str, Group]:
    """The groups an enterprise (employers') is compared with, by series name: its industry
    programme too where its NACE code is in one."""
    keys = {
        "industry": (GroupKind.INDUSTRY, division_of(enterprise.industry_code)),
        "sector": (GroupKind.SECTOR, enterprise.sector),
        "county": (GroupKind.COUNTY, enterprise.county_id),
        "country": (GroupKind.COUNTRY, COUNTRY_KEY),
    }
    programme = programme_of(enterprise.industry_code)
    if programme is not None:
        keys["programme"] = (GroupKind.PROGRAMME, programme.key)
    return {name: Group(kind, key, group_label(kind, key)) for name, (kind, key) in keys.items()}


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
    counties = dict(organisation_selectors.counties().values_list("number", "name"))
    found = []
    rows = group_rows({kind}, window)
    for (found_kind, key), quarters in rows.figures.items():
        span = span_of(quarters, window)
        if span is None or found_kind != kind:
            continue
        label = counties.get(key, key) if kind == GroupKind.COUNTY else group_label(kind, key)
        contributions = rows.contributions[(found_kind, key)]
        enterprises = contributions[max(contributions)].enterprises
        found.append((Group(kind, key, label, enterprises), span))
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
