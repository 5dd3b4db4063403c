"""The people the tests of people act on and as: the demo's caseworker at NAV Grünerløkka
(`vera`, and `veileder` logged in), a caseworker at NAV Alta, a person at NAV Grünerløkka
with a login of their own (`ola`, and `as_ola` logged in), and another person there."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_user
from velferd.core.testing import staff_at
from velferd.people.models import Person

from .factories import a_person, citizen_of
from .writes import ALTA


@pytest.fixture
def vera(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("veileder")


@pytest.fixture
def alta_caseworker(db: None) -> Actor:
    return staff_at(ALTA, "alta-veileder")


@pytest.fixture
def ola(db: None) -> Person:
    """A person at NAV Grünerløkka with a citizen login of their own (ola.user)."""
    someone = a_person(given_name="Ola", family_name="Nordvik")
    citizen_of(someone)
    return someone


@pytest.fixture
def ola_himself(ola: Person) -> Actor:
    """The person's own login."""
    return actor_for_user(ola.user)


@pytest.fixture
def kari(db: None) -> Person:
    """Another person at NAV Grünerløkka, with no login."""
    return a_person(given_name="Kari", family_name="Dalen")


@pytest.fixture
def veileder(client_as: Callable[[str], Client]) -> Client:
    return client_as("veileder")


@pytest.fixture
def as_ola(ola: Person) -> Client:
    """The person `ola` logged in with their own login."""
    assert ola.user is not None
    client = Client()
    client.force_login(ola.user)
    return client
