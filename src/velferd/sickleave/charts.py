"""The geometry of the line charts the templates draw as inline SVG.

Nothing here draws: it works out where the axes, ticks and points go, so that the template
only writes <polyline> and <text> elements with CSS classes (no script, no inline style).
A masked or missing value leaves a gap in its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


@dataclass
class Series:
    key: str
    label: str
    values: list[Decimal | None]
    segments: list[str] = field(default_factory=list)
    dots: list[tuple[float, float, str]] = field(default_factory=list)


@dataclass
class Chart:
    title: str
    x_labels: list[str]
    series: list[Series]
    unit: str = "%"
    marker: int | None = None  # index of the x position to mark (e.g. a cooperation start)
    width: int = WIDTH
    height: int = HEIGHT
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    marker_x: float | None = None
    key: str = ""  # names the chart on a page with several, for its element ids

    @property
    def left(self) -> int:
        return LEFT

    @property
    def right(self) -> int:
        return self.width - RIGHT

    @property
    def top(self) -> int:
        return TOP

    @property
    def bottom(self) -> int:
        return self.height - BOTTOM

    @property
    def has_values(self) -> bool:
        return any(v is not None for s in self.series for v in s.values)


def _nice_top(value: float) -> float:
    for step in (1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        if value <= step * 4:
            return step * 4
    return value


def line_chart(
    title: str,
    x_labels: list[str],
    series: list[Series],
    *,
    unit: str = "%",
    marker: int | None = None,
    key: str = "",
) -> Chart:
    chart = Chart(title=title, x_labels=x_labels, series=series, unit=unit, marker=marker, key=key)
    values = [float(v) for s in series for v in s.values if v is not None]
    top = _nice_top(max(values, default=1.0) * 1.1 or 1.0)
    span_y = chart.bottom - chart.top
    count = max(len(x_labels), 1)
    step_x = (chart.right - chart.left) / max(count - 1, 1)

    def x_of(index: int) -> float:
        return (
            round(chart.left + index * step_x, 1) if count > 1 else (chart.left + chart.right) / 2
        )

    def y_of(value: float) -> float:
        return round(chart.bottom - value / top * span_y, 1)

    chart.y_ticks = [(y_of(top * n / 4), f"{top * n / 4:g}") for n in range(5)]
    every = max(1, -(-count // 12))
    chart.x_ticks = [(x_of(i), label) for i, label in enumerate(x_labels) if i % every == 0]
    if marker is not None and 0 <= marker < count:
        chart.marker_x = x_of(marker)
    for line in series:
        current: list[str] = []
        for index, value in enumerate(line.values):
            if value is None:
                if current:
                    line.segments.append(" ".join(current))
                current = []
                continue
            x, y = x_of(index), y_of(float(value))
            current.append(f"{x},{y}")
            line.dots.append((x, y, f"{x_labels[index]}: {number_format(value, 1)}"))
        if current:
            line.segments.append(" ".join(current))
    return chart
