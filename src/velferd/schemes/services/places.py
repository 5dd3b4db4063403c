"""A delivery's places, taken and freed by the enrolment of participants. Each call locks the
delivery's row first (`FOR NO KEY UPDATE`), so that two caseworkers enrolling at once meet
there and the places are never exceeded; `places_taken <= places` is also a check
constraint. The caller's transaction holds the lock until it commits (docs/architecture.md,
"Lock order": the person's row, then the delivery's, then the participation)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import F

from ..models import Delivery


def lock_delivery(delivery_id: Any) -> Delivery:
    """The delivery, read again under its row lock. Needs the caller's transaction."""
    return Delivery.objects.select_for_update(no_key=True).get(pk=delivery_id)


def lock_deliveries(delivery_ids: Iterable[Any]) -> dict[Any, int]:
    """The free places of each of the deliveries, their rows locked in the order of their
    keys (two writers locking several deliveries never wait for each other in a circle).
    Needs the caller's transaction; unknown keys are left out."""
    rows = (
        Delivery.objects.select_for_update(no_key=True)
        .filter(pk__in=list(delivery_ids))
        .order_by("pk")
        .values_list("pk", "places", "places_taken")
    )
    return {key: max(places - taken, 0) for key, places, taken in rows}


def take_places_of(wanted: Mapping[Any, int]) -> None:
    """Take the places wanted of each delivery, locked by `lock_deliveries` and known to
    have them free: one update for all the deliveries that take as many."""
    by_count: dict[int, list[Any]] = {}
    for key, count in wanted.items():
        by_count.setdefault(count, []).append(key)
    for count, keys in by_count.items():
        Delivery.objects.filter(pk__in=keys).update(places_taken=F("places_taken") + count)


def take_places(delivery_id: Any, wanted: int = 1) -> int:
    """Take up to `wanted` free places; returns how many were taken (0 when full)."""
    delivery = lock_delivery(delivery_id)
    taken = min(max(wanted, 0), delivery.free_places)
    if taken:
        Delivery.objects.filter(pk=delivery_id).update(places_taken=F("places_taken") + taken)
    return taken


def take_place(delivery_id: Any) -> bool:
    """Take one free place; False when the delivery is full."""
    return take_places(delivery_id, 1) == 1


def free_place(delivery_id: Any) -> None:
    """Give a place back (a participant left a status that holds one)."""
    lock_delivery(delivery_id)
    Delivery.objects.filter(pk=delivery_id, places_taken__gt=0).update(
        places_taken=F("places_taken") - 1
    )


__all__ = [
    "free_place",
    "lock_deliveries",
    "lock_delivery",
    "take_place",
    "take_places",
    "take_places_of",
]
