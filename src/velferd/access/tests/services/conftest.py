"""The administrator, and a newcomer who holds no role yet, for the tests of writes."""

from __future__ import annotations

import pytest

from velferd.access import services
from velferd.access.actor import Actor
from velferd.access.models import User

from .writes import ActorOf


@pytest.fixture
def admin(actor_of_login: ActorOf) -> Actor:
    return actor_of_login("admin")


@pytest.fixture
def newcomer(system: Actor) -> User:
    return services.user_create(
        actor=system, username="nykommer", full_name="Nina Nykommer", password=None
    )
