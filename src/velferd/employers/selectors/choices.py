"""The words enterprises are shown and filtered by, for the pages and for other domains:
the sectors and the statuses of a cooperation, as values and as (value, label) choices."""

from __future__ import annotations

from ..models import CLOSED_COOPERATION_STATUSES, CooperationStatus, Sector

SECTORS: tuple[str, ...] = tuple(Sector.values)
COOPERATION_STATUSES: tuple[str, ...] = tuple(CooperationStatus.values)
CLOSED_STATUSES: tuple[str, ...] = tuple(CLOSED_COOPERATION_STATUSES)
# A filter for the enterprises that have never had a cooperation.
NO_COOPERATION = "none"
# A filter for the enterprises whose deferred cooperation has reached its date.
DEFERRED_DUE = "deferred_due"


def sector_choices() -> list[tuple[str, str]]:
    """(value, label) of each sector, in the current language."""
    return [(value, str(label)) for value, label in Sector.choices]


def sector_label(value: str) -> str:
    """The sector's name in the current language (the value itself if it is none)."""
    return str(dict(Sector.choices).get(value, value))


def cooperation_status_choices() -> list[tuple[str, str]]:
    """(value, label) of each status of a cooperation, in the current language."""
    return [(value, str(label)) for value, label in CooperationStatus.choices]
