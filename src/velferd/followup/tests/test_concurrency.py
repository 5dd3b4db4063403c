"""Writes to one person's records at the same moment, over real concurrent connections:
notes, activities and edits beside dialogue messages never deadlock into a 500; each is
saved or refused with a 409, and the audit trail has exactly one event for every write that
was saved."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.followup.models import Activity, Thread
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, citizen_of

from .factories import a_period, a_thread, an_activity

BASE = "/api/v1/followup"
ROUNDS = 12

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

Write = tuple[str, Callable[[], Any]]


@pytest.fixture
def demo() -> None:
    load_demo_data()


@pytest.fixture
def ola(demo: None) -> Person:
    """A person followed up by the demo's caseworker, with a citizen login of their own."""
    person = a_person()
    a_period(person=person, caseworker=login_actor("veileder").user)
    citizen_of(person)
    return person


def logged_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def sending(client: Client, method: str, path: str, body: dict[str, Any]) -> Callable[[], Any]:
    def send() -> Any:
        return getattr(client, method)(
            f"{BASE}{path}", json.dumps(body), content_type="application/json"
        )

    return send


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_mixed_writes_on_one_person_are_saved_or_409_and_audited_once_each(ola: Person) -> None:
    thread: Thread = a_thread(person=ola)
    jobs: Activity = an_activity(person=ola, title="Søk fire jobber i uka", agreed_with_office=True)
    assert ola.user is not None
    office, colleague, citizen = (
        logged_in("veileder"),
        logged_in("veileder"),
        logged_in(ola.user.username),
    )
    mark = last_seq()
    answered: Counter[tuple[str, int]] = Counter()

    for round_ in range(ROUNDS):
        version = Activity.objects.get(pk=jobs.pk).version
        edit = {"version": version, "description": f"Runde {round_}"}
        writes: list[Write] = [
            (
                "reminder_note.added",
                sending(
                    office,
                    "post",
                    f"/persons/{ola.pk}/notes",
                    {"text": f"Ring Ola, runde {round_}"},
                ),
            ),
            (
                "activity.created",
                sending(
                    colleague,
                    "post",
                    "/activities",
                    {"person": str(ola.pk), "kind": "own_activity", "title": f"Runde {round_}"},
                ),
            ),
            ("activity.updated", sending(office, "patch", f"/activities/{jobs.pk}", edit)),
            ("activity.updated", sending(colleague, "patch", f"/activities/{jobs.pk}", edit)),
            (
                "message.sent",
                sending(office, "post", f"/threads/{thread.pk}/messages", {"text": "Hei, Ola"}),
            ),
            (
                "message.sent",
                sending(citizen, "post", f"/threads/{thread.pk}/messages", {"text": "Hei!"}),
            ),
        ]
        responses = run_together([send for _, send in writes])
        for (action, _), response in zip(writes, responses, strict=True):
            answered[(action, response.status_code)] += 1

    statuses = {status for _, status in answered}
    assert statuses <= {200, 201, 409}, answered
    assert answered[("activity.updated", 409)] == ROUNDS  # one of the two edits is stale
    audited = Counter(AuditEvent.objects.filter(seq__gt=mark).values_list("action", flat=True))
    for action in ("reminder_note.added", "activity.created", "message.sent", "activity.updated"):
        saved = answered[(action, 200)] + answered[(action, 201)]
        assert audited[action] == saved, (action, answered)
