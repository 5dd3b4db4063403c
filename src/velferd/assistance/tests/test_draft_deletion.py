"""The applicant deletes their own draft: its household, money and attachments go with it,
the files leave the storage once the deletion is committed, and the deletion is audited. A
sent application is refused with 409 and a message that says why; nobody else can delete
the draft (the service refuses, the page and the API do not find it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from velferd.access.actor import Actor
from velferd.assistance.models import (
    Application,
    ApplicationStatus,
    Attachment,
    HouseholdMember,
    MoneyItem,
)
from velferd.assistance.services import applications, attachments
from velferd.audit.models import AuditEvent
from velferd.core.testing import actions_since, audit_mark, login_actor, refusal
from velferd.people.models import Person

from .citizen_builders import PDF, PNG, innbygger
from .factories import an_application

pytestmark = pytest.mark.django_db
ME = "/assistance/me/"
API = "/api/v1/assistance/me/applications"


@pytest.fixture(autouse=True)
def storage(settings: Any, tmp_path: Path) -> Path:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path / "attachments")
    return tmp_path / "attachments"


@pytest.fixture
def ola() -> tuple[Actor, Person]:
    actor, person = innbygger()
    Application.objects.filter(person=person, status=ApplicationStatus.DRAFT).delete()
    return actor, person


def a_filled_draft(actor: Actor, person: Person) -> tuple[Application, list[Attachment]]:
    """A draft with a child, an income and two files."""
    draft = an_application(person, status=ApplicationStatus.DRAFT)
    HouseholdMember.objects.create(
        application=draft, relation="child", name="Lise", birth_date="2019-03-01"
    )
    MoneyItem.objects.create(application=draft, kind="salary", amount=1200)
    files = [
        attachments.attachment_add(actor=actor, application=draft, data=data, file_name=name)
        for data, name in ((PDF, "husleie.pdf"), (PNG, "kontoutskrift.png"))
    ]
    return draft, files


def counts() -> tuple[int, ...]:
    return (
        Application.objects.count(),
        Attachment.objects.count(),
        HouseholdMember.objects.count(),
        MoneyItem.objects.count(),
        AuditEvent.objects.count(),
    )


def gone(draft: Application, files: list[Attachment], storage: Path) -> bool:
    return (
        not Application.objects.filter(pk=draft.pk).exists()
        and not Attachment.objects.filter(application_id=draft.pk).exists()
        and not HouseholdMember.objects.filter(application_id=draft.pk).exists()
        and not MoneyItem.objects.filter(application_id=draft.pk).exists()
        and not any((storage / f.storage_name).exists() for f in files)
    )


def test_the_draft_goes_with_everything_in_it_and_is_audited(
    ola: tuple[Actor, Person], storage: Path, django_capture_on_commit_callbacks: Any
) -> None:
    draft, files = a_filled_draft(*ola)
    assert all((storage / f.storage_name).exists() for f in files)
    mark = audit_mark()

    with django_capture_on_commit_callbacks(execute=True):
        applications.application_delete(actor=ola[0], application=draft, version=draft.version)

    assert gone(draft, files, storage)
    assert actions_since(mark) == ["assistance_application.deleted"]
    event = AuditEvent.objects.get(action="assistance_application.deleted")
    before: dict[str, Any] = event.before or {}
    assert event.target_id == str(draft.pk)
    assert before["attachments"] == [
        f"husleie.pdf ({files[0].sha256})",
        f"kontoutskrift.png ({files[1].sha256})",
    ]
    assert before["household"] == 1 and before["money"] == 1


def test_the_files_stay_when_the_deletion_is_not_committed(
    ola: tuple[Actor, Person], storage: Path, django_capture_on_commit_callbacks: Any
) -> None:
    draft, files = a_filled_draft(*ola)
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        applications.application_delete(actor=ola[0], application=draft, version=draft.version)
    assert len(waiting) == 1
    assert all((storage / f.storage_name).exists() for f in files)


def test_a_sent_application_is_not_deleted(ola: tuple[Actor, Person]) -> None:
    sent = an_application(ola[1])
    error = refusal(
        lambda: applications.application_delete(actor=ola[0], application=sent, version=1),
        unchanged=counts,
    )
    assert error.status == 409 and error.code == "application_sent_not_deletable"
    assert "Bare et utkast kan slettes" in error.message_nb
    assert "Only a draft can be deleted" in error.message_en


def test_a_stale_version_deletes_nothing(ola: tuple[Actor, Person]) -> None:
    draft, _files = a_filled_draft(*ola)
    error = refusal(
        lambda: applications.application_delete(
            actor=ola[0], application=draft, version=draft.version + 1
        ),
        unchanged=counts,
    )
    assert error.status == 409 and error.code == "stale_version"


@pytest.mark.parametrize("login", ["sosialkonsulent", "veileder", "kontorleder", "admin"])
def test_nobody_else_deletes_the_draft(ola: tuple[Actor, Person], login: str) -> None:
    draft, _files = a_filled_draft(*ola)
    error = refusal(
        lambda: applications.application_delete(
            actor=login_actor(login), application=draft, version=draft.version
        ),
        unchanged=counts,
    )
    assert error.status == 403


def test_the_page_asks_first_then_deletes(
    ola: tuple[Actor, Person],
    client_as: Any,
    storage: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    draft, files = a_filled_draft(*ola)
    client: Client = client_as("innbygger")
    draft_page = client.get(f"{ME}{draft.pk}/").content.decode()
    assert f'href="{ME}{draft.pk}/delete/"' in draft_page

    asked = client.get(f"{ME}{draft.pk}/delete/")
    html = asked.content.decode()
    assert asked.status_code == 200 and "Vil du slette utkastet?" in html
    assert "husleie.pdf" in html and "kontoutskrift.png" in html
    assert Application.objects.filter(pk=draft.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        deleted = client.post(f"{ME}{draft.pk}/delete/", {"version": draft.version}, follow=True)
    assert deleted.redirect_chain[-1][0] == ME
    assert "Utkastet ditt er slettet." in deleted.content.decode()
    assert gone(draft, files, storage)


def test_the_page_refuses_a_sent_application_with_its_reason(
    ola: tuple[Actor, Person], client_as: Any
) -> None:
    sent = an_application(ola[1])
    client: Client = client_as("innbygger")
    for response in (
        client.get(f"{ME}{sent.pk}/delete/"),
        client.post(f"{ME}{sent.pk}/delete/", {"version": 1}),
    ):
        assert response.status_code == 409
        assert "kan ikke slettes" in response.content.decode()
    assert Application.objects.filter(pk=sent.pk).exists()


@pytest.mark.parametrize("login", ["sosialkonsulent", "veileder"])
def test_nobody_else_finds_the_draft_to_delete(
    ola: tuple[Actor, Person], client_as: Any, login: str
) -> None:
    draft, _files = a_filled_draft(*ola)
    client: Client = client_as(login)
    assert client.get(f"{ME}{draft.pk}/delete/").status_code == 404
    assert client.post(f"{ME}{draft.pk}/delete/", {"version": 1}).status_code == 404
    api = client.delete(
        f"{API}/{draft.pk}", json.dumps({"version": 1}), content_type="application/json"
    )
    assert api.status_code == 404 and api.json()["code"] == "not_found"
    assert Application.objects.filter(pk=draft.pk).exists()


def test_the_api_deletes_the_draft_and_refuses_a_sent_one(
    ola: tuple[Actor, Person],
    client_as: Any,
    storage: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    draft, files = a_filled_draft(*ola)
    sent = an_application(ola[1])
    client: Client = client_as("innbygger")

    def delete(application: Application, version: int) -> Any:
        return client.delete(
            f"{API}/{application.pk}",
            json.dumps({"version": version}),
            content_type="application/json",
        )

    refused = delete(sent, 1)
    assert refused.status_code == 409
    assert refused.json()["code"] == "application_sent_not_deletable"
    with django_capture_on_commit_callbacks(execute=True):
        assert delete(draft, draft.version).status_code == 204
    assert gone(draft, files, storage)
    listed = client.get(API).json()
    assert str(draft.pk) not in [a["id"] for a in listed["items"]]
    assert str(sent.pk) in [a["id"] for a in listed["items"]]
