"""Appeals written at the same moment over real concurrent connections (PostgreSQL): the
office's two moves on one appeal (forvaltningsloven § 33: uphold or send on) and two
registrations of an appeal against one decision (§ 28). Each write is saved or refused with
a 409, never a 500 or a deadlock; the version and the lock order (person, portfolio state,
record, audit head) leave exactly one move made and one event for it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.followup import services
from velferd.followup.models import Appeal
from velferd.followup.tests.factories import a_period
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, citizen_of

from .conftest import GROUNDS, sent

BASE = "/api/v1/followup"
ROUNDS = 6

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ola() -> Person:
    load_demo_data()
    person = a_person()
    a_period(person=person, caseworker=login_actor("veileder").user)
    citizen_of(person)
    return Person.objects.get(pk=person.pk)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def posting(client: Client, path: str, body: dict[str, Any]) -> Callable[[], Any]:
    def post() -> Any:
        return client.post(f"{BASE}{path}", json.dumps(body), content_type="application/json")

    return post


def events(action: str, mark: int) -> int:
    return AuditEvent.objects.filter(action=action, seq__gt=mark).count()


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_two_moves_on_one_appeal_make_one_and_refuse_the_other_with_409(ola: Person) -> None:
    vera = login_actor("veileder")
    manager = User.objects.get(username="kontorleder")
    answered: Counter[int] = Counter()
    mark = last_seq()

    for _ in range(ROUNDS):
        decision = sent(vera, ola)
        assert ola.user is not None
        appeal = services.appeal_register(
            actor=actor_for_user(ola.user), decision=decision, grounds=GROUNDS
        )
        body = {"version": appeal.version, "comment": "Vurdert."}
        uphold = posting(logged_in(vera.user), f"/appeals/{appeal.pk}/uphold", body)  # type: ignore[arg-type]
        forward = posting(logged_in(manager), f"/appeals/{appeal.pk}/forward", body)

        responses = run_together([uphold, forward])

        statuses = sorted(response.status_code for response in responses)
        answered.update(statuses)
        assert statuses == [200, 409], [r.content for r in responses]
        assert Appeal.objects.get(pk=appeal.pk).version == 2

    moved = events("appeal.upheld", mark) + events("appeal.forwarded", mark)
    assert moved == ROUNDS
    assert answered == Counter({200: ROUNDS, 409: ROUNDS})


def test_two_registrations_against_one_decision_keep_one_appeal(ola: Person) -> None:
    vera = login_actor("veileder")
    assert ola.user is not None

    for _ in range(ROUNDS):
        decision = sent(vera, ola)
        mark = last_seq()
        by_person = posting(
            logged_in(ola.user), f"/assessments/{decision.pk}/appeals", {"grounds": GROUNDS}
        )
        by_office = posting(
            logged_in(vera.user),  # type: ignore[arg-type]
            f"/assessments/{decision.pk}/appeals",
            {"grounds": "Ringte kontoret."},
        )

        responses = run_together([by_person, by_office])

        statuses = sorted(response.status_code for response in responses)
        assert statuses == [201, 409], [r.content for r in responses]
        assert Appeal.objects.filter(decision=decision).count() == 1
        assert events("appeal.registered", mark) == 1
