"""Reads for the results domain's pseudonymised extract: follow-up periods, the §14a need
groups sent and the benefits on record, for a set of people or periods. Set-based: each read
is one query (the ids may be a queryset, used as a subquery); nothing here is shown to
anyone, and no read of one person's page is made, so nothing is logged per person here (the
extract is recorded in the audit trail as a whole)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from .models import (
    AssessmentStatus,
    Benefit,
    BenefitKind,
    FollowUpPeriod,
    NeedGroup,
    NeedsAssessment,
)


def period_spans(
    period_ids: Iterable[Any],
) -> dict[Any, tuple[datetime.date, datetime.date | None]]:
    """(start, end) of each follow-up period named."""
    rows = FollowUpPeriod.objects.filter(pk__in=period_ids)
    return {pk: (start, end) for pk, start, end in rows.values_list("pk", "started_on", "ended_on")}


def period_spans_of(
    person_ids: Iterable[Any],
) -> list[tuple[Any, datetime.date, datetime.date | None]]:
    """(person id, start, end) of every follow-up period of the people named."""
    rows = FollowUpPeriod.objects.filter(person_id__in=person_ids)
    return list(rows.values_list("person_id", "started_on", "ended_on"))


def need_groups_sent_of(person_ids: Iterable[Any]) -> list[tuple[Any, datetime.datetime, str]]:
    """(person id, sent at, need group) of every §14a decision sent to the people named."""
    rows = NeedsAssessment.objects.filter(
        person_id__in=person_ids, status=AssessmentStatus.SENT, sent_at__isnull=False
    )
    return [
        (person_id, sent_at, group)
        for person_id, sent_at, group in rows.values_list("person_id", "sent_at", "need_group")
        if sent_at
    ]


def benefits_of(
    person_ids: Iterable[Any],
) -> list[tuple[Any, str, datetime.date, datetime.date | None]]:
    """(person id, kind, start, end) of every benefit on record for the people named."""
    rows = Benefit.objects.filter(person_id__in=person_ids)
    return list(rows.values_list("person_id", "kind", "starts_on", "ends_on"))


def need_group_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in NeedGroup.choices]


def benefit_kind_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in BenefitKind.choices]
