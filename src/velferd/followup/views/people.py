"""The person a page is about: read through the people domain's logged selector; and the
page to go back to, which for the person themself is their own plan."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.people import selectors as people_selectors


def read_person(actor: Actor, person_id: Any, what: str) -> Any:
    return people_selectors.person_for(
        actor=actor, person_id=person_id, purpose="follow_up", what=what
    )


def person_url(person: Any, actor: Actor) -> str:
    if policies.is_the_person(actor, person):
        return reverse("my_plan")
    return reverse("person", args=[person.pk])
