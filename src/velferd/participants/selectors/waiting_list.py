"""A delivery's waiting list, in the order places are offered.

The rule, per scheme type: for permanent adapted work (VTA, sheltered or in ordinary
work) people with developmental disabilities come first — the `priority` the caseworker
sets with a reason (NAV's guidelines for VTA) — then everyone by the time they joined the
list; every other type by the time alone. Someone already offered a place is no longer
waiting for one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import BooleanField, Case, F, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber

from ..models import Participation, ParticipationStatus

VTA = frozenset({"VARIG_TILRETTELAGT_ARBEID_SKJERMET", "VARIG_TILRETTELAGT_ARBEID_ORDINAER"})


def priority_counts(scheme_type_code: str) -> bool:
    """Whether the scheme type puts those with priority first."""
    return scheme_type_code in VTA


def order_of(scheme_type_code: str) -> tuple[str, ...]:
    if priority_counts(scheme_type_code):
        return ("-priority", "waiting_since", "created_at")
    return ("waiting_since", "created_at")


def first_in_line(free: Mapping[Any, int], exclude: Any = None) -> list[tuple[Any, Any]]:
    """For each delivery, as many of those next in line as it has free places (`free`: the
    free places by delivery key), as (participation key, delivery key) pairs, delivery by
    delivery and first first: one query ranks every line by the rule of its scheme type."""
    wanted = {key: count for key, count in free.items() if count > 0}
    if not wanted:
        return []
    priority_first = Case(
        When(delivery__scheme_type__code__in=VTA, then=F("priority")),
        default=Value(False),
        output_field=BooleanField(),
    )
    in_line = Window(
        RowNumber(),
        partition_by=F("delivery_id"),
        order_by=[priority_first.desc(), F("waiting_since").asc(), F("created_at").asc(), "pk"],
    )
    lines = Participation.objects.filter(
        delivery_id__in=list(wanted), status=ParticipationStatus.WAITING_LIST, offered_at=None
    )
    if exclude is not None:
        lines = lines.exclude(pk=exclude)
    ranked = (
        lines.annotate(place_in_line=in_line)
        .filter(place_in_line__lte=max(wanted.values()))
        .order_by("delivery_id", "place_in_line")
        .values_list("pk", "delivery_id", "place_in_line")
    )
    return [(key, delivery) for key, delivery, place in ranked if place <= wanted[delivery]]


def waiting(delivery: Any) -> QuerySet[Participation]:
    """Everyone on the delivery's waiting list, in the rule's order (offered ones too)."""
    return Participation.objects.filter(
        delivery_id=delivery.pk, status=ParticipationStatus.WAITING_LIST
    ).order_by(*order_of(delivery.scheme_type.code))


def position(participation: Participation) -> int | None:
    """The participation's place on its delivery's waiting list (1 is first), or None."""
    if participation.status != ParticipationStatus.WAITING_LIST:
        return None
    delivery = participation.delivery
    earlier = Q(waiting_since__lt=participation.waiting_since) | Q(
        waiting_since=participation.waiting_since, created_at__lt=participation.created_at
    )
    ahead = earlier
    if priority_counts(delivery.scheme_type.code):
        # Those with priority come first; among equals, the earlier.
        first = Q(priority=True)
        ahead = first & earlier if participation.priority else first | earlier
    found = Participation.objects.filter(
        delivery_id=delivery.pk, status=ParticipationStatus.WAITING_LIST
    ).filter(ahead)
    return found.count() + 1
