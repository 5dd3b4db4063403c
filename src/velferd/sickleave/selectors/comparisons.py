"""One enterprise against its groups: its industry programme (if it is in one), industry,
sector, county and the country."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core import disclosure
from velferd.core.disclosure import Contribution, Reason
from velferd.core.errors import DomainError, not_found
from velferd.core.identifiers import validate_organisation_number
from velferd.employers import selectors as employer_selectors

from .. import charts
from ..models import (
    QuarterlyStatistics,
)
from ..periods import Period, four_quarters
from .aggregates import Group, groups_of
from .figures import (
    Figure,
    figure_of,
    group_rows,
    latest_quarter,
    span_of,
    sum_figures,
)

SERIES = ("enterprise", "industry", "sector", "county", "country")
# An enterprise in an industry programme of the IW agreement is compared with it too, next
# to its own figures.
PROGRAMME = "programme"


@dataclass
class QuarterRow:
    period: Period
    figures: dict[str, Figure | None]


@dataclass
class Comparison:
    """What the comparison page and the API show for one enterprise."""

    enterprise: Any  # employers'
    groups: dict[str, Group]
    latest: Period | None
    last_quarter: dict[str, Figure | None]
    four_quarters: dict[str, Figure | None]
    history: list[QuarterRow] = field(default_factory=list)

    @property
    def series(self) -> list[str]:
        """The series compared: SERIES, with the programme after the enterprise where it is
        in one."""
        return _names(self.groups)

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
                for name in self.series
            ],
        )


def _organisation_number(value: str) -> str:
    try:
        return validate_organisation_number(value)
    except DomainError:
        raise not_found("virksomheten", "the enterprise", "organisation_number") from None


def enterprise_for(*, actor: Actor, organisation_number: str) -> Any:
    """The enterprise, if the actor may see its sick leave: one they may not see answers as
    an unknown one (404), so that a number tells nothing about whether it is on record."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    number = _organisation_number(organisation_number)
    enterprise = employer_selectors.enterprise_numbered(number)
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
    names = _names(groups)
    periods = sorted(set(own) | set(by_group["country"]))
    window = four_quarters(latest) if latest else []
    return Comparison(
        enterprise=enterprise,
        groups=groups,
        latest=latest,
        last_quarter={n: series[n].get(latest) if latest else None for n in names},
        four_quarters={
            "enterprise": sum_figures([own[p] for p in window if p in own], across_quarters=True),
            **{n: span_of(by_group[n], window) for n in groups},
        },
        history=[QuarterRow(p, {n: series[n].get(p) for n in names}) for p in periods],
    )


def _names(groups: dict[str, Group]) -> list[str]:
    return [SERIES[0], *([PROGRAMME] if PROGRAMME in groups else []), *SERIES[1:]]


def _without_own(group: Contribution, own: Figure | None) -> Reason | None:
    return disclosure.own_view_reason(
        group,
        own_total=own.lost_workdays if own is not None else None,
        own_persons=own.sick_listed_persons if own is not None else 0,
    )
