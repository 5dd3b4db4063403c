"""The demo's logins the tests of follow-up writes act as, and staff at NAV Sagene (0320),
another office than the demo people's."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor

from .writes import Lookup, staff_at_sagene


@pytest.fixture
def vera(actor_of_login: Lookup) -> Actor:
    """Vera Veileder, state caseworker at NAV Grünerløkka; Ola's caseworker."""
    return actor_of_login("veileder")


@pytest.fixture
def ola(actor_of_login: Lookup) -> Actor:
    """The citizen login, which is Ola Nordmann."""
    return actor_of_login("innbygger")


@pytest.fixture
def manager(actor_of_login: Lookup) -> Actor:
    return actor_of_login("kontorleder")


@pytest.fixture
def approver(actor_of_login: Lookup) -> Actor:
    return actor_of_login("beslutter")


@pytest.fixture
def social(actor_of_login: Lookup) -> Actor:
    """Sindre Sosialkonsulent, municipal caseworker at NAV Grünerløkka; Jonas's."""
    return actor_of_login("sosialkonsulent")


@pytest.fixture
def gp(actor_of_login: Lookup) -> Actor:
    """Frida Fastlege: a partner from the GP service in Oslo (0301)."""
    return actor_of_login("fastlege")


@pytest.fixture
def sagene_caseworker(system: Actor, actor_of_login: Lookup) -> Actor:
    staff_at_sagene(system, "sagene-veileder", "caseworker_state")
    return actor_of_login("sagene-veileder")


@pytest.fixture
def sagene_approver(system: Actor, actor_of_login: Lookup) -> Actor:
    staff_at_sagene(system, "sagene-beslutter", "approver")
    return actor_of_login("sagene-beslutter")
