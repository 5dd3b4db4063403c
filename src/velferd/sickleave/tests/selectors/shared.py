"""What the tests of the reads share: a quarter of their own, an enterprise in a county, and
a group's figure for a quarter."""

from __future__ import annotations

from velferd.sickleave import selectors
from velferd.sickleave.periods import Period
from velferd.sickleave.selectors import Figure

from ..factories import in_county

__all__ = ["OLD", "in_county", "quarter_of"]

OLD = Period(2005, 1)  # a quarter of the tests' own, before every demo quarter


def quarter_of(found: selectors.GroupStatistics, period: Period) -> Figure:
    figure = next(g for p, g, _c in found.history if p == period)
    assert figure is not None
    return figure
