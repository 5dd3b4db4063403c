"""The attachment's address that the API lists is read with a personal access token, as the
API is: the caseworker at the application's office gets the file with its headers and the
read is in the person's access log; another office's caseworker finds nothing (404, as the
case answers); without a valid token the answer is the API's 401, and a browser without a
session is sent to log in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from velferd.access import services as access_services
from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.assistance.models import Application, Attachment
from velferd.assistance.services import attachments
from velferd.audit.models import AccessEvent
from velferd.core.testing import login_actor
from velferd.people.models import Person
from velferd.people.tests.factories import at_sagene, citizen_of

from .citizen_builders import PDF, a_request, innbygger
from .factories import an_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def storage(settings: Any, tmp_path: Path) -> None:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path)


def token_of(actor: Actor, role: str) -> dict[str, str]:
    assignment = next(a for a in actor.assignments if a.role == role)
    _token, secret = access_services.api_token_create(
        actor=actor, name="saksbehandlingssystem", role_assignment_id=assignment.pk
    )
    return {"Authorization": f"Bearer {secret}"}


def caseworker_token() -> dict[str, str]:
    return token_of(login_actor("sosialkonsulent"), Role.CASEWORKER_MUNICIPAL)


def a_sent_file(actor: Actor, person: Person, name: str = "husleie.pdf") -> Attachment:
    sent = an_application(person)
    return attachments.attachment_add(
        actor=actor, application=sent, data=PDF, file_name=name, request=a_request(sent)
    )


def logged_reads(person: Person) -> int:
    return AccessEvent.objects.filter(subject_id=str(person.pk)).count()


def listed_url(client: Client, headers: dict[str, str], application: Application) -> str:
    """The file's address as the case in the API lists it."""
    found = client.get(f"/api/v1/assistance/applications/{application.pk}/case", headers=headers)
    assert found.status_code == 200
    urls: list[str] = [a["url"] for a in found.json()["attachments"]]
    return urls[0]


def test_the_caseworkers_token_reads_the_file_and_the_read_is_logged() -> None:
    actor, person = innbygger()
    kept = a_sent_file(actor, person, "kontoutskrift æøå.pdf")
    before = logged_reads(person)

    response = Client().get(f"/assistance/attachments/{kept.pk}/", headers=caseworker_token())

    assert response.status_code == 200 and response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    disposition = response["Content-Disposition"]
    assert "filename*=UTF-8''kontoutskrift%20%C3%A6%C3%B8%C3%A5.pdf" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert logged_reads(person) == before + 1
    read = AccessEvent.objects.filter(subject_id=str(person.pk)).latest("occurred_at")
    assert read.what == "assistance_attachment"


def test_the_address_the_api_lists_is_read_with_the_same_token() -> None:
    actor, person = innbygger()
    kept = a_sent_file(actor, person)
    headers = caseworker_token()
    client = Client()
    url = listed_url(client, headers, kept.application)
    before = logged_reads(person)

    response = client.get(url, headers=headers)

    assert url == f"/assistance/attachments/{kept.pk}/"
    assert response.status_code == 200 and response.content == PDF
    assert logged_reads(person) == before + 1


def test_the_applicant_reads_their_own_file_unlogged() -> None:
    actor, person = innbygger()
    kept = a_sent_file(actor, person)
    assert actor.user is not None
    client = Client()
    client.force_login(actor.user)
    before = logged_reads(person)
    response = client.get(f"/assistance/attachments/{kept.pk}/")
    assert response.status_code == 200 and response.content == PDF
    assert logged_reads(person) == before


def test_another_offices_caseworker_finds_nothing() -> None:
    elsewhere = at_sagene()
    applicant = citizen_of(elsewhere)
    kept = a_sent_file(applicant, elsewhere)
    before = logged_reads(elsewhere)

    response = Client().get(f"/assistance/attachments/{kept.pk}/", headers=caseworker_token())

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert logged_reads(elsewhere) == before


@pytest.mark.parametrize("header", ["Bearer vlf_deadbeef_nottherealsecret", "Bearer garbage"])
def test_without_a_valid_token_the_answer_is_the_apis_401(header: str) -> None:
    actor, person = innbygger()
    kept = a_sent_file(actor, person)
    before = logged_reads(person)

    url = f"/assistance/attachments/{kept.pk}/"
    response = Client().get(url, headers={"Authorization": header})

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Bearer"
    assert PDF not in response.content and logged_reads(person) == before


def test_without_a_token_or_a_session_the_browser_is_sent_to_log_in() -> None:
    actor, person = innbygger()
    kept = a_sent_file(actor, person)
    response = Client().get(f"/assistance/attachments/{kept.pk}/")
    assert response.status_code == 302 and "/login/" in response["Location"]
