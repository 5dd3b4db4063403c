"""The people and records the tests of §14a decisions and their appeals act on, built for
each test through the services at NAV Grünerløkka: Vera Veileder's person with a citizen
login of their own and an open period, a decision sent to them (with its sources), and an
appeal of it; staff at NAV Sagene, another office."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.core.testing import Lookup, staff_at
from velferd.followup import services
from velferd.followup.models import Appeal, NeedsAssessment
from velferd.followup.tests.factories import a_period
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, citizen_of

SOURCES = ["self_assessment", "dialogue"]
REASONING = "Du vil ha jobb. Vi hjelper deg å søke. Du får en plan."
GROUNDS = "Jeg trenger mer hjelp enn dette. Kneet gjør at jeg ikke kan stå lenge."


@pytest.fixture
def vera(actor_of_login: Lookup) -> Actor:
    """Vera Veileder, state caseworker at NAV Grünerløkka."""
    return actor_of_login("veileder")


@pytest.fixture
def approver(actor_of_login: Lookup) -> Actor:
    return actor_of_login("beslutter")


@pytest.fixture
def sagene(db: None) -> Actor:
    """A caseworker at NAV Sagene, another office than the person's."""
    return staff_at("0320", "veileder-sagene-klage")


@pytest.fixture
def ola(vera: Actor) -> Person:
    """A person followed up by Vera, with a citizen login of their own."""
    person = a_person(given_name="Ola", family_name="Klagesen")
    a_period(person=person, caseworker=vera.user)
    citizen_of(person)
    return Person.objects.get(pk=person.pk)


@pytest.fixture
def ola_login(ola: Person) -> Actor:
    from velferd.access.selectors import actor_for_user

    assert ola.user is not None
    return actor_for_user(ola.user)


def draft(actor: Actor, person: Person, **fields: object) -> NeedsAssessment:
    values: dict[str, object] = {
        "need_group": "situation_specific",
        "main_goal": "get_work",
        "reasoning": REASONING,
        "sources": SOURCES,
        **fields,
    }
    return services.assessment_create(actor=actor, person=person, **values)  # type: ignore[arg-type]


def sent(actor: Actor, person: Person, days_ago: int = 0, **fields: object) -> NeedsAssessment:
    """A decision sent to the person, `days_ago` days ago."""
    decision = draft(actor, person, **fields)
    decision = services.assessment_send(actor=actor, assessment=decision, version=decision.version)
    if days_ago:
        NeedsAssessment.objects.filter(pk=decision.pk).update(
            sent_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
        decision.refresh_from_db()
    return decision


@pytest.fixture
def decision(vera: Actor, ola: Person) -> NeedsAssessment:
    return sent(vera, ola)


@pytest.fixture
def appeal(ola_login: Actor, decision: NeedsAssessment) -> Appeal:
    """Ola's appeal of the decision, from his own pages."""
    return services.appeal_register(actor=ola_login, decision=decision, grounds=GROUNDS)


@pytest.fixture
def client_of() -> Callable[[Actor], Client]:
    def login(actor: Actor) -> Client:
        client = Client()
        client.force_login(User.objects.get(pk=actor.user.pk))  # type: ignore[union-attr]
        return client

    return login
