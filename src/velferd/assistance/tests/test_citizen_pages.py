"""The citizen's pages on the demo citizen's own login (innbygger): the start page leads to
financial assistance; the draft is written and every mistake shown at once; household,
money and a file added; the application sent with its reference; the office's request
answered with a file; nobody else's application shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from velferd.assistance.models import Application, ApplicationStatus, DocumentationRequestStatus
from velferd.core.testing import assert_every_error_shown, summary_errors

from .citizen_builders import NOT_A_PICTURE, PDF, PNG, a_request, innbygger
from .factories import an_application

pytestmark = pytest.mark.django_db
ME = "/assistance/me/"


@pytest.fixture(autouse=True)
def storage(settings: Any, tmp_path: Path) -> None:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path)


@pytest.fixture
def ola(client_as: Any) -> Client:
    _actor, person = innbygger()
    Application.objects.filter(person=person, status=ApplicationStatus.DRAFT).delete()
    client: Client = client_as("innbygger")
    return client


def draft_of(client: Client) -> Application:
    response = client.post(f"{ME}new/")
    assert response.status_code == 302
    return Application.objects.get(pk=response["Location"].split("/")[-2])


def test_the_start_page_leads_to_financial_assistance(ola: Client) -> None:
    html = ola.get("/start/").content.decode()
    assert 'data-testid="start-assistance"' in html and "Økonomisk sosialhjelp" in html
    page = ola.get(ME).content.decode()
    assert "Søk om økonomisk sosialhjelp" in page


def test_every_mistake_of_the_form_is_shown_at_once(ola: Client) -> None:
    draft = draft_of(ola)
    response = ola.post(
        f"{ME}{draft.pk}/",
        {
            "version": draft.version,
            "purposes": ["living_costs"],
            "amount_applied": "-5",
            "housing_cost": "mye",
            "bank_account": "1234 56 78901",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert_every_error_shown(
        html,
        {
            "amount_applied": "Beløpet må være over 0 og høyst 500 000 kroner.",
            "housing_cost": "«mye» er ikke et beløp. Skriv kroner med tall, for eksempel 2500.",
            "bank_account": "«1234 56 78901» er ikke et gyldig kontonummer. Skriv de 11 "
            "sifrene, for eksempel 1234 56 78903.",
        },
    )
    assert 'value="1234 56 78901"' in html
    draft.refresh_from_db()
    assert draft.version == 1 and draft.amount_applied is None


def test_sending_an_empty_draft_names_everything_missing(ola: Client) -> None:
    draft = draft_of(ola)
    response = ola.post(f"{ME}{draft.pk}/send/", {"version": draft.version})
    assert response.status_code == 422
    assert set(summary_errors(response.content.decode())) == {
        "purposes",
        "amount_applied",
        "explanation",
        "housing_kind",
        "bank_account",
    }


def test_the_whole_application_is_written_and_sent(ola: Client) -> None:
    draft = draft_of(ola)
    saved = ola.post(
        f"{ME}{draft.pk}/",
        {
            "version": 1,
            "purposes": ["living_costs", "housing"],
            "amount_applied": "6 000",
            "explanation": "Jeg mistet jobben og har ikke penger til husleia.",
            "housing_kind": "rented",
            "housing_cost": "8 500",
            "bank_account": "8601.11.17947",
        },
    )
    assert saved.status_code == 302
    ola.post(
        f"{ME}{draft.pk}/household/",
        {"version": 2, "relation": "child", "name": "Lise", "birth_date": "01.03.2019"},
    )
    ola.post(f"{ME}{draft.pk}/money/", {"version": 3, "kind": "child_benefit", "amount": "1766"})
    ola.post(f"{ME}{draft.pk}/files/", {"file": SimpleUploadedFile("leie.pdf", PDF)})
    page = ola.get(f"{ME}{draft.pk}/").content.decode()
    assert "Barn: Lise" in page and "1\xa0766,00 kr" in page and "leie.pdf" in page

    sent = ola.post(f"{ME}{draft.pk}/send/", {"version": 4}, follow=True)

    html = sent.content.decode()
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED and draft.reference
    assert f"Søknad {draft.reference}" in html and "NAV Grünerløkka" in html
    assert "Søknaden din er sendt til NAV Grünerløkka" in html


def test_a_wrong_file_is_refused_on_the_page(ola: Client) -> None:
    draft = draft_of(ola)
    response = ola.post(
        f"{ME}{draft.pk}/files/", {"file": SimpleUploadedFile("lønn.pdf", NOT_A_PICTURE)}
    )
    assert response.status_code == 422
    assert summary_errors(response.content.decode())["file"].startswith(
        "«lønn.pdf» er ikke en PDF, JPEG eller PNG."
    )
    assert not draft.attachments.exists()


def test_the_office_s_request_is_answered_with_a_file(ola: Client) -> None:
    _actor, person = innbygger()
    application = an_application(person, status=ApplicationStatus.AWAITING_DOCUMENTATION)
    request = a_request(application)
    status_page = ola.get(f"{ME}{application.pk}/").content.decode()
    assert "Kontoret trenger dokumentasjon" in status_page and request.what in status_page

    ola.post(
        f"/assistance/me/requests/{request.pk}/files/",
        {"file": SimpleUploadedFile("konto.png", PNG)},
    )
    answered = ola.post(
        f"/assistance/me/requests/{request.pk}/",
        {"version": 1, "comment": "Her er den."},
        follow=True,
    )

    request.refresh_from_db()
    application.refresh_from_db()
    assert request.status == DocumentationRequestStatus.ANSWERED
    assert application.status == ApplicationStatus.READY_FOR_DECISION
    assert "Svaret ditt er sendt til NAV-kontoret." in answered.content.decode()
    assert "Klar til vedtak" in answered.content.decode()


def test_someone_elses_application_is_not_found(ola: Client) -> None:
    other = an_application()
    assert ola.get(f"{ME}{other.pk}/").status_code == 404
    request = a_request(other)
    assert ola.get(f"/assistance/me/requests/{request.pk}/").status_code == 404


def test_staff_have_no_application_pages(client_as: Any) -> None:
    assert client_as("sosialkonsulent").get(ME).status_code == 403
    assert Client().get(ME).status_code in (302, 401)


def test_a_sent_application_is_not_written_again_from_a_stale_page(ola: Client) -> None:
    _actor, person = innbygger()
    sent = an_application(person)
    response = ola.post(f"{ME}{sent.pk}/", {"version": sent.version, "explanation": "Endret"})
    assert response.status_code == 409
    assert "Søknaden er sendt og kan ikke endres." in response.content.decode()
    sent.refresh_from_db()
    assert sent.explanation != "Endret"
