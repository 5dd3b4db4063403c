"""The staff find a person by name as they type it on a keyboard without æ, ø and å, in the
list of people and the API alike; the search still reads the office's index, not every
person in the country."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client

from velferd.access.actor import Actor
from velferd.core.db import is_postgresql
from velferd.people import selectors
from velferd.people.models import Person

from .factories import a_person

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]
ClientAs = Callable[[str], Client]


@pytest.fixture
def oyvind() -> Person:
    """Øyvind Ågård Sæther, at NAV Grünerløkka."""
    return a_person(given_name="Øyvind", family_name="Ågård Sæther")


def found(actor: Actor, query: str) -> list[str]:
    return [p.full_name for p in selectors.persons_visible_to(actor=actor, query=query)]


@pytest.mark.parametrize(
    "query",
    ["oyvind", "aagaard", "agard", "saether", "sather", "Oyvind Agard", "sæther øyvind"],
)
def test_a_name_is_found_however_its_letters_are_typed(
    actor_of_login: Lookup, oyvind: Person, query: str
) -> None:
    assert found(actor_of_login("veileder"), query) == ["Øyvind Ågård Sæther"]


def test_another_name_is_not_found(actor_of_login: Lookup, oyvind: Person) -> None:
    assert "Øyvind Ågård Sæther" not in found(actor_of_login("veileder"), "sether")


def test_the_list_of_people_and_the_api_find_the_name_as_typed(
    client_as: ClientAs, oyvind: Person
) -> None:
    caseworker = client_as("veileder")
    page = caseworker.get("/people/", {"q": "oyvind saether"}).content.decode()
    assert f'href="/people/{oyvind.pk}/"' in page
    listed = caseworker.get("/api/v1/people/persons", {"q": "aagaard"}).json()["items"]
    assert [p["id"] for p in listed] == [str(oyvind.pk)]


def test_the_search_reads_an_index_of_the_office(actor_of_login: Lookup, oyvind: Person) -> None:
    """The query is folded, not the column: the plan still starts from an index."""
    search = selectors.persons_visible_to(actor=actor_of_login("veileder"), query="saether")
    sql, params = search.query.sql_with_params()
    with connection.cursor() as cursor:
        if is_postgresql():
            # A handful of rows: make the planner choose as it would for an office's thousands.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "Seq Scan on people_person" not in plan, plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "SCAN people_person " not in plan + " ", plan
            assert "USING INDEX" in plan, plan
