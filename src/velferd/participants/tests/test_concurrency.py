"""Many caseworkers enrolling people in one delivery at the same moment, over real concurrent
requests: exactly as many get a place as there are places, the rest land on the waiting
list, none is answered with a 500, and the delivery's count of places taken is right."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.participants.models import Participation
from velferd.schemes.models import Delivery

from .builders import delivery_of, in_follow_up

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

PEOPLE = 10
PLACES = 3


def enrolling(person_id: str, delivery_id: int) -> Callable[[], Any]:
    def send() -> Any:
        client = Client()
        client.force_login(User.objects.get(username="veileder"))
        body = {"person_id": person_id, "delivery_id": delivery_id, "admit": True}
        return client.post(
            "/api/v1/participants/enrolments", json.dumps(body), content_type="application/json"
        )

    return send


def test_no_place_is_given_twice_when_many_enrol_at_once() -> None:
    load_demo_data()
    delivery = delivery_of(places=PLACES)
    people = [str(in_follow_up().pk) for _ in range(PEOPLE)]
    answers = run_together([enrolling(person, delivery.pk) for person in people])
    assert Counter(answer.status_code for answer in answers) == {201: PEOPLE}
    statuses = Counter(answer.json()["status"] for answer in answers)
    assert statuses == {"awaiting_start": PLACES, "waiting_list": PEOPLE - PLACES}
    assert Delivery.objects.get(pk=delivery.pk).places_taken == PLACES
    held = Participation.objects.filter(delivery=delivery, status="awaiting_start").count()
    assert held == PLACES
