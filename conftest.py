"""Shared test set-up: one database per run, loaded once with the reference data, the demo
offices and the demo logins; each test runs in a transaction that is rolled back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.core.testing import login_actor


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from velferd.demo import load_demo
    from velferd.project.reference import load_reference

    with django_db_blocker.unblock():
        load_reference(actor=system_actor("tests"))
        load_demo(actor=system_actor("tests"))


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    """Rate limits count in the cache; every test starts with none spent."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def system() -> Actor:
    return system_actor("tests")


@pytest.fixture
def actor_of_login(db: None) -> Callable[[str], Actor]:
    """The Actor of a demo login: actor_of_login("admin")."""
    return login_actor


@pytest.fixture
def client_as(db: None) -> Callable[[str], Client]:
    """A test client logged in as a demo login: client_as("veileder")."""

    def get(username: str) -> Client:
        client = Client()
        client.force_login(User.objects.get(username=username))
        return client

    return get
