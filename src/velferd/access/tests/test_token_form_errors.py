"""The form for a personal access token names every mistake at once in the error summary,
each field marked invalid and tied to its message, the answers kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.access.models import ApiToken
from velferd.core.testing import assert_every_error_shown

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]


def test_a_missing_name_and_a_validity_out_of_range_are_named_at_once(
    client_as: ClientAs,
) -> None:
    caseworker = client_as("veileder")
    role = caseworker.get("/account/tokens/").content.decode()
    role_id = role.split('name="role_assignment"')[1].split('value="')[1].split('"')[0]
    before = ApiToken.objects.count()

    response = caseworker.post(
        "/account/tokens/", {"name": " ", "role_assignment": role_id, "valid_days": "400"}
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert_every_error_shown(
        html,
        {
            "name": "Gi nøkkelen et navn på 1–100 tegn.",
            "valid_days": "Gyldighet må være mellom 1 og 365 dager.",
        },
    )
    assert f'value="{role_id}" selected' in html
    assert ApiToken.objects.count() == before
