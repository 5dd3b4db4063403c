"""The outcome figures: for each scheme type (and follow-up without a scheme) at each
horizon, how many ended and the share in work, in education, on a benefit and none, for
the country or one county; masked by the rules of core.disclosure over persons.

Masking, each person a unit (core.disclosure rules 1 and 5):

- a row (a scheme type at a horizon, in an area) with fewer than `MIN_PERSONS` ended is
  hidden; across the counties, the hidden rows taken together must have `MIN_PERSONS` or
  more, else the smallest shown county is hidden too (the country's figure minus the shown
  counties would give them);
- a status cell with 1–4 persons is hidden; in a row, and across the counties for one
  status, the hidden cells together must have `MIN_PERSONS` or more, else the smallest
  shown cell is hidden as well. A cell of none is shown.

The rules are applied until nothing more is hidden, so a cell hidden for a county's sake is
also counted when its row is checked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Count
from django.utils.translation import gettext

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core import disclosure
from velferd.core.errors import DomainError
from velferd.organisation import selectors as organisation_selectors
from velferd.schemes.selectors.names import scheme_type_names

from ..models import OUTCOME_HORIZONS, Outcome, OutcomeOrigin, OutcomeStatus

K = TypeVar("K", bound=Hashable)
STATUSES = tuple(OutcomeStatus.values)
WITHOUT_SCHEME = ""  # the key of follow-up periods without a scheme
NO_COUNTY = "--"
NATION = "00"


def mask_persons(counts: Mapping[K, int], hidden: set[K] | None = None) -> set[K]:
    """The keys whose count must be hidden: 1–4 persons (rule 1), and then the smallest shown
    ones until the hidden together have `MIN_PERSONS` or more (rule 5). `hidden` are keys
    hidden already for another reason. Zero counts reveal no one and stay shown."""
    found = set(hidden or ()) | {k for k, n in counts.items() if disclosure.persons_reason(n)}
    found -= {k for k, n in counts.items() if n == 0 and k not in (hidden or ())}
    shown = sorted((k for k in counts if k not in found and counts[k] > 0), key=counts.__getitem__)
    while found and shown and 0 < sum(counts[k] for k in found) < disclosure.MIN_PERSONS:
        found.add(shown.pop(0))
    return found


@dataclass(frozen=True)
class Cell:
    status: str
    label: str
    count: int | None
    share: Decimal | None
    reason: str = ""

    @property
    def reason_text(self) -> str:
        return disclosure.explain(self.reason) if self.reason else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "share": float(self.share) if self.share is not None else None,
            "reason": self.reason or None,
        }


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    horizon: int
    ended: int | None
    cells: list[Cell]
    reason: str = ""

    @property
    def reason_text(self) -> str:
        if self.reason == disclosure.Reason.FEW_PERSONS:
            return gettext("Hidden: fewer than %(n)s persons") % {"n": disclosure.MIN_PERSONS}
        return disclosure.explain(self.reason) if self.reason else ""

    def cell(self, status: str) -> Cell:
        return next(c for c in self.cells if c.status == status)


@dataclass
class OutcomeFigures:
    county: str | None
    county_name: str
    horizons: tuple[int, ...]
    rows: list[Row] = field(default_factory=list)

    def at(self, horizon: int) -> list[Row]:
        return [r for r in self.rows if r.horizon == horizon]


def _counts() -> dict[tuple[str, int], dict[str, dict[str, int]]]:
    """{(scheme key, horizon): {county: {status: persons}}}; follow-up periods count only
    without a scheme (with one, the participation is counted under its type)."""
    found: dict[tuple[str, int], dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    )
    rows = (
        Outcome.objects.exclude(origin=OutcomeOrigin.FOLLOW_UP_PERIOD, scheme_type__gt="")
        .values("scheme_type", "horizon_months", "person__municipality__county_id", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        key = (row["scheme_type"], row["horizon_months"])
        county = row["person__municipality__county_id"] or NO_COUNTY
        found[key][county][row["status"]] += row["n"]
    return found


def _masked(by_county: dict[str, dict[str, int]]) -> dict[str, tuple[str, dict[str, str]]]:
    """{area: (the row's reason, {status: the cell's reason})} for every county and the
    nation (NATION), repeated until nothing more is hidden."""
    totals = {c: sum(s.values()) for c, s in by_county.items()}
    nation = {s: sum(by_county[c][s] for c in by_county) for s in STATUSES}
    rows_hidden = mask_persons(totals)
    areas = {**by_county, NATION: nation}
    cells: dict[str, set[str]] = {a: set(STATUSES) if a in rows_hidden else set() for a in areas}
    for _round in range(10):
        before = sum(len(v) for v in cells.values())
        for area, statuses in areas.items():
            cells[area] = mask_persons(statuses, cells[area])
        for status in STATUSES:
            column = {c: by_county[c][status] for c in by_county}
            hidden = mask_persons(column, {c for c in by_county if status in cells[c]})
            for county in hidden:
                cells[county].add(status)
        if sum(len(v) for v in cells.values()) == before:
            break
    nation_reason = disclosure.persons_reason(sum(nation.values()))
    verdicts = {}
    for area, statuses in areas.items():
        total = sum(statuses.values())
        if area == NATION:
            reason = nation_reason.value if nation_reason else ""
        elif area in rows_hidden:
            reason = "few_persons" if total < disclosure.MIN_PERSONS else "complementary"
        else:
            reason = ""
        verdicts[area] = (
            reason,
            {s: _cell_reason(statuses[s], s in cells[area]) for s in STATUSES},
        )
    return verdicts


def _cell_reason(count: int, hidden: bool) -> str:
    if not hidden:
        return ""
    return "few_persons" if 0 < count < disclosure.MIN_PERSONS else "complementary"


def _row(key: str, label: str, horizon: int, statuses: dict[str, int], verdict: Any) -> Row:
    reason, cell_reasons = verdict
    total = sum(statuses.values())
    labels = dict(OutcomeStatus.choices)
    cells = [
        Cell(
            status=s,
            label=str(labels[s]),
            count=None if reason or cell_reasons[s] else statuses[s],
            share=None
            if reason or cell_reasons[s] or not total
            else (Decimal(100 * statuses[s]) / total).quantize(Decimal("0.1")),
            reason=reason or cell_reasons[s],
        )
        for s in STATUSES
    ]
    return Row(key, label, horizon, None if reason else total, cells, reason)


def outcome_figures(*, actor: Actor, county: str | None = None) -> OutcomeFigures:
    """The figures for the country (`county` None) or one county, masked."""
    policies.require(actor, policies.can_view_outcome_figures)
    county_name = gettext("All of Norway")
    if county:
        names = dict(organisation_selectors.counties().values_list("number", "name"))
        if county not in names:
            raise DomainError(
                code="unknown_county",
                field="county",
                status=404,
                message_nb=f"Fylket «{county}» finnes ikke.",
                message_en=f"The county “{county}” does not exist.",
            )
        county_name = names[county]
    names = scheme_type_names()
    figures = OutcomeFigures(county=county, county_name=county_name, horizons=OUTCOME_HORIZONS)
    for (key, horizon), by_county in sorted(
        _counts().items(), key=lambda item: (item[0][1], _label(item[0][0], names))
    ):
        verdicts = _masked(by_county)
        area = county or NATION
        statuses = (
            {s: sum(by_county[c][s] for c in by_county) for s in STATUSES}
            if area == NATION
            else by_county.get(area, dict.fromkeys(STATUSES, 0))
        )
        if not sum(statuses.values()):
            continue
        verdict = verdicts.get(area, ("", dict.fromkeys(STATUSES, "")))
        figures.rows.append(_row(key, _label(key, names), horizon, statuses, verdict))
    return figures


def _label(key: str, names: dict[str, str]) -> str:
    if key == WITHOUT_SCHEME:
        return gettext("Follow-up without a scheme")
    return names.get(key, key)


DEFAULT_HORIZON = 12


def horizon_from(value: str | None) -> int:
    if not value:
        return DEFAULT_HORIZON
    if value.isdigit() and int(value) in OUTCOME_HORIZONS:
        return int(value)
    raise DomainError(
        code="invalid_horizon",
        field="horizon",
        status=400,
        message_nb="Velg 3, 6, 12 eller 24 måneder.",
        message_en="Choose 3, 6, 12 or 24 months.",
    )


def counties() -> list[tuple[str, str]]:
    return list(organisation_selectors.counties().values_list("number", "name"))
