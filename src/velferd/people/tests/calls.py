"""What the tests of the people API share: sending JSON, a login of a person's own, the
counts a refused write leaves alone, the last audit action and the reads logged about a
person."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.utils import timezone

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.audit.models import AccessEvent, AuditEvent
from velferd.people.models import Person
from velferd.people.services import link_user

BASE = "/api/v1/people"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}
TODAY = timezone.localdate


def send(client: Client, method: str, path: str, body: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}", data=json.dumps(body), content_type="application/json", **headers
    )


def counts() -> tuple[int, int, int]:
    """People, audit events and access events: what a refused write must leave alone."""
    return Person.objects.count(), AuditEvent.objects.count(), AccessEvent.objects.count()


def login_for(person_: Person, username: str) -> Client:
    """Give a person a login of their own (as ID-porten would) and log in with it."""
    user = User.objects.create(username=username, full_name=person_.full_name)
    link_user(actor=system_actor("tests"), person=person_, user=user)
    client = Client()
    client.force_login(user)
    return client


def last_action() -> str:
    event = AuditEvent.objects.order_by("-seq").first()
    return event.action if event else ""


def access_events_about(person_: Person) -> int:
    return AccessEvent.objects.filter(subject_id=str(person_.pk)).count()
