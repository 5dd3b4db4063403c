"""While the database cannot be reached, pages and the API answer 503 with Retry-After and a
message that nothing was saved, in the reader's language — not a server error."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

CUT = OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize("error", [CUT, InterfaceError("connection already closed")])
def test_an_api_route_answers_503_with_a_message_and_a_time_to_wait(error: Exception) -> None:
    with mock.patch("velferd.organisation.selectors.departments", side_effect=error):
        answer = Client().get("/api/v1/organisation/departments", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    assert answer.json()["code"] == "unavailable"
    assert "Nothing was saved" in answer.json()["message"]


def test_a_page_answers_503_in_norwegian_drawn_without_the_database() -> None:
    with mock.patch("velferd.organisation.selectors.departments", side_effect=CUT):
        answer = Client().get("/ministry/", HTTP_ACCEPT_LANGUAGE="nb")
    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    page = answer.content.decode()
    assert "Ingenting ble lagret" in page
    assert '<html lang="nb">' in page


def test_any_other_error_is_still_a_server_error() -> None:
    with mock.patch("velferd.organisation.selectors.departments", side_effect=ValueError):
        answer = Client(raise_request_exception=False).get("/api/v1/organisation/departments")
    assert answer.status_code == 500


def test_a_failure_outside_the_view_such_as_saving_the_session_is_a_503_too() -> None:
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_response", side_effect=CUT
    ):
        answer = Client(raise_request_exception=False).get("/", HTTP_ACCEPT_LANGUAGE="nb")
    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    assert "Ingenting ble lagret" in answer.content.decode()


def test_an_api_route_failing_outside_its_view_answers_the_apis_503() -> None:
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_response", side_effect=CUT
    ):
        answer = Client(raise_request_exception=False).get(
            "/api/v1/organisation/departments", HTTP_ACCEPT_LANGUAGE="en"
        )
    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    assert answer.json()["code"] == "unavailable"
    assert "Nothing was saved" in answer.json()["message"]
