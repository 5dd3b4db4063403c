"""The administrator, logged in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client


@pytest.fixture
def admin(client_as: Callable[[str], Client]) -> Client:
    return client_as("admin")
