"""The public enquiry form forgives mistakes: every error at once in a summary that links to
each field, each field marked invalid and tied to its message, the answers kept; and the
address's limit counts only enquiries that were sent, so that people behind one address
(an office, a school) are not refused after a few typos."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from velferd.core.testing import field_error
from velferd.enquiries.models import Enquiry

pytestmark = pytest.mark.django_db

GOOD = {
    "kind": "ordinary",
    "name": "Kari Nordmann",
    "email": "kari@example.no",
    "subject": "Dagpenger",
    "text": "Hvordan søker jeg om dagpenger?",
}


def test_every_missing_field_is_shown_at_once_with_a_summary_and_the_answers_kept(
    client: Client,
) -> None:
    response = client.post("/enquiries/new/", {"kind": "ordinary", "organisation": "Skolen"})

    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="error-summary" tabindex="-1"' in html
    assert "Du må rette disse feilene før du kan fortsette:" in html
    for field, message in (
        ("name", "Navnet mangler."),
        ("email", "E-postadressen mangler."),
        ("subject", "Emnet mangler."),
        ("text", "Teksten mangler."),
    ):
        assert field_error(html, field) == message
        assert f'<a class="aksel-link" href="#id_{field}">{message}</a>' in html
        assert (
            f'id="id_{field}" name="{field}" aria-invalid="true" aria-describedby="error-{field}"'
            in html
        )
    assert 'value="Skolen"' in html
    assert not Enquiry.objects.filter(organisation="Skolen").exists()


def test_an_address_that_is_not_one_is_named_beside_the_email_field(client: Client) -> None:
    response = client.post("/enquiries/new/", {**GOOD, "email": "kari.example.no", "text": ""})

    html = response.content.decode()
    assert field_error(html, "email") == "E-postadressen er ikke gyldig."
    assert field_error(html, "text") == "Teksten mangler."
    assert 'value="Kari Nordmann"' in html


@override_settings(VELFERD_ENQUIRY_RATE_LIMIT=(2, 600))
def test_failed_attempts_do_not_use_up_the_address_limit(client: Client) -> None:
    for _ in range(5):
        assert client.post("/enquiries/new/", {**GOOD, "email": "feil"}).status_code == 422

    for _ in range(2):
        assert client.post("/enquiries/new/", GOOD).status_code == 302
    assert Enquiry.objects.filter(email=GOOD["email"]).count() == 2


@override_settings(VELFERD_ENQUIRY_RATE_LIMIT=(2, 600))
def test_a_flood_of_sent_enquiries_is_still_refused(client: Client) -> None:
    for _ in range(2):
        assert client.post("/enquiries/new/", GOOD).status_code == 302

    refused = client.post("/enquiries/new/", GOOD)

    assert refused.status_code == 429
    assert "Du har sendt for mange henvendelser på kort tid." in refused.content.decode()
    assert 'value="Kari Nordmann"' in refused.content.decode()
    assert Enquiry.objects.filter(email=GOOD["email"]).count() == 2
