"""The citizen's application through the API on their own login: the draft written, a file
sent as multipart, the application sent with its reference; refusals with the field named
and the right status, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from velferd.assistance.models import Application, ApplicationStatus

from .citizen_builders import NOT_A_PICTURE, PDF, a_request, innbygger
from .factories import an_application

pytestmark = pytest.mark.django_db
M = "/api/v1/assistance/me"


@pytest.fixture(autouse=True)
def storage(settings: Any, tmp_path: Path) -> None:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path)


@pytest.fixture
def ola(client_as: Any) -> Client:
    _actor, person = innbygger()
    Application.objects.filter(person=person, status=ApplicationStatus.DRAFT).delete()
    client: Client = client_as("innbygger")
    return client


def send(client: Client, method: str, path: str, body: dict[str, Any]) -> Any:
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def test_the_application_is_written_and_sent(ola: Client) -> None:
    draft = ola.post(f"{M}/applications").json()
    a = f"{M}/applications/{draft['id']}"
    saved = send(
        ola,
        "put",
        a,
        {
            "version": 1,
            "purposes": ["housing"],
            "amount_applied": "9 100",
            "explanation": "Husleia er for høy denne måneden.",
            "housing_kind": "rented",
            "bank_account": "8601 11 17947",
            "emergency": True,
        },
    )
    assert saved.status_code == 200 and saved.json()["bank_account"] == "86011117947"
    member = send(
        ola,
        "post",
        f"{a}/household",
        {"version": 2, "relation": "spouse", "name": "Kari", "birth_date": "1990-02-03"},
    )
    assert member.status_code == 201 and member.json()["household"][0]["name"] == "Kari"
    uploaded = ola.post(f"{a}/attachments", {"file": SimpleUploadedFile("leie.pdf", PDF)})
    assert uploaded.status_code == 201 and uploaded.json()["content_type"] == "application/pdf"

    sent = send(ola, "post", f"{a}/submit", {"version": 3})

    body = sent.json()
    assert sent.status_code == 200 and body["status"] == "submitted"
    assert body["reference"].startswith("SOS-") and body["office"] == "NAV Grünerløkka"
    assert body["emergency"] is True and len(body["attachments"]) == 1


def test_a_bad_account_is_refused_by_its_field(ola: Client) -> None:
    draft = ola.post(f"{M}/applications").json()
    response = send(
        ola,
        "put",
        f"{M}/applications/{draft['id']}",
        {"version": 1, "bank_account": "12345678901", "amount_applied": "100"},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "bank_account"
    assert Application.objects.get(pk=draft["id"]).version == 1


def test_a_stale_version_and_a_wrong_file_are_refused(ola: Client) -> None:
    draft = ola.post(f"{M}/applications").json()
    a = f"{M}/applications/{draft['id']}"
    assert send(ola, "put", a, {"version": 7}).status_code == 409
    wrong = ola.post(f"{a}/attachments", {"file": SimpleUploadedFile("x.png", NOT_A_PICTURE)})
    assert wrong.status_code == 422 and wrong.json()["code"] == "file_type_not_allowed"


def test_the_request_is_answered(ola: Client) -> None:
    _actor, person = innbygger()
    request = a_request(an_application(person, status=ApplicationStatus.AWAITING_DOCUMENTATION))
    r = f"{M}/documentation-requests/{request.pk}"
    assert send(ola, "post", f"{r}/answer", {"version": 1}).json()["code"] == "answer_empty"
    ola.post(f"{r}/attachments", {"file": SimpleUploadedFile("konto.pdf", PDF)})
    answered = send(ola, "post", f"{r}/answer", {"version": 1})
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    again = send(ola, "post", f"{r}/answer", {"version": 2, "comment": "Igjen"})
    assert again.status_code == 409
