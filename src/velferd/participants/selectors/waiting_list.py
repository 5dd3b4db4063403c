"""A delivery's waiting list, in the order places are offered.

The rule, per scheme type: for permanent adapted work (VTA, sheltered or in ordinary
work) people with developmental disabilities come first — the `priority` the caseworker
sets with a reason (NAV's guidelines for VTA) — then everyone by the time they joined the
list; every other type by the time alone. Someone already offered a place is no longer
waiting for one."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ..models import Participation, ParticipationStatus

VTA = frozenset({"VARIG_TILRETTELAGT_ARBEID_SKJERMET", "VARIG_TILRETTELAGT_ARBEID_ORDINAER"})


def priority_counts(scheme_type_code: str) -> bool:
    """Whether the scheme type puts those with priority first."""
    return scheme_type_code in VTA


def order_of(scheme_type_code: str) -> tuple[str, ...]:
    if priority_counts(scheme_type_code):
        return ("-priority", "waiting_since", "created_at")
    return ("waiting_since", "created_at")


def waiting(delivery: Any) -> QuerySet[Participation]:
    """Everyone on the delivery's waiting list, in the rule's order (offered ones too)."""
    return Participation.objects.filter(
        delivery_id=delivery.pk, status=ParticipationStatus.WAITING_LIST
    ).order_by(*order_of(delivery.scheme_type.code))


def next_in_line(delivery: Any) -> QuerySet[Participation]:
    """Those waiting and not yet offered a place, first first."""
    return waiting(delivery).filter(offered_at__isnull=True)


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
