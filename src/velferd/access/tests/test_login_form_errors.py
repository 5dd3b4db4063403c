"""The login form follows the form pattern: a missing username and password are named at
once, and a wrong pair too, in the error summary beside the field, the username kept."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import assert_every_error_shown

pytestmark = pytest.mark.django_db


def test_a_missing_username_and_password_are_named_at_once(client: Client) -> None:
    html = client.post("/login/", {"username": "", "password": ""}).content.decode()
    assert_every_error_shown(
        html,
        {"username": "Skriv brukernavnet ditt.", "password": "Skriv passordet ditt."},
    )


def test_a_wrong_password_is_in_the_summary_and_the_username_kept(client: Client) -> None:
    html = client.post(
        "/login/", {"username": "veileder", "password": "feil-passord"}
    ).content.decode()
    assert_every_error_shown(html, {"username": "Brukernavnet eller passordet er feil."})
    assert 'value="veileder"' in html


def test_in_english_too(client: Client) -> None:
    client.cookies["django_language"] = "en"
    html = client.post("/login/", {"username": "veileder", "password": ""}).content.decode()
    assert_every_error_shown(html, {"password": "Write your password."})
