"""What the routes read first: the person, through the people domain's logged selector."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from velferd.access.api_auth import actor_of
from velferd.people import selectors as people_selectors


def read_person(request: HttpRequest, person_id: str, what: str) -> Any:
    return people_selectors.person_for(
        actor=actor_of(request), person_id=person_id, purpose="follow_up", what=what
    )
