"""A care home with statistics among others alike, and a client logged in as a login, for
the API and page tests."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.access.actor import Actor
from velferd.employers.models import Enterprise

from .factories import in_county, with_statistics


@pytest.fixture
def care_home(db: None) -> Enterprise:
    """Fjellbekk Omsorg AS, a care home in Bergen, and three more alike, with 12 quarters."""
    own = in_county("4601", name="Fjellbekk Omsorg AS", industry_code="87.301")
    with_statistics(own, *(in_county("4601", industry_code="87.301") for _ in range(3)))
    return own


def client_of(actor: Actor) -> Client:
    """A test client logged in as the actor's login."""
    assert actor.user is not None
    client = Client()
    client.force_login(actor.user)
    return client
