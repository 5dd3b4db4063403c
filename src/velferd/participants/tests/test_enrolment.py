"""Enrolment by the catalogue's rules: each refusal names the rule that fails, in Norwegian
and English; a free place is taken, a full delivery puts the person on its waiting list."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.participants import services
from velferd.participants.models import ParticipationStatus as S
from velferd.schemes.models import Delivery

from .builders import AFT, OPEN_TYPE, VTA, delivery_of, in_follow_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def veileder(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("veileder")


def refusal(veileder: Actor, person: object, delivery: Delivery, **fields: Any) -> DomainError:
    with pytest.raises(DomainError) as raised:
        services.enrol(actor=veileder, person=person, delivery=delivery, **fields)
    return raised.value


def test_an_application_admitted_takes_a_free_place(veileder: Actor) -> None:
    delivery = delivery_of(places=1)
    found = services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
    delivery.refresh_from_db()
    assert (found.status, delivery.places_taken) == (S.AWAITING_START, 1)


def test_a_full_delivery_puts_the_person_on_its_waiting_list(veileder: Actor) -> None:
    delivery = delivery_of(places=1)
    services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
    second = services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
    assert second.status == S.WAITING_LIST
    assert second.waiting_since is not None


def test_a_draft_is_shared_and_takes_no_place(veileder: Actor) -> None:
    delivery = delivery_of(places=1)
    draft = services.enrol(
        actor=veileder, person=in_follow_up(), delivery=delivery, as_draft=True, admit=True
    )
    delivery.refresh_from_db()
    assert (draft.status, delivery.places_taken) == (S.DRAFT, 0)


def test_no_open_follow_up_period_is_refused_naming_the_rule(veileder: Actor) -> None:
    from velferd.people.tests.factories import a_person

    error = refusal(veileder, a_person(), delivery_of())
    assert (error.code, error.status) == ("no_open_period", 422)
    assert "oppfølging" in error.message_nb and "follow-up" in error.message_en


def test_aft_needs_a_sent_decision_in_its_need_groups(veileder: Actor) -> None:
    error = refusal(veileder, in_follow_up("standard"), delivery_of(AFT))
    assert error.code == "need_group_not_allowed"
    assert "spesielt tilpasset innsats" in error.message_nb
    assert "standard needs" in error.message_en


def test_vta_without_any_sent_decision_is_refused(veileder: Actor) -> None:
    error = refusal(veileder, in_follow_up(None), delivery_of(VTA))
    assert error.code == "decision_required"


def test_the_age_limits_come_from_the_birth_date(veileder: Actor) -> None:
    delivery = delivery_of("KVALIFISERINGSPROGRAMMET")
    error = refusal(veileder, in_follow_up(birth_date=datetime.date(1940, 1, 1)), delivery)
    assert error.code == "too_old"
    assert "67" in error.message_nb


def test_an_ended_delivery_is_refused_with_409(veileder: Actor) -> None:
    error = refusal(veileder, in_follow_up(), delivery_of(status="ended"))
    assert (error.code, error.status) == ("delivery_closed", 409)


def test_an_inactive_scheme_type_is_refused(veileder: Actor) -> None:
    delivery = delivery_of(OPEN_TYPE)
    delivery.scheme_type.is_active = False
    delivery.scheme_type.save()
    assert refusal(veileder, in_follow_up(), delivery).code == "scheme_type_inactive"


def test_a_delivery_the_persons_office_may_not_enrol_in_is_refused(veileder: Actor) -> None:
    delivery = delivery_of(offices=["0315"])
    assert refusal(veileder, in_follow_up(), delivery).code == "delivery_not_for_office"


def test_the_same_delivery_twice_is_refused(veileder: Actor) -> None:
    person, delivery = in_follow_up(), delivery_of()
    services.enrol(actor=veileder, person=person, delivery=delivery)
    assert refusal(veileder, person, delivery).code == "already_enrolled"


def test_longer_than_the_maximum_needs_an_extension_reason(veileder: Actor) -> None:
    delivery = delivery_of(AFT)
    dates: dict[str, Any] = {
        "starts_on": datetime.date(2026, 2, 1),
        "ends_on": datetime.date(2027, 2, 1),
    }
    error = refusal(veileder, in_follow_up(), delivery, **dates)
    assert error.code == "longer_than_maximum"
    assert "12 måneder" in error.message_nb and "31.01.2027" in error.message_nb
    found = services.enrol(
        actor=veileder,
        person=in_follow_up(),
        delivery=delivery,
        extension_reason="Trenger mer tid etter sykefravær.",
        **dates,
    )
    assert found.ends_on == dates["ends_on"]


def test_someone_at_another_office_may_not_enrol(actor_of_login: Callable[[str], Actor]) -> None:
    error = refusal(actor_of_login("innbygger"), in_follow_up(), delivery_of())
    assert error.status in (401, 403)
