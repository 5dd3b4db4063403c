"""What every section of the start page is made of: its template and context, and the first
lines of a list with the count of all of them for its heading."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

# How many lines a list on the start page shows; its heading counts them all.
LINES = 10


@dataclass(frozen=True)
class Section:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Listing:
    """The first lines of a list and how many there are in all."""

    count: int
    lines: list[Any]

    @property
    def more(self) -> int:
        return self.count - len(self.lines)


def listing(found: QuerySet[Any] | list[Any]) -> Listing:
    if isinstance(found, list):
        return Listing(count=len(found), lines=found[:LINES])
    lines = list(found[: LINES + 1])
    count = len(lines) if len(lines) <= LINES else found.count()
    return Listing(count=count, lines=lines[:LINES])
