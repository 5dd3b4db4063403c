"""The overview of places is in the menu and on the start page of exactly those who may
see it (scheme managers, office managers, analysts and the Ministry's staff), the link
opens their own scope, and the others are refused the page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from velferd.access import policies
from velferd.access.demo import DEMO_LOGINS
from velferd.core.testing import login_actor

pytestmark = pytest.mark.django_db

MENU_LINK = 'data-testid="menu-places-overview"'
SCOPE_SHOWN = {
    "kontorleder": "NAV Grünerløkka",
    "tiltaksforvalter": "Oslo",
    "analytiker": "Hele landet",
    "departement": "Hele landet",
}


@pytest.mark.parametrize("login", [demo.username for demo in DEMO_LOGINS])
def test_the_menu_and_the_start_page_lead_to_the_overview_as_the_policy_allows(
    login: str, client_as: Callable[[str], Client]
) -> None:
    client = client_as(login)
    allowed = policies.can_list_places_overview(login_actor(login))
    start = client.get(reverse("start")).content.decode()
    assert (MENU_LINK in start) == allowed
    links = start.count(f'href="{reverse("participants:places_overview")}"')
    assert links == (2 if allowed else 0), "in the menu and among the start page's links"
    page = client.get(reverse("participants:places_overview"))
    assert page.status_code == (200 if allowed else 403)
    if allowed:
        assert SCOPE_SHOWN[login] in page.content.decode()


def test_the_login_list_covers_every_role_that_sees_the_overview() -> None:
    assert set(SCOPE_SHOWN) == {
        demo.username
        for demo in DEMO_LOGINS
        if policies.can_list_places_overview(login_actor(demo.username))
    }
