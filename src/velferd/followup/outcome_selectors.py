"""Reads for the outcomes after follow-up: the periods that ended, and what was running in
a person's life in a month (education in the plan, benefits). Set-based: each read takes
many persons at once, for the results domain's derivation, which asks no policy of a person
(its figures are aggregates, masked)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any

from .models import Activity, ActivityKind, ActivityStatus, Benefit, BenefitKind, FollowUpPeriod

CHUNK = 900

# Education that counts as "in education": planned, in progress or completed in the plan.
EDUCATION_COUNTS = (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS, ActivityStatus.COMPLETED)

Span = tuple[Any, str, datetime.date | None, datetime.date | None]


def ended_periods() -> Iterator[tuple[Any, Any, datetime.date, datetime.date | None]]:
    """Every follow-up period that ended: (id, person id, started on, ended on)."""
    rows = FollowUpPeriod.objects.filter(ended_on__isnull=False).order_by("pk")
    yield from rows.values_list("id", "person_id", "started_on", "ended_on").iterator(2000)


def _chunks(person_ids: Iterable[Any]) -> Iterator[list[Any]]:
    ids = list(person_ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def education_spans(person_ids: Iterable[Any]) -> list[Span]:
    """The persons' education activities: (person id, "education", starts on, ends on)."""
    spans: list[Span] = []
    for chunk in _chunks(person_ids):
        rows = Activity.objects.filter(
            person_id__in=chunk, kind=ActivityKind.EDUCATION, status__in=EDUCATION_COUNTS
        ).exclude(starts_on__isnull=True)
        spans.extend(
            (p, ActivityKind.EDUCATION.value, s, e)
            for p, s, e in rows.values_list("person_id", "starts_on", "ends_on")
        )
    return spans


def benefit_spans(person_ids: Iterable[Any]) -> list[Span]:
    """The persons' benefits: (person id, benefit kind, starts on, ends on)."""
    spans: list[Span] = []
    for chunk in _chunks(person_ids):
        rows = Benefit.objects.filter(person_id__in=chunk)
        spans.extend(rows.values_list("person_id", "kind", "starts_on", "ends_on"))
    return spans


def benefit_kinds() -> list[tuple[str, str]]:
    """The benefits' codes and labels, in the order they are declared."""
    return [(code, str(label)) for code, label in BenefitKind.choices]
