"""Attachments: the type read from the content, the limits per file and per application,
stored outside the web root under a random name, served only to those who may see them
with every staff read logged; the applicant's answer to the office's request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from velferd.access.actor import Actor
from velferd.assistance.models import (
    Application,
    ApplicationStatus,
    Attachment,
    DocumentationRequestStatus,
)
from velferd.assistance.selectors import citizen as selectors
from velferd.assistance.services import answers, attachments
from velferd.audit.models import AccessEvent, AuditEvent
from velferd.core.testing import login_actor, refusal
from velferd.people.models import Person

from .citizen_builders import JPEG, NOT_A_PICTURE, PDF, PNG, a_request, innbygger
from .factories import an_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def storage(settings: Any, tmp_path: Path) -> Path:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path / "attachments")
    settings.VELFERD_ASSISTANCE_MAX_FILE_BYTES = 1000
    settings.VELFERD_ASSISTANCE_MAX_FILES = 3
    settings.VELFERD_ASSISTANCE_MAX_TOTAL_BYTES = 2000
    return tmp_path / "attachments"


@pytest.fixture
def ola() -> tuple[Actor, Person]:
    return innbygger()


@pytest.fixture
def draft(ola: tuple[Actor, Person]) -> Application:
    return an_application(ola[1], status=ApplicationStatus.DRAFT)


def counts() -> tuple[int, int]:
    return Attachment.objects.count(), AuditEvent.objects.count()


def add(actor: Actor, application: Application, data: bytes, name: str, **kw: Any) -> Attachment:
    return attachments.attachment_add(
        actor=actor, application=application, data=data, file_name=name, **kw
    )


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (PDF, "kontoutskrift.pdf", "application/pdf"),
        (PNG, "bilde.png", "image/png"),
        (JPEG, "IMG_0001.JPG", "image/jpeg"),
        (PDF, "uten-endelse", "application/pdf"),
    ],
)
def test_each_kind_is_taken_by_its_content(
    ola: tuple[Actor, Person],
    draft: Application,
    storage: Path,
    data: bytes,
    name: str,
    kind: str,
) -> None:
    kept = add(ola[0], draft, data, name)
    assert kept.content_type == kind and kept.size == len(data)
    stored = storage / kept.storage_name
    assert stored.read_bytes() == data
    assert name not in kept.storage_name and len(kept.storage_name) == 48


def test_a_program_called_a_pdf_is_refused(
    ola: tuple[Actor, Person], draft: Application, storage: Path
) -> None:
    error = refusal(lambda: add(ola[0], draft, NOT_A_PICTURE, "lonn.pdf"), unchanged=counts)
    assert (error.code, error.field, error.status) == ("file_type_not_allowed", "file", 422)
    assert "ikke en PDF, JPEG eller PNG" in error.message_nb
    assert not storage.exists() or not any(storage.iterdir())


def test_a_file_not_what_its_name_says_is_refused(
    ola: tuple[Actor, Person], draft: Application
) -> None:
    error = refusal(lambda: add(ola[0], draft, PNG, "kontrakt.pdf"), unchanged=counts)
    assert error.code == "file_not_what_it_says"
    assert "innholdet er image/png" in error.message_nb


def test_too_large_empty_and_too_many_are_refused(
    ola: tuple[Actor, Person], draft: Application
) -> None:
    big = refusal(lambda: add(ola[0], draft, PDF + b"0" * 1000, "stor.pdf"), unchanged=counts)
    assert big.code == "file_too_large" and big.status == 422
    empty = refusal(lambda: add(ola[0], draft, b"", "tom.pdf"), unchanged=counts)
    assert empty.code == "file_empty"
    for n in range(3):
        add(ola[0], draft, PDF, f"{n}.pdf")
    many = refusal(lambda: add(ola[0], draft, PDF, "fjerde.pdf"), unchanged=counts)
    assert many.code == "too_many_files" and "høyst 3 vedlegg" in many.message_nb


def test_the_application_has_a_total_size(ola: tuple[Actor, Person], draft: Application) -> None:
    add(ola[0], draft, PDF + b"0" * 900, "a.pdf")
    add(ola[0], draft, PDF + b"0" * 900, "b.pdf")
    error = refusal(lambda: add(ola[0], draft, PDF + b"0" * 200, "c.pdf"), unchanged=counts)
    assert error.code == "attachments_too_large"


def test_a_sent_application_takes_files_only_for_a_request(ola: tuple[Actor, Person]) -> None:
    sent = an_application(ola[1])
    error = refusal(lambda: add(ola[0], sent, PDF, "a.pdf"), unchanged=counts)
    assert error.status == 409
    request = a_request(sent)
    kept = add(ola[0], sent, PDF, "a.pdf", request=request)
    assert kept.documentation_request == request


def test_another_persons_draft_takes_no_file(ola: tuple[Actor, Person]) -> None:
    other = an_application(status=ApplicationStatus.DRAFT)
    error = refusal(lambda: add(ola[0], other, PDF, "a.pdf"), unchanged=counts)
    assert error.status == 403


def test_the_file_is_served_with_its_headers_and_staff_reads_are_logged(
    ola: tuple[Actor, Person], client_as: Any
) -> None:
    sent = an_application(ola[1])
    kept = add(ola[0], sent, PDF, "a.pdf", request=a_request(sent))
    before = AccessEvent.objects.filter(subject_id=str(ola[1].pk)).count()

    response = client_as("sosialkonsulent").get(f"/assistance/attachments/{kept.pk}/")

    assert response.status_code == 200 and response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="a.pdf"' in response["Content-Disposition"]
    assert AccessEvent.objects.filter(subject_id=str(ola[1].pk)).count() == before + 1


def test_the_person_reads_their_own_file_unlogged(ola: tuple[Actor, Person]) -> None:
    draft = an_application(ola[1], status=ApplicationStatus.DRAFT)
    kept = add(ola[0], draft, PNG, "bilde.png")
    before = AccessEvent.objects.count()
    found = selectors.attachment_file(ola[0], kept.pk)
    assert found.content == PNG and AccessEvent.objects.count() == before


@pytest.mark.parametrize(("login", "status"), [("veileder", 404), ("leverandor", 404)])
def test_others_do_not_find_it(ola: tuple[Actor, Person], login: str, status: int) -> None:
    sent = an_application(ola[1])
    kept = add(ola[0], sent, PDF, "a.pdf", request=a_request(sent))
    client = Client()
    from velferd.access.models import User

    client.force_login(User.objects.get(username=login))
    assert client.get(f"/assistance/attachments/{kept.pk}/").status_code == status


def test_a_draft_file_can_be_taken_off(
    ola: tuple[Actor, Person], draft: Application, storage: Path
) -> None:
    kept = add(ola[0], draft, PDF, "a.pdf")
    attachments.attachment_remove(actor=ola[0], attachment=kept)
    assert not Attachment.objects.filter(pk=kept.pk).exists()
    assert not (storage / kept.storage_name).exists()


def test_answering_the_last_request_makes_the_application_ready(
    ola: tuple[Actor, Person],
) -> None:
    sent = an_application(ola[1], status=ApplicationStatus.AWAITING_DOCUMENTATION)
    first, second = a_request(sent), a_request(sent, what="Husleiekontrakt")
    add(ola[0], sent, PDF, "konto.pdf", request=first)
    answers.documentation_answer(actor=ola[0], request=first, version=1)
    sent.refresh_from_db()
    assert sent.status == ApplicationStatus.AWAITING_DOCUMENTATION
    answers.documentation_answer(
        actor=ola[0], request=second, version=1, comment="Jeg har ingen kontrakt."
    )
    sent.refresh_from_db()
    second.refresh_from_db()
    assert sent.status == ApplicationStatus.READY_FOR_DECISION
    assert second.status == DocumentationRequestStatus.ANSWERED
    assert second.answer_comment == "Jeg har ingen kontrakt."


def test_an_empty_answer_and_a_second_answer_are_refused(ola: tuple[Actor, Person]) -> None:
    sent = an_application(ola[1], status=ApplicationStatus.AWAITING_DOCUMENTATION)
    request = a_request(sent)
    empty = refusal(
        lambda: answers.documentation_answer(actor=ola[0], request=request, version=1),
        unchanged=counts,
    )
    assert empty.code == "answer_empty" and empty.field == "file"
    answers.documentation_answer(actor=ola[0], request=request, version=1, comment="Se vedlegg")
    request.refresh_from_db()
    again = refusal(
        lambda: answers.documentation_answer(
            actor=ola[0], request=request, version=request.version, comment="Igjen"
        ),
        unchanged=counts,
    )
    assert again.status == 409 and again.code == "request_closed"


def test_someone_else_cannot_answer(ola: tuple[Actor, Person]) -> None:
    request = a_request(an_application(ola[1]))
    error = refusal(
        lambda: answers.documentation_answer(
            actor=login_actor("sosialkonsulent"), request=request, version=1, comment="x"
        )
    )
    assert error.status == 403
