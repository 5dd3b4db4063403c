"""The consent form names every mistake at once in the error summary, each field marked
invalid and tied to its message, and confirms a consent recorded."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import field_error
from velferd.people.models import Consent
from velferd.people.tests.factories import a_person, citizen_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen() -> Client:
    person = a_person(given_name="Sara", family_name="Samtykkesen")
    citizen_of(person)
    assert person.user is not None
    client = Client()
    client.force_login(person.user)
    return client


def test_a_missing_purpose_and_end_date_are_named_at_once(citizen: Client) -> None:
    response = citizen.post(
        "/me/consents/", {"partner_service": "gp", "purpose": "", "ends_on": "", "document": "X"}
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert field_error(html, "purpose") == "Formålet mangler."
    assert field_error(html, "ends_on") == "Sluttdato mangler."
    assert 'href="#id_purpose"' in html and 'href="#id_ends_on"' in html
    assert 'name="ends_on" aria-invalid="true" aria-describedby="error-ends_on"' in html


def test_a_recorded_consent_is_confirmed(citizen: Client) -> None:
    response = citizen.post(
        "/me/consents/",
        {"partner_service": "gp", "purpose": "Fastlegen min", "ends_on": "2099-01-01"},
        follow=True,
    )

    assert Consent.objects.filter(purpose="Fastlegen min", person__given_name="Sara").exists()
    assert 'role="status">Samtykket er registrert.</div>' in response.content.decode()
