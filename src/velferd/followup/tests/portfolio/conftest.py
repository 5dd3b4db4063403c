"""The office the portfolio tests work at."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor

from ..sagene import Sagene, sagene_office


@pytest.fixture
def sagene(system: Actor) -> Sagene:
    return sagene_office(system)
