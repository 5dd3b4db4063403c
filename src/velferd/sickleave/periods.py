"""Quarters as values: ordering, the four-quarter window, labels."""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import Q
from django.utils.translation import gettext as _


class Period(NamedTuple):
    year: int
    quarter: int

    @property
    def ordinal(self) -> int:
        """Consecutive integers: the quarter after (2025, 4) is one more than it."""
        return self.year * 4 + self.quarter - 1

    @classmethod
    def of_ordinal(cls, index: int) -> Period:
        return cls(index // 4, index % 4 + 1)

    def shifted(self, quarters: int) -> Period:
        return Period.of_ordinal(self.ordinal + quarters)

    @property
    def label(self) -> str:
        return _("Q%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def short_label(self) -> str:
        return f"{self.quarter}/{str(self.year)[2:]}"

    def as_dict(self) -> dict[str, int]:
        return {"year": self.year, "quarter": self.quarter}


def four_quarters(latest: Period) -> list[Period]:
    """The four quarters ending with `latest`, oldest first."""
    return [latest.shifted(n) for n in range(-3, 1)]


def from_q(first: Period, prefix: str = "") -> Q:
    """Rows of `first` and every later quarter."""
    return Q(**{f"{prefix}year__gt": first.year}) | Q(
        **{f"{prefix}year": first.year, f"{prefix}quarter__gte": first.quarter}
    )


def until_q(last: Period, prefix: str = "") -> Q:
    """Rows of `last` and every earlier quarter."""
    return Q(**{f"{prefix}year__lt": last.year}) | Q(
        **{f"{prefix}year": last.year, f"{prefix}quarter__lte": last.quarter}
    )


def quarters_q(periods: set[Period], prefix: str = "") -> Q:
    condition = Q(pk__in=[])
    for period in periods:
        condition |= Q(**{f"{prefix}year": period.year, f"{prefix}quarter": period.quarter})
    return condition
