"""The order in which a write to one person's follow-up records takes its row locks.

Every follow-up write locks, in this order and no other:

1. the person's row (`FOR NO KEY UPDATE`: it serialises the writes about one person, and
   still lets records that refer to the person be checked against it);
2. the person's portfolio state row, which the write rewrites through the signals in
   `portfolio_state.py`;
3. the record it changes, by primary key only (rows it joins are read, not locked), a
   parent before its children (an individual plan before its measures);
4. the audit chain head, last, in `audit.services.record()`.

Two writes about the same person therefore meet at the person's row and run one after the
other; since the facts behind the portfolio state are read after that lock, the second
write sees the first one's records. See "Lock order" in docs/architecture.md.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from velferd.people import selectors as people_selectors

from .models import PlanMeasure, PortfolioState

Record = TypeVar("Record", bound=models.Model)


def lock_person(person_id: Any) -> None:
    """Steps 1 and 2: the person's row, then their portfolio state row (if they have one)."""
    people_selectors.lock_person(person_id)
    list(
        PortfolioState.objects.select_for_update(no_key=True)
        .filter(person_id=person_id)
        .values_list("pk")
    )


def lock_record(record: Record, *related: str) -> Record:
    """Steps 1–3 for a record of one person's: the person's locks, then the record itself,
    read again under its lock (with `related` joined, unlocked). Raises DoesNotExist when
    the record is gone."""
    lock_person(person_of(record))
    manager = type(record)._default_manager
    return (
        manager.select_for_update(of=("self",), no_key=True)
        .select_related(*related)
        .get(pk=record.pk)
    )


def person_of(record: models.Model) -> Any:
    """The id of the person a follow-up record belongs to."""
    if isinstance(record, PlanMeasure):
        return record.plan.person_id
    return record.person_id  # type: ignore[attr-defined]
