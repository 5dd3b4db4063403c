"""The administrators' forms follow the site's form pattern: the error summary at the top
links to the field, and the field is marked invalid and tied to its message."""

from __future__ import annotations

import pytest

from velferd.core.testing import assert_every_error_shown

pytestmark = pytest.mark.django_db


def test_a_weak_password_is_in_the_summary_and_marks_the_field(client_as) -> None:
    response = client_as("admin").post(
        "/users/", {"username": "svak", "full_name": "Svak", "password": "123"}
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="error-summary" tabindex="-1"' in html
    assert 'href="#id_password"' in html
    assert 'aria-invalid="true" aria-describedby="error-password"' in html


def test_an_error_apart_from_the_fields_is_in_the_summary_as_text(client_as) -> None:
    response = client_as("admin").post("/users/", {"username": "VEILEDER", "full_name": "X"})

    html = response.content.decode()
    assert response.status_code == 409
    assert 'id="error-summary"' in html


def test_a_username_taken_and_a_weak_password_are_named_at_once(client_as) -> None:
    response = client_as("admin").post(
        "/users/",
        {"username": "VEILEDER", "full_name": "Ny Veileder", "email": "", "password": "123"},
    )

    html = response.content.decode()
    assert response.status_code == 409
    password_error = html.split('id="error-password">')[1].split("</p>")[0].strip()
    assert "12" in password_error
    assert_every_error_shown(
        html,
        {"username": "Brukernavnet «VEILEDER» er i bruk.", "password": password_error},
    )
    assert 'value="Ny Veileder"' in html
