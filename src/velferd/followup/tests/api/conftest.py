"""The demo's caseworker and citizen, logged in."""

from __future__ import annotations

import pytest
from django.test import Client

from .calls import Login


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def ola(client_as: Login) -> Client:
    return client_as("innbygger")
