"""Requests refused before any view reads them: a multipart body without a (valid) boundary
is 400 malformed_request, a NUL character in a query value, a form field or a JSON string
is 422 invalid_input naming the field, on the API and on the pages alike, on both
databases (PostgreSQL cannot store NUL; SQLite could, but the answer is the same)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.core.request_checks import field_with_nul
from velferd.employers.tests.factories import a_representative, an_enterprise
from velferd.people.models import Person
from velferd.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]
NUL = "\x00"


@pytest.fixture
def person() -> Person:
    """A person at NAV Grünerløkka, where the demo's caseworker works."""
    return a_person()


def with_csrf_cookie(client: Client) -> Client:
    client.cookies["csrftoken"] = "x" * 32
    return client


def multipart_without_boundary(client: Client, path: str) -> Any:
    return client.generic("POST", path, b"name=x", content_type="multipart/form-data")


def post_json(client: Client, path: str, body: dict[str, Any], **headers: Any) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


class TestMultipartWithoutBoundary:
    @pytest.mark.parametrize(
        "path",
        [
            "/api/v1/enquiries",
            "/api/v1/followup/activities",
            f"/api/v1/followup/persons/{'0' * 8}-0000-0000-0000-{'0' * 12}/notes",
            "/api/v1/sickleave/imports",
        ],
    )
    def test_is_400_malformed_without_login_and_with_a_csrf_cookie(self, path: str) -> None:
        response = multipart_without_boundary(with_csrf_cookie(Client()), path)

        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"

    def test_is_400_malformed_for_a_logged_in_session_too(
        self, client_as: Login, person: Person
    ) -> None:
        client = with_csrf_cookie(client_as("veileder"))

        response = multipart_without_boundary(client, f"/api/v1/followup/persons/{person.pk}/notes")

        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"

    def test_an_invalid_boundary_is_refused_the_same_way(self) -> None:
        response = with_csrf_cookie(Client()).generic(
            "POST",
            "/api/v1/enquiries",
            b"x",
            content_type='multipart/form-data; boundary="bad boundary\x01"',
        )

        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"

    @pytest.mark.parametrize("path", ["/login/", "/enquiries/new/"])
    def test_a_page_answers_400_with_its_error_page(self, path: str) -> None:
        response = multipart_without_boundary(with_csrf_cookie(Client()), path)

        assert response.status_code == 400
        assert b"<html" in response.content


class TestNulInJson:
    def test_the_public_enquiry_is_422_naming_the_field(self) -> None:
        body = {
            "name": "Kari Nilsen",
            "email": "kari@example.no",
            "subject": f"Hei{NUL}",
            "text": "T",
        }

        response = post_json(Client(), "/api/v1/enquiries", body, HTTP_ACCEPT_LANGUAGE="en")

        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
        assert response.json()["field"] == "subject"
        assert "NUL" in response.json()["message"]

    def test_a_note_is_422_and_nothing_is_saved(self, client_as: Login, person: Person) -> None:
        client = client_as("veileder")

        response = post_json(
            client, f"/api/v1/followup/persons/{person.pk}/notes", {"text": f"a{NUL}b"}
        )

        assert response.status_code == 422
        assert (response.json()["code"], response.json()["field"]) == ("invalid_input", "text")
        assert client.get(f"/api/v1/followup/persons/{person.pk}/notes").json() == []

    def test_a_subsidy_application_is_422_naming_the_field(self) -> None:
        enterprise = an_enterprise()
        representative = a_representative(enterprise).user
        assert representative is not None
        client = Client()
        client.force_login(representative)

        response = post_json(
            client,
            f"/api/v1/employers/enterprises/{enterprise.organisation_number}/subsidies",
            {"purpose": f"Tilrettelegging{NUL}", "amount": "1000.00"},
        )

        assert response.status_code == 422
        assert (response.json()["code"], response.json()["field"]) == ("invalid_input", "purpose")

    def test_the_message_is_norwegian_by_default(self) -> None:
        body = {"name": f"Kari{NUL}", "email": "kari@example.no", "subject": "S", "text": "T"}

        response = post_json(Client(), "/api/v1/enquiries", body)

        assert response.json()["field"] == "name"
        assert "tegn" in response.json()["message"]


class TestNulInQuery:
    @pytest.mark.parametrize("login", ["veileder", None])
    @pytest.mark.parametrize("path", ["/api/v1/organisation/offices", "/api/v1/people/persons"])
    def test_a_search_is_422_naming_q(self, client_as: Login, path: str, login: str | None) -> None:
        client = client_as(login) if login else Client()

        response = client.get(path, {"q": f"ola{NUL}"})

        assert response.status_code == 422
        assert (response.json()["code"], response.json()["field"]) == ("invalid_input", "q")

    @pytest.mark.parametrize(
        ("login", "path"),
        [
            (None, "/offices/"),
            (None, "/publications/"),
            ("veileder", "/people/"),
            ("departement", "/inbox/"),
            ("ia-radgiver", "/employers/"),
            ("admin", "/users/"),
        ],
    )
    def test_a_page_search_shows_the_error_page_not_a_500(
        self, client_as: Login, login: str | None, path: str
    ) -> None:
        client = client_as(login) if login else Client()

        response = client.get(path, {"q": f"a{NUL}b"})

        assert response.status_code == 422
        assert b"<html" in response.content

    def test_a_nul_in_a_parameter_name_is_refused_too(self) -> None:
        response = Client().get("/api/v1/organisation/offices", {f"q{NUL}": "oslo"})

        assert response.status_code == 422


class TestNulInForms:
    def test_a_note_posted_from_the_page_is_422_and_nothing_is_saved(
        self, client_as: Login, person: Person
    ) -> None:
        client = client_as("veileder")

        response = client.post(f"/people/{person.pk}/notes/", {"text": f"Ring{NUL}"})

        assert response.status_code == 422
        assert client.get(f"/api/v1/followup/persons/{person.pk}/notes").json() == []


class TestFieldWithNul:
    @pytest.mark.parametrize(
        ("value", "field"),
        [
            ({"a": "ok", "b": {"c": ["x", f"y{NUL}"]}}, "b.c.1"),
            ([{"a": NUL}], "0.a"),
            ({f"key{NUL}": "value"}, f"key{NUL}".replace(NUL, "")),
            (f"{NUL}", ""),
            ({"a": 1, "b": None, "c": [True, 2.5]}, None),
        ],
    )
    def test_finds_the_first_text_with_nul_and_names_its_path(
        self, value: Any, field: str | None
    ) -> None:
        assert field_with_nul(value) == field
