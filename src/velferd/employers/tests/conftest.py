"""An enterprise being assessed and its representative, for the API and page tests."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import login_actor
from velferd.employers import services
from velferd.employers.models import Cooperation

from .factories import a_representative, an_enterprise, being_assessed


@pytest.fixture
def assessed(db: None) -> Cooperation:
    """Fjellbekk Omsorg AS in Bergen, whose contact person ia-radgiver is assessing a
    cooperation with a needs assessment of six answers and an application."""
    advisor = login_actor("ia-radgiver")
    enterprise = an_enterprise(name="Fjellbekk Omsorg AS")
    services.enterprise_assign_contact_person(
        actor=advisor,
        enterprise=enterprise,
        contact_person=advisor.user,  # type: ignore[arg-type]
        version=enterprise.version,
    )
    return being_assessed(advisor, enterprise)


@pytest.fixture
def representative(assessed: Cooperation) -> Client:
    """A login representing the enterprise being assessed, logged in."""
    user = a_representative(assessed.enterprise).user
    assert user is not None
    client = Client()
    client.force_login(user)
    return client
