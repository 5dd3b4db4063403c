"""The enrolment pages: the caseworker enrols from the person's page and sees every error at
once, a delivery's waiting list in order, and the person their own schemes and their place
in line."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from velferd.access.actor import Actor
from velferd.participants import services
from velferd.participants.models import Participation
from velferd.people.tests.factories import citizen_of

from .builders import AFT, delivery_of, in_follow_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def veileder(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("veileder")


def test_a_caseworker_enrols_a_person_onto_the_waiting_list(
    client_as: Callable[[str], Client], veileder: Actor
) -> None:
    person, delivery = in_follow_up(), delivery_of(places=1)
    services.enrol(actor=veileder, person=in_follow_up(), delivery=delivery, admit=True)
    page = client_as("veileder").post(
        reverse("participants:enrol", args=[person.pk]),
        {"delivery": delivery.pk, "what": "admit"},
        follow=True,
    )
    assert page.status_code == 200
    assert "På ventelisten" in page.content.decode()
    assert "Nummer 1 i køen" in page.content.decode()


def test_every_error_is_shown_at_once(client_as: Callable[[str], Client]) -> None:
    page = client_as("veileder").post(
        reverse("participants:enrol", args=[in_follow_up().pk]), {"starts_on": "31.02.2026"}
    )
    text = page.content.decode()
    assert page.status_code == 422
    assert "Velg en gjennomføring." in text and "Velg hva som skal skje." in text
    assert "dd.mm.åååå" in text


def test_the_page_names_the_rule_a_delivery_fails(client_as: Callable[[str], Client]) -> None:
    person = in_follow_up("standard")
    delivery_of(AFT)
    page = client_as("veileder").get(reverse("participants:enrol", args=[person.pk]))
    assert "krever spesielt tilpasset innsats" in page.content.decode()


def test_the_person_sees_their_place_in_line(
    client_as: Callable[[str], Client], veileder: Actor
) -> None:
    person, delivery = in_follow_up(), delivery_of(places=0)
    services.enrol(actor=veileder, person=person, delivery=delivery, admit=True)
    citizen = citizen_of(person)
    client = Client()
    assert citizen.user is not None
    client.force_login(citizen.user)
    text = client.get(reverse("participants:mine")).content.decode()
    assert "Du er nummer 1 på ventelisten." in text


def test_the_waiting_list_page_shows_those_in_line(
    client_as: Callable[[str], Client], veileder: Actor
) -> None:
    delivery = delivery_of(places=0)
    person = in_follow_up()
    services.enrol(actor=veileder, person=person, delivery=delivery, admit=True)
    page = client_as("veileder").get(reverse("participants:waiting_list", args=[delivery.pk]))
    assert person.full_name in page.content.decode()
    assert Participation.objects.filter(delivery=delivery).count() == 1
    assert (
        client_as("beslutter")
        .get(reverse("participants:waiting_list", args=[delivery.pk]))
        .status_code
        == 403
    )
