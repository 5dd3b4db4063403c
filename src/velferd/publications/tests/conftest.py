"""The demo publications, loaded for each test (the session's demo data leaves them out)."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.publications.services import load_demo_publications


@pytest.fixture
def publications(db: None, system: Actor) -> None:
    load_demo_publications(actor=system)
