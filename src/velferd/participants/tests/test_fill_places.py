"""Filling freed places from many waiting lists at once (`velferd fill-places`): each list by
its scheme type's priority rule, one audit event per place offered in a chain that still
verifies, and as many statements for many deliveries as for a few."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.audit.selectors import verify_chain
from velferd.participants import services
from velferd.participants.models import Participation
from velferd.schemes.models import Delivery

from .builders import OPEN_TYPE, VTA, delivery_of, in_follow_up

pytestmark = pytest.mark.django_db

OFFERED = "participation.place_offered"


@pytest.fixture
def veileder(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("veileder")


def full_with_line(veileder: Actor, code: str, waiting: int) -> tuple[Delivery, list[Any]]:
    """A delivery with its one place held and `waiting` people in line, earliest first."""
    delivery = delivery_of(code, places=1)
    enrolled = [
        services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
        for _ in range(waiting + 1)
    ]
    return delivery, enrolled[1:]


def gain_places(delivery: Delivery, more: int) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(places=1 + more)


def offered_in(delivery: Delivery) -> set[Any]:
    return set(
        Participation.objects.filter(delivery=delivery, offered_at__isnull=False).values_list(
            "pk", flat=True
        )
    )


def offer_events_about(keys: set[Any]) -> list[str]:
    return list(
        AuditEvent.objects.filter(action=OFFERED, target_id__in=[str(k) for k in keys])
        .order_by("seq")
        .values_list("target_id", flat=True)
    )


def test_each_list_is_filled_by_its_own_rule_with_one_verifiable_event_a_place(
    veileder: Actor, system: Actor
) -> None:
    vta, (_, vta_late) = full_with_line(veileder, VTA, 2)
    other, (other_early, other_late) = full_with_line(veileder, OPEN_TYPE, 2)
    two_free, line = full_with_line(veileder, OPEN_TYPE, 3)
    # The priority for developmental disabilities counts on a VTA list only.
    Participation.objects.filter(pk__in=[vta_late.pk, other_late.pk]).update(priority=True)
    for delivery, more in ((vta, 1), (other, 1), (two_free, 2)):
        gain_places(delivery, more)

    assert services.fill_places(system, [vta.pk, other.pk, two_free.pk]) == 4

    assert offered_in(vta) == {vta_late.pk}
    assert offered_in(other) == {other_early.pk}
    assert offered_in(two_free) == {line[0].pk, line[1].pk}
    offered = {vta_late.pk, other_early.pk, line[0].pk, line[1].pk}
    assert sorted(offer_events_about(offered)) == sorted(str(k) for k in offered)
    assert [d.places_taken for d in Delivery.objects.filter(pk__in=[vta.pk, two_free.pk])] in (
        [2, 3],
        [3, 2],
    )
    assert verify_chain().intact
    assert services.fill_places(system, [vta.pk, other.pk, two_free.pk]) == 0


def statements_to_fill(system: Actor, deliveries: list[Delivery]) -> int:
    for delivery in deliveries:
        gain_places(delivery, 1)
    with CaptureQueriesContext(connection) as captured:
        assert services.fill_places(system, [d.pk for d in deliveries]) == len(deliveries)
    return len(captured.captured_queries)


def test_many_deliveries_take_as_many_statements_as_a_few(veileder: Actor, system: Actor) -> None:
    few = [full_with_line(veileder, OPEN_TYPE, 1)[0] for _ in range(2)]
    many = [full_with_line(veileder, OPEN_TYPE, 1)[0] for _ in range(5)]
    assert statements_to_fill(system, few) == statements_to_fill(system, many)


def test_a_place_freed_by_a_move_still_goes_to_the_first_in_line(veileder: Actor) -> None:
    delivery = delivery_of(VTA, places=1)
    holder = services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
    early = services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
    late = services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
    Participation.objects.filter(pk=late.pk).update(priority=True)
    holder = Participation.objects.select_related("delivery__scheme_type").get(pk=holder.pk)

    services.participation_not_relevant(
        actor=veileder, participation=holder, version=holder.version, reason="declined"
    )

    assert offered_in(delivery) == {late.pk}
    assert early.pk not in offered_in(delivery)
    assert offer_events_about({late.pk}) == [str(late.pk)]
