"""What the tests of the citizen's side build on: the demo citizen's person (the login
"innbygger"), files of each kind, and rows written directly for the rules' tests."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.assistance.models import Application, Attachment, DocumentationRequest
from velferd.core.testing import login_actor
from velferd.people import selectors as people_selectors
from velferd.people.models import Person

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
NOT_A_PICTURE = b"MZ\x90\x00 this is a program, not a picture"


def innbygger() -> tuple[Actor, Person]:
    actor = login_actor("innbygger")
    person = people_selectors.own_person(actor=actor)
    assert person is not None
    return actor, person


def a_request(application: Application, **fields: Any) -> DocumentationRequest:
    """An open request from the office's municipal caseworker, due in two weeks."""
    values: dict[str, Any] = {
        "what": "Kontoutskrift for de siste tre månedene",
        "deadline": timezone.localdate() + datetime.timedelta(days=14),
        "requested_by": login_actor("sosialkonsulent").user,
    }
    values.update(fields)
    return DocumentationRequest.objects.create(application=application, **values)


def an_attachment(application: Application, **fields: Any) -> Attachment:
    values: dict[str, Any] = {
        "file_name": "husleie.pdf",
        "content_type": "application/pdf",
        "size": len(PDF),
        "sha256": "0" * 64,
        "storage_name": secrets.token_hex(24),
        "uploaded_by": application.person.user or login_actor("innbygger").user,
    }
    values.update(fields)
    return Attachment.objects.create(application=application, **values)
