"""Reads for the outcomes after schemes: the participations that ended, and the schemes
running in a person's life (by scheme type), for many persons at once. No access check: the
results domain derives aggregates from them and asks its own policy of their readers."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any

from ..models import Participation, ParticipationStatus

CHUNK = 900

ENDED = (ParticipationStatus.ENDED, ParticipationStatus.COMPLETED)
# A participation that ran: one that is running, or ended or completed.
RAN = (ParticipationStatus.PARTICIPATING, *ENDED)

SchemeSpan = tuple[Any, str, datetime.date | None, datetime.date | None]


def ended_participations() -> Iterator[tuple[Any, Any, str, datetime.date | None]]:
    """Every participation that ended with an end date: (id, person id, scheme type code,
    ended on)."""
    rows = Participation.objects.filter(status__in=ENDED, ends_on__isnull=False).order_by("pk")
    yield from rows.values_list(
        "id", "person_id", "delivery__scheme_type__code", "ends_on"
    ).iterator(2000)


def scheme_spans(person_ids: Iterable[Any]) -> list[SchemeSpan]:
    """The schemes the persons took part in: (person id, scheme type code, starts on, ends
    on), for participations running, ended or completed."""
    ids = list(person_ids)
    spans: list[SchemeSpan] = []
    for start in range(0, len(ids), CHUNK):
        rows = Participation.objects.filter(
            person_id__in=ids[start : start + CHUNK], status__in=RAN
        ).exclude(starts_on__isnull=True)
        spans.extend(
            rows.values_list("person_id", "delivery__scheme_type__code", "starts_on", "ends_on")
        )
    return spans
