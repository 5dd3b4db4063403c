"""Participation rows kept in step with the participations in velferd (the participants
domain calls `participation_keep` whenever a participation's status, dates or percentage
change). The participant is the participation's pseudonymous id; its rows are marked
`velferd`, so the participation file cannot replace them (services/participation.py refuses
a line for them).

The rows are derived data, as the portfolio's state rows are: the participation's own audit
event records the change, and they are rewritten in the participation's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..calculation import Share
from ..models import Participation, ParticipationSource


def _kept(delivery_id: Any, participant: str) -> Any:
    return Participation.objects.filter(
        delivery_id=delivery_id, participant=participant, source=ParticipationSource.VELFERD
    )


def kept_periods(delivery_id: Any, participant: str) -> list[Share]:
    """The periods on record for a participation kept in velferd, earliest first."""
    rows = _kept(delivery_id, participant).order_by("from_date")
    return [Share(row.from_date, row.to_date, row.percentage) for row in rows]


def participation_keep(*, delivery_id: Any, participant: str, periods: Sequence[Share]) -> None:
    """Make the participation's rows exactly `periods` (none: it gives no month-works).
    Call it inside the transaction that changed the participation."""
    if kept_periods(delivery_id, participant) == list(periods):
        return
    _kept(delivery_id, participant).delete()
    Participation.objects.bulk_create(
        Participation(
            delivery_id=delivery_id,
            participant=participant,
            source=ParticipationSource.VELFERD,
            from_date=period.from_date,
            to_date=period.to_date,
            percentage=period.percentage,
        )
        for period in periods
    )


__all__ = ["Share", "kept_periods", "participation_keep"]
