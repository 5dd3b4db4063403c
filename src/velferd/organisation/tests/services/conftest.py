"""The administrator, and Loppa and Hasvik left without an office, for the tests of writes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access.actor import Actor
from velferd.organisation.models import Office, OfficeArea


@pytest.fixture
def admin(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("admin")


@pytest.fixture
def loppa_and_hasvik_unserved() -> None:
    """NAV Vest-Finnmark (5614) closes, so Loppa (5614) and Hasvik (5616) have no office
    until a new one opens. There is no service for closing an office, so it is deleted."""
    Office.objects.get(unit_number="5614").delete()
    assert not OfficeArea.objects.filter(municipality__in=["5614", "5616"]).exists()
