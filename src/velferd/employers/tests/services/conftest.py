"""The advisor, a new enterprise in Bergen, its representative and its cooperation, for the
tests of writes."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.employers import services
from velferd.employers.models import (
    Cooperation,
    Enterprise,
)

from ..factories import a_representative, an_enterprise
from ..writes import Lookup


@pytest.fixture
def advisor(actor_of_login: Lookup) -> Actor:
    return actor_of_login("ia-radgiver")


@pytest.fixture
def enterprise() -> Enterprise:
    return an_enterprise()


@pytest.fixture
def cooperation(advisor: Actor, enterprise: Enterprise) -> Cooperation:
    return services.cooperation_start(actor=advisor, enterprise=enterprise)


@pytest.fixture
def employer(enterprise: Enterprise) -> Actor:
    """A login representing the enterprise."""
    return a_representative(enterprise)
