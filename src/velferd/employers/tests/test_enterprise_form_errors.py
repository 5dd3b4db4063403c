"""The enterprise form names every mistake at once in the error summary, each field marked
invalid and tied to its message, the answers kept; a saved enterprise is confirmed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.core.testing import field_error
from velferd.employers.models import Enterprise
from velferd.employers.tests.factories import organisation_number

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def test_every_mistake_is_named_at_once_and_the_answers_kept(client_as: Login) -> None:
    response = client_as("ia-radgiver").post(
        "/employers/new/",
        {
            "organisation_number": "123456789",
            "name": "",
            "municipality": "4601",
            "industry_code": "11.050",
            "sector": "",
            "employees": "mange",
        },
    )

    html = response.content.decode()
    assert response.status_code == 422
    for field in ("organisation_number", "name", "sector", "employees"):
        assert field_error(html, field), field
        assert f'href="#id_{field}"' in html
    assert 'name="employees" aria-invalid="true" aria-describedby="error-employees"' in html
    assert 'value="4601"' in html


def test_a_saved_enterprise_is_confirmed(client_as: Login) -> None:
    number = organisation_number(987)
    response = client_as("ia-radgiver").post(
        "/employers/new/",
        {
            "organisation_number": number,
            "name": "Lagret AS",
            "municipality": "4601",
            "industry_code": "11.050",
            "sector": "private",
            "employees": "3",
        },
        follow=True,
    )

    assert Enterprise.objects.filter(organisation_number=number).exists()
    assert 'role="status">Virksomheten er lagret.</div>' in response.content.decode()
