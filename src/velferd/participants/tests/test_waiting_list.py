"""The waiting list: for VTA those given priority (a developmental disability) come first,
then by the time they joined; other types by time alone. A freed place is offered to the
first in line, who confirms it or passes it on; a batch fills many freed places at once."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.core.management import call_command

from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.participants import services
from velferd.participants.models import Participation, ParticipationStatus as S
from velferd.participants.selectors.waiting_list import position, waiting
from velferd.schemes.models import Delivery

from .builders import OPEN_TYPE, VTA, delivery_of, in_follow_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def veileder(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("veileder")


def enrol_many(veileder: Actor, delivery: Delivery, count: int) -> list[Participation]:
    return [
        services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
        for _ in range(count)
    ]


def fresh(participation: Participation) -> Participation:
    return Participation.objects.select_related("delivery__scheme_type").get(pk=participation.pk)


def give_priority(veileder: Actor, participation: Participation) -> Participation:
    return services.participation_set_priority(
        actor=veileder,
        participation=fresh(participation),
        version=fresh(participation).version,
        priority=True,
        reason_text="Utviklingshemming.",
    )


def test_vta_puts_those_with_priority_first(veileder: Actor) -> None:
    delivery = delivery_of(VTA, places=1)
    _, early, late = enrol_many(veileder, delivery, 3)
    give_priority(veileder, late)
    assert list(waiting(delivery)) == [fresh(late), fresh(early)]
    assert (position(fresh(late)), position(fresh(early))) == (1, 2)


def test_other_types_go_by_time_alone(veileder: Actor) -> None:
    delivery = delivery_of(OPEN_TYPE, places=1)
    _, early, late = enrol_many(veileder, delivery, 3)
    with pytest.raises(DomainError) as raised:
        give_priority(veileder, late)
    assert raised.value.code == "priority_not_used"
    assert (position(fresh(early)), position(fresh(late))) == (1, 2)


def test_priority_needs_a_reason(veileder: Actor) -> None:
    delivery = delivery_of(VTA, places=0)
    (waiting_one,) = enrol_many(veileder, delivery, 1)
    with pytest.raises(DomainError) as raised:
        services.participation_set_priority(
            actor=veileder,
            participation=fresh(waiting_one),
            version=fresh(waiting_one).version,
            priority=True,
            reason_text=" ",
        )
    assert raised.value.code == "priority_reason_required"


def test_a_freed_place_is_offered_to_the_first_in_line_who_confirms_it(veileder: Actor) -> None:
    delivery = delivery_of(VTA, places=1)
    holder, early, late = enrol_many(veileder, delivery, 3)
    give_priority(veileder, late)
    services.participation_not_relevant(
        actor=veileder,
        participation=fresh(holder),
        version=fresh(holder).version,
        reason="declined",
    )
    assert fresh(late).offered_at is not None and fresh(early).offered_at is None
    delivery.refresh_from_db()
    assert delivery.places_taken == 1
    confirmed = services.participation_admit(
        actor=veileder, participation=fresh(late), version=fresh(late).version
    )
    assert confirmed.status == S.AWAITING_START
    delivery.refresh_from_db()
    assert delivery.places_taken == 1


def test_an_offered_place_passed_on_goes_to_the_next(veileder: Actor) -> None:
    delivery = delivery_of(OPEN_TYPE, places=1)
    holder, first, second = enrol_many(veileder, delivery, 3)
    services.participation_register_in_error(
        actor=veileder, participation=fresh(holder), version=fresh(holder).version
    )
    services.participation_pass_offer(
        actor=veileder, participation=fresh(first), version=fresh(first).version
    )
    assert fresh(second).offered_at is not None
    assert fresh(first).offered_at is None and position(fresh(first)) == 2


def test_the_waiting_one_cannot_jump_in_while_the_delivery_is_full(veileder: Actor) -> None:
    delivery = delivery_of(OPEN_TYPE, places=1)
    _, waiting_one = enrol_many(veileder, delivery, 2)
    with pytest.raises(DomainError) as raised:
        services.participation_admit(
            actor=veileder, participation=fresh(waiting_one), version=fresh(waiting_one).version
        )
    assert (raised.value.code, raised.value.status) == ("delivery_full", 409)


def test_fill_places_offers_every_freed_place_at_once(veileder: Actor, system: Actor) -> None:
    delivery = delivery_of(OPEN_TYPE, places=1)
    enrol_many(veileder, delivery, 4)
    Delivery.objects.filter(pk=delivery.pk).update(places=3)
    assert services.fill_places(system, [delivery.pk]) == 2
    offered = Participation.objects.filter(delivery=delivery, offered_at__isnull=False)
    assert offered.count() == 2
    delivery.refresh_from_db()
    assert delivery.places_taken == 3
    assert services.fill_places(system) == 0


def test_the_nightly_command_offers_the_places_a_delivery_gained(veileder: Actor) -> None:
    delivery = delivery_of(OPEN_TYPE, places=0)
    (waiting_one,) = enrol_many(veileder, delivery, 1)
    Delivery.objects.filter(pk=delivery.pk).update(places=1)
    out = io.StringIO()
    call_command("fill_places", stdout=out)
    assert fresh(waiting_one).offered_at is not None
    assert "places offered" in out.getvalue()
