"""The geometry of the overview's bar charts, drawn by the template as inline SVG.

Nothing here draws: it works out where each bar, tick and label goes, so that the template
only writes <rect> and <text> elements with CSS classes (no script, no inline style). The
figures are also in a table beside each chart."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 16, 40
TICKS = 4


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    text: str  # the bar's value in words, for its <title>


@dataclass(frozen=True)
class BarSeries:
    key: str
    label: str
    values: list[Decimal | int | None]


@dataclass
class BarChart:
    key: str
    title: str
    x_labels: list[str]
    series: list[BarSeries]
    unit: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)

    left, right, top = LEFT, WIDTH - RIGHT, TOP
    bottom = HEIGHT - BOTTOM

    @property
    def has_values(self) -> bool:
        return any(v is not None for s in self.series for v in s.values)


def _nice_top(value: float) -> float:
    """The smallest round number ≥ value that splits into TICKS round steps."""
    step = 1.0
    while True:
        for factor in (1, 2, 2.5, 5):
            if step * factor * TICKS >= value:
                return step * factor * TICKS
        step *= 10


def _shown(value: Decimal | int | None, unit: str) -> str:
    if value is None:
        return "–"
    return f"{number_format(value, force_grouping=True)}{unit}"


def bar_chart(
    key: str,
    title: str,
    x_labels: list[str],
    series: list[BarSeries],
    *,
    unit: str = "",
    top: float | None = None,
) -> BarChart:
    """Grouped bars: for each x label, one bar per series side by side."""
    chart = BarChart(key=key, title=title, x_labels=x_labels, series=series, unit=unit)
    values = [float(v) for s in series for v in s.values if v is not None]
    ceiling = top if top is not None else _nice_top(max(values, default=0.0))
    plot_height = chart.bottom - chart.top
    slot = (chart.right - chart.left) / max(len(x_labels), 1)
    bar_width = slot * 0.8 / max(len(series), 1)
    for index in range(TICKS + 1):
        tick = ceiling * index / TICKS
        y = chart.bottom - plot_height * index / TICKS
        chart.y_ticks.append((round(y, 1), number_format(round(tick, 1), force_grouping=True)))
    for position, label in enumerate(x_labels):
        chart.x_ticks.append((round(chart.left + slot * (position + 0.5), 1), label))
        for offset, one in enumerate(series):
            value = one.values[position]
            if value is None:
                continue
            height = plot_height * min(float(value), ceiling) / ceiling
            chart.bars.append(
                Bar(
                    x=round(chart.left + slot * position + slot * 0.1 + bar_width * offset, 1),
                    y=round(chart.bottom - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    series=one.key,
                    text=f"{one.label}, {label}: {_shown(value, unit)}",
                )
            )
    return chart
