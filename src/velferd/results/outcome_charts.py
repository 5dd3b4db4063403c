"""The geometry of the outcome chart, drawn by the template as inline SVG: one stacked bar
per scheme type at one horizon, a segment per status by its share. Nothing here draws; the
template writes <rect> and <text> elements with CSS classes (no script, no inline style).
A hidden share leaves its part of the bar as a grey "hidden" segment; a hidden row no bar."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

from .selectors.outcomes import Row

WIDTH, LABEL, RIGHT, BAR, GAP, TOP = 720, 260, 16, 22, 12, 8
HIDDEN = "hidden"


@dataclass(frozen=True)
class Segment:
    key: str
    x: float
    width: float
    title: str


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    segments: list[Segment]
    note: str = ""


@dataclass
class OutcomeChart:
    title: str
    bars: list[Bar] = field(default_factory=list)
    width: int = WIDTH
    left: int = LABEL
    right: int = WIDTH - RIGHT
    bar_height: int = BAR

    @property
    def height(self) -> int:
        return TOP * 2 + len(self.bars) * (BAR + GAP) + 20

    @property
    def axis_y(self) -> float:
        return TOP + len(self.bars) * (BAR + GAP)

    @property
    def ticks(self) -> list[tuple[float, str]]:
        return [(self.left + (self.right - self.left) * n / 4, f"{25 * n}") for n in range(5)]


def _segments(row: Row, left: float, span: float, hidden_label: str) -> list[Segment]:
    segments: list[Segment] = []
    x = left
    shown = Decimal(0)
    for cell in row.cells:
        if cell.share is None:
            continue
        width = round(float(cell.share) / 100 * span, 1)
        text = f"{row.label}, {cell.label}: {number_format(cell.share, 1)} %"
        segments.append(Segment(cell.status, round(x, 1), width, text))
        x += width
        shown += cell.share
    if shown < 100 and any(c.share is None for c in row.cells):
        segments.append(Segment(HIDDEN, round(x, 1), round(left + span - x, 1), hidden_label))
    return segments


def outcome_chart(
    title: str, rows: list[Row], *, hidden_label: str, row_hidden: str
) -> OutcomeChart:
    chart = OutcomeChart(title=title)
    span = chart.right - chart.left
    for index, row in enumerate(rows):
        y = TOP + index * (BAR + GAP)
        if row.ended is None:
            chart.bars.append(Bar(row.label, y, [], note=row_hidden))
            continue
        chart.bars.append(Bar(row.label, y, _segments(row, chart.left, span, hidden_label)))
    return chart
