"""Who may see which overview of places: the predicate and the list filters of the counties
and offices offered agree for every demo login."""

from __future__ import annotations

import pytest

from velferd.access import policies
from velferd.core.testing import login_actor
from velferd.organisation.models import County, Office

pytestmark = pytest.mark.django_db

LOGINS = (
    "tiltaksforvalter",
    "kontorleder",
    "analytiker",
    "departement",
    "veileder",
    "leverandor",
    "admin",
)


@pytest.mark.parametrize("login", LOGINS)
def test_the_counties_offered_are_those_the_predicate_allows(login: str) -> None:
    actor = login_actor(login)
    offered = set(County.objects.filter(policies.places_overview_counties(actor)))
    allowed = {c for c in County.objects.all() if policies.can_view_places_overview(actor, c.pk)}
    assert offered == allowed


@pytest.mark.parametrize("login", LOGINS)
def test_the_offices_offered_are_those_the_predicate_allows(login: str) -> None:
    actor = login_actor(login)
    offered = set(Office.objects.filter(policies.places_overview_offices(actor)))
    allowed = {
        office
        for office in Office.objects.all()
        if policies.can_view_places_overview(actor, office.county_id, office.pk)
    }
    assert offered == allowed
