"""The office directory finds a municipality as people type it on a keyboard without æ, ø
and å: "tromso" finds Tromsø, "baerum" and "barum" Bærum, "alesund" and "aalesund"
Ålesund; so do the live search, the API's searches and a search by an office's name."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.organisation import selectors

pytestmark = pytest.mark.django_db

TYPED = [
    ("tromso", "Tromsø"),
    ("baerum", "Bærum"),
    ("barum", "Bærum"),
    ("alesund", "Ålesund"),
    ("aalesund", "Ålesund"),
]


@pytest.mark.parametrize(("query", "name"), TYPED)
def test_the_directory_finds_the_municipality_first(query: str, name: str) -> None:
    hits = selectors.directory_search(query)
    assert hits and hits[0].municipality.name == name


@pytest.mark.parametrize(("query", "name"), TYPED)
def test_the_live_search_shows_the_office_that_serves_it(
    client: Client, query: str, name: str
) -> None:
    html = client.get("/offices/", {"q": query}, HTTP_HX_REQUEST="true").content.decode()
    first = html.split('data-testid="directory-hit"')[1]
    assert f">{name} <span" in first
    assert 'data-testid="office-link"' in first


def test_the_api_finds_municipalities_and_offices_as_typed(client: Client) -> None:
    found = client.get("/api/v1/organisation/municipalities", {"q": "tromso"}).json()["items"]
    assert [m["name"] for m in found] == ["Tromsø"]
    offices = client.get("/api/v1/organisation/offices", {"q": "barum"}).json()["items"]
    assert "NAV Bærum" in [o["name"] for o in offices]


def test_an_office_is_found_by_its_own_name_as_typed() -> None:
    """NAV Ytre Søre Sunnmøre is no municipality's name."""
    names = [o.name_nb for o in selectors.offices(query="sore sunnmore")]
    assert names == ["NAV Ytre Søre Sunnmøre"]
