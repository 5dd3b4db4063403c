"""Paging: a page number no list can have is refused with 422 in the API, and a page past
the last shows the last page on the pages (a link may be old); never a server error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
API_LISTS = [
    "/api/v1/people/persons",
    "/api/v1/followup/portfolio",
    "/api/v1/organisation/municipalities",
    "/api/v1/organisation/offices",
    "/api/v1/audit/events",
    "/api/v1/access/users",
]
PAGES = ["/people/", "/portfolio/", "/audit/", "/publications/", "/offices/"]


@pytest.mark.parametrize("path", API_LISTS)
@pytest.mark.parametrize("page", [HUGE, "1000000", "-1"])
def test_an_impossible_page_is_422(
    client_as: Callable[[str], Client], path: str, page: str
) -> None:
    login = "admin" if "/audit/" in path or "/access/" in path else "veileder"
    response = client_as(login).get(path, {"page": page})
    assert response.status_code == 422
    assert response.json()["field"] == "page"


def test_a_page_past_the_last_says_how_many_there_are(
    client_as: Callable[[str], Client],
) -> None:
    response = client_as("veileder").get(
        "/api/v1/people/persons", {"page": "500", "page_size": "200"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 422
    assert response.json()["message"] == "There is no such page. The last page is 1."


@pytest.mark.parametrize("path", PAGES)
def test_a_page_shows_its_last_page_for_a_huge_number(
    client_as: Callable[[str], Client], path: str
) -> None:
    login = "admin" if path == "/audit/" else "veileder"
    response = client_as(login).get(path, {"page": HUGE})
    assert response.status_code == 200


def test_anonymous_never_sees_a_debug_page(client: Client) -> None:
    response = client.get("/api/v1/organisation/offices", {"page": HUGE})
    assert response.status_code == 422
    assert b"Traceback" not in response.content
