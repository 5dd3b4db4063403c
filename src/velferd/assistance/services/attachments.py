"""The applicant's attachments: PDF, JPEG or PNG, the type read from the content (the first
bytes), never from the name the file came with. Each file is at most
`VELFERD_ASSISTANCE_MAX_FILE_BYTES` (10 MB), an application at most
`VELFERD_ASSISTANCE_MAX_FILES` files (30) and `VELFERD_ASSISTANCE_MAX_TOTAL_BYTES` (50 MB).
Files are kept under `VELFERD_VAR_DIR`/attachments, outside the web root, under a random name;
they are served only by the access-checked, access-logged view (selectors/citizen.py)."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Sum

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import DomainError
from velferd.core.validation import invalid
from velferd.people import selectors as people_selectors

from ..models import Application, Attachment, DocumentationRequest, DocumentationRequestStatus
from . import application_checks as checks

# The first bytes of each kind of file taken, and the endings a file of that kind may have.
KINDS = (
    ("application/pdf", b"%PDF-", (".pdf",)),
    ("image/png", b"\x89PNG\r\n\x1a\n", (".png",)),
    ("image/jpeg", b"\xff\xd8\xff", (".jpg", ".jpeg")),
)
MB = 1024 * 1024


def max_file_bytes() -> int:
    return int(getattr(settings, "VELFERD_ASSISTANCE_MAX_FILE_BYTES", 10 * MB))


def max_files() -> int:
    return int(getattr(settings, "VELFERD_ASSISTANCE_MAX_FILES", 30))


def max_total_bytes() -> int:
    return int(getattr(settings, "VELFERD_ASSISTANCE_MAX_TOTAL_BYTES", 50 * MB))


def storage_dir() -> Path:
    configured = getattr(settings, "VELFERD_ASSISTANCE_ATTACHMENTS_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "attachments"


def _megabytes(size: int) -> str:
    return f"{size / MB:.0f}"


def content_type_of(data: bytes, file_name: str) -> str:
    """The file's type by its content; refused when it is none of those taken, or when its
    name says it is another kind than its content."""
    found = next(
        ((kind, endings) for kind, magic, endings in KINDS if data.startswith(magic)), None
    )
    if found is None:
        raise invalid(
            "file_type_not_allowed",
            "file",
            f"«{file_name[:60]}» er ikke en PDF, JPEG eller PNG. Send dokumentet som PDF "
            "eller ta et bilde av det.",
            f"“{file_name[:60]}” is not a PDF, JPEG or PNG. Send the document as a PDF or take "
            "a picture of it.",
            status=422,
        )
    kind, endings = found
    ending = Path(file_name.lower()).suffix
    known_endings = {e for _k, _m, es in KINDS for e in es}
    if ending in known_endings and ending not in endings:
        raise invalid(
            "file_not_what_it_says",
            "file",
            f"«{file_name[:60]}» er ikke det navnet sier: innholdet er {kind}. Gi filen riktig "
            "navn, eller send den riktige filen.",
            f"“{file_name[:60]}” is not what its name says: its content is {kind}. Give the "
            "file the right name, or send the right file.",
        )
    return kind


def check_size(size: int, file_name: str) -> None:
    """A file is refused when empty or larger than the limit per file."""
    if not size:
        raise invalid(
            "file_empty",
            "file",
            f"«{file_name[:60]}» er tom.",
            f"“{file_name[:60]}” is empty.",
        )
    if size > max_file_bytes():
        raise invalid(
            "file_too_large",
            "file",
            f"«{file_name[:60]}» er større enn {_megabytes(max_file_bytes())} MB. Send en mindre "
            "fil, for eksempel et bilde med lavere oppløsning.",
            f"“{file_name[:60]}” is larger than {_megabytes(max_file_bytes())} MB. Send a "
            "smaller file, for example a picture at a lower resolution.",
        )


def _check_room(application: Application, size: int) -> None:
    files = application.attachments.count()
    if files >= max_files():
        raise invalid(
            "too_many_files",
            "file",
            f"En søknad kan ha høyst {max_files()} vedlegg.",
            f"An application can have at most {max_files()} attachments.",
            status=409,
        )
    used = application.attachments.aggregate(total=Sum("size"))["total"] or 0
    if used + size > max_total_bytes():
        raise invalid(
            "attachments_too_large",
            "file",
            f"Vedleggene til en søknad kan til sammen være høyst "
            f"{_megabytes(max_total_bytes())} MB.",
            f"An application's attachments can be at most {_megabytes(max_total_bytes())} MB "
            "together.",
            status=409,
        )


def _file_name(file_name: str) -> str:
    name = Path(str(file_name or "").replace("\\", "/")).name.strip()
    return (name or "vedlegg")[:200]


def _require_open(request: DocumentationRequest) -> None:
    if request.status != DocumentationRequestStatus.OPEN:
        raise invalid(
            "request_closed",
            None,
            "Denne forespørselen om dokumentasjon er allerede besvart eller trukket.",
            "This request for documentation has already been answered or withdrawn.",
            status=409,
        )


def _lock_for_upload(
    actor: Actor, application: Application, request: DocumentationRequest | None
) -> tuple[Application, DocumentationRequest | None]:
    """A file goes with the draft, or with an open request of the office."""
    if request is None:
        policies.require(actor, policies.can_edit_application, application)
    else:
        policies.require(actor, policies.can_answer_documentation_request, request)
    people_selectors.lock_person(application.person_id)
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if request is None:
        checks.require_draft(locked)
        return locked, None
    locked_request = DocumentationRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(locked_request)
    return locked, locked_request


def _uploader(actor: Actor) -> Any:
    if actor.user is None:
        raise policies.not_authenticated()
    return actor.user


def _store(data: bytes) -> str:
    folder = storage_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(24)
    (folder / name).write_bytes(data)
    return name


@retried_atomic
def attachment_add(
    *,
    actor: Actor,
    application: Application,
    data: bytes,
    file_name: str,
    request: DocumentationRequest | None = None,
) -> Attachment:
    """Keep one file the applicant sends with the draft or in answer to a request."""
    name = _file_name(file_name)
    check_size(len(data), name)
    content_type = content_type_of(data, name)
    locked, locked_request = _lock_for_upload(actor, application, request)
    _check_room(locked, len(data))
    storage_name = _store(data)
    try:
        attachment = Attachment.objects.create(
            application=locked,
            documentation_request=locked_request,
            file_name=name,
            content_type=content_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            storage_name=storage_name,
            uploaded_by=_uploader(actor),
        )
        audit.record(
            actor=actor,
            action="assistance_attachment.added",
            target=attachment,
            after=audit.snapshot(attachment, "file_name", "content_type", "size", "sha256"),
        )
    except BaseException:
        (storage_dir() / storage_name).unlink(missing_ok=True)
        raise
    return attachment


@retried_atomic
def attachment_remove(*, actor: Actor, attachment: Attachment) -> None:
    """The applicant takes a file off the draft (one sent with the application stays)."""
    _lock_for_upload(actor, attachment.application, None)
    before = audit.snapshot(attachment, "file_name", "content_type", "size", "sha256")
    storage_name = attachment.storage_name
    audit.record(
        actor=actor, action="assistance_attachment.removed", target=attachment, before=before
    )
    attachment.delete()
    (storage_dir() / storage_name).unlink(missing_ok=True)


def remove_stored(storage_names: list[str]) -> None:
    """Take the files off the storage (those already gone are no matter)."""
    folder = storage_dir()
    for name in storage_names:
        (folder / name).unlink(missing_ok=True)


def read_stored(attachment: Any) -> bytes:
    path = storage_dir() / attachment.storage_name
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DomainError(
            code="file_missing",
            status=404,
            message_nb="Filen finnes ikke lenger.",
            message_en="The file no longer exists.",
        ) from None
