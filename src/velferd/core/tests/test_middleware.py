"""RequestIdMiddleware: every response names its request, and audit events made while serving
it name the same id."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from velferd.core.middleware import RequestIdMiddleware
from velferd.core.request_context import current_request_id

GENERATED = re.compile(r"^[0-9a-f]{32}$")


def echo_request_id(request: HttpRequest) -> HttpResponse:
    """A view that answers with the request id it sees while it runs."""
    return HttpResponse(current_request_id())


def served(header: str | None) -> HttpResponse:
    headers = {} if header is None else {"X-Request-ID": header}
    request = RequestFactory().get("/", headers=headers)
    return RequestIdMiddleware(echo_request_id)(request)


class TestRequestIdMiddleware:
    @pytest.mark.parametrize(
        "incoming",
        ["abcdef12", "req-2026.05_17-ABC", "f" * 64, "0c6b1f1e-6f5e-4b8e-9a59-2b3a4c5d6e7f"],
    )
    def test_a_sane_request_id_is_echoed_back(self, incoming: str) -> None:
        response = served(incoming)
        assert response["X-Request-ID"] == incoming
        assert response.content.decode() == incoming  # the view saw the same id

    @pytest.mark.parametrize(
        "incoming",
        [
            "short",  # under 8 characters
            "x" * 65,  # over 64
            "has space in it",
            "<script>alert(1)</script>",
            "line\r\nSet-Cookie: x=1",
            "ærøå-request-id",
        ],
    )
    def test_an_insane_request_id_is_replaced_by_a_fresh_one(self, incoming: str) -> None:
        response = served(incoming)
        assert response["X-Request-ID"] != incoming
        assert GENERATED.match(response["X-Request-ID"])
        assert response.content.decode() == response["X-Request-ID"]

    def test_a_request_without_an_id_gets_a_fresh_one(self) -> None:
        response = served(None)
        assert GENERATED.match(response["X-Request-ID"])

    def test_every_request_gets_its_own_id(self) -> None:
        assert served(None)["X-Request-ID"] != served(None)["X-Request-ID"]

    def test_the_request_id_does_not_outlive_the_request(self) -> None:
        served("abcdef12-outlive")
        assert current_request_id() == ""


@pytest.mark.django_db
class TestRequestIdOnPages:
    def test_a_page_answers_with_the_request_id_it_was_given(self, client: Client) -> None:
        response = client.get("/login/", headers={"X-Request-ID": "page-request-0001"})
        assert response.status_code == 200
        assert response["X-Request-ID"] == "page-request-0001"

    def test_an_api_error_still_carries_a_request_id(self, client: Client) -> None:
        response = client.get("/api/v1/access/me", headers={"X-Request-ID": "bad id!"})
        assert response.status_code == 401
        assert GENERATED.match(response["X-Request-ID"])


@pytest.mark.django_db
class TestPagesDefaultToNorwegian:
    """Pages are in Norwegian bokmål unless the user chose a language with the language
    switch (a cookie); the API follows Accept-Language."""

    def test_a_page_is_norwegian_whatever_the_browser_asks_for(self, client: Client) -> None:
        response = client.get("/login/", headers={"Accept-Language": "en"})
        assert '<html lang="nb">' in response.text

    def test_a_page_is_english_when_the_user_chose_english(self, client: Client) -> None:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.get("/login/")
        assert '<html lang="en">' in response.text

    def test_the_api_follows_accept_language(self, client: Client) -> None:
        english = client.get("/api/v1/access/me", headers={"Accept-Language": "en"})
        norwegian = client.get("/api/v1/access/me", headers={"Accept-Language": "nb"})
        assert english.json()["message"] == "Log in or give a valid access token."
        assert english.json()["code"] == norwegian.json()["code"] == "not_authenticated"


@pytest.mark.django_db
class TestNothingPersonalIsCached:
    def test_an_api_answer_is_no_store(self, client_as: Callable[[str], Client]) -> None:
        response = client_as("veileder").get("/api/v1/people/persons")
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_a_page_for_a_logged_in_user_is_no_store(
        self, client_as: Callable[[str], Client]
    ) -> None:
        response = client_as("innbygger").get("/me/")
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]

    def test_a_public_page_for_anonymous_may_be_cached(self, client: Client) -> None:
        response = client.get("/offices/")
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", "")
