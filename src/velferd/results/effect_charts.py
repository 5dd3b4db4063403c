"""The geometry of the effect pages' charts, drawn by the templates as inline SVG.

Nothing here draws: it works out where each point, line, bar and label goes, so that the
template only writes <line>, <circle>, <rect> and <text> elements with CSS classes (no
script, no inline style). Every chart has its figures in a table beside it.

- The forest plot: a row per group, the estimate as a point and its 95 % interval as a
  line, against a zero line; effects in percentage points.
- The overlap histogram: the propensity scores of the treated and of the controls, as
  shares of each side per bin, side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format

WIDTH = 720
LABEL_WIDTH, RIGHT, TOP, BOTTOM = 230, 16, 12, 40
ROW_HEIGHT = 28
TICKS = 4


def points(value: float) -> str:
    """A share difference in percentage points, the Norwegian way (decimal comma)."""
    return number_format(round(value * 100, 1), 1)


@dataclass(frozen=True)
class ForestRow:
    label: str
    y: float
    x: float | None = None
    x_low: float | None = None
    x_high: float | None = None
    text: str = ""  # the row's figures in words, for its <title>


@dataclass
class ForestPlot:
    key: str
    title: str
    rows: list[ForestRow] = field(default_factory=list)
    width: int = WIDTH
    height: int = 0
    left: int = LABEL_WIDTH
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = 0
    zero_x: float = 0.0
    x_ticks: list[tuple[float, str]] = field(default_factory=list)

    @property
    def has_values(self) -> bool:
        return any(row.x is not None for row in self.rows)


@dataclass(frozen=True)
class ForestInput:
    label: str
    effect: float | None
    ci_low: float | None
    ci_high: float | None
    hidden_text: str = ""


def _step(span: float) -> float:
    raw = span / TICKS
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 0.01
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _domain(groups: list[ForestInput]) -> tuple[float, float, float]:
    values = [0.0]
    for group in groups:
        values += [v for v in (group.ci_low, group.ci_high, group.effect) if v is not None]
    low, high = min(values), max(values)
    if high - low < 0.02:
        low, high = low - 0.01, high + 0.01
    step = _step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def forest_plot(key: str, title: str, groups: list[ForestInput]) -> ForestPlot:
    """A row per group, top to bottom in the order given."""
    chart = ForestPlot(key=key, title=title)
    chart.bottom = TOP + ROW_HEIGHT * max(len(groups), 1)
    chart.height = chart.bottom + BOTTOM
    low, high, step = _domain(groups)
    span = (chart.right - chart.left) / (high - low)

    def x_of(value: float) -> float:
        return round(chart.left + (value - low) * span, 1)

    chart.zero_x = x_of(0.0)
    tick = low
    while tick <= high + step / 2:
        chart.x_ticks.append((x_of(tick), points(tick)))
        tick += step
    for index, group in enumerate(groups):
        y = TOP + ROW_HEIGHT * index + ROW_HEIGHT / 2
        if group.effect is None or group.ci_low is None or group.ci_high is None:
            chart.rows.append(ForestRow(label=group.label, y=y, text=group.hidden_text))
            continue
        chart.rows.append(
            ForestRow(
                label=group.label,
                y=y,
                x=x_of(group.effect),
                x_low=x_of(group.ci_low),
                x_high=x_of(group.ci_high),
                text=(
                    f"{group.label}: {points(group.effect)} "
                    f"({points(group.ci_low)} – {points(group.ci_high)})"
                ),
            )
        )
    return chart


@dataclass(frozen=True)
class HistogramBar:
    x: float
    y: float
    width: float
    height: float
    side: str
    text: str


@dataclass
class Histogram:
    key: str
    title: str
    width: int = WIDTH
    height: int = 240
    left: int = 56
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = 240 - BOTTOM
    bars: list[HistogramBar] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)

    @property
    def has_values(self) -> bool:
        return bool(self.bars)


def _shares(counts: list[int]) -> list[float]:
    total = sum(counts)
    return [count / total if total else 0.0 for count in counts]


def histogram(
    key: str,
    title: str,
    edges: list[float],
    treated: list[int],
    control: list[int],
    labels: tuple[str, str],
) -> Histogram:
    """Each side's share of its people per bin of the propensity score (0 to 1)."""
    chart = Histogram(key=key, title=title)
    if not treated:
        return chart
    shares = {"treated": _shares(treated), "control": _shares(control)}
    ceiling = max(0.05, max(max(shares["treated"]), max(shares["control"])))
    ceiling = math.ceil(ceiling * 20) / 20
    plot_height = chart.bottom - chart.top
    span = chart.right - chart.left
    for index in range(TICKS + 1):
        value = ceiling * index / TICKS
        y = round(chart.bottom - plot_height * index / TICKS, 1)
        chart.y_ticks.append((y, f"{number_format(round(value * 100), 0)} %"))
    for index in range(TICKS + 1):
        value = index / TICKS
        chart.x_ticks.append((round(chart.left + span * value, 1), number_format(value, 2)))
    for index in range(len(edges) - 1):
        x0 = chart.left + span * edges[index]
        width = span * (edges[index + 1] - edges[index]) / 2
        for offset, (side, label) in enumerate(zip(("treated", "control"), labels, strict=True)):
            share = shares[side][index]
            height = plot_height * share / ceiling
            chart.bars.append(
                HistogramBar(
                    x=round(x0 + width * offset, 1),
                    y=round(chart.bottom - height, 1),
                    width=round(max(width - 1, 0.5), 1),
                    height=round(height, 1),
                    side=side,
                    text=(
                        f"{label}, {number_format(edges[index], 2)}–"
                        f"{number_format(edges[index + 1], 2)}: "
                        f"{number_format(round(share * 100, 1), 1)} %"
                    ),
                )
            )
    return chart
