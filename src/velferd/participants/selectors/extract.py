"""Reads for the results domain's pseudonymised extract: when participations started, and
which people took part in a scheme when. Set-based: each read is one query over a set of
ids (a list, or a queryset used as a subquery); nothing here is shown to anyone."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from ..models import Participation, ParticipationStatus

# A participation took place when the person started it.
STARTED = (
    ParticipationStatus.PARTICIPATING,
    ParticipationStatus.ENDED,
    ParticipationStatus.COMPLETED,
)


def participation_starts(participation_ids: Iterable[Any]) -> dict[Any, datetime.date]:
    """The start of each participation named (those with a start on record)."""
    rows = Participation.objects.filter(pk__in=participation_ids, starts_on__isnull=False)
    return {pk: start for pk, start in rows.values_list("pk", "starts_on") if start}


def participation_spans_of(
    person_ids: Iterable[Any],
) -> list[tuple[Any, datetime.date, datetime.date | None]]:
    """(person id, start, end) of every participation the people named started."""
    rows = Participation.objects.filter(
        person_id__in=person_ids, status__in=STARTED, starts_on__isnull=False
    )
    return [
        (person_id, start, end)
        for person_id, start, end in rows.values_list("person_id", "starts_on", "ends_on")
        if start
    ]
