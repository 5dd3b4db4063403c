"""The employment register's import for administrators: POST the CSV (multipart field
`file`, raw text/csv, or JSON {filename, content}); 201 with what was imported and the
outcomes derived after it, or 422 with every bad line, its field and what is wrong."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from ninja import Schema, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.errors import DomainError

from ..services.employment import COLUMNS, ImportRejected, employment_import
from ..services.outcomes import outcomes_derive
from .router import operation, router

IMPORT_BODY = {
    "requestBody": {
        "description": (
            "The employment file: as multipart/form-data (field `file`), as the raw CSV "
            "(text/csv), or as JSON {filename, content}. Columns: " + ";".join(COLUMNS)
        ),
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"filename": {"type": "string"}, "content": {"type": "string"}},
                    "required": ["content"],
                }
            },
        },
    }
}


class EmploymentLineProblemOut(Schema):
    line: int
    field: str
    code: str
    message: str


class EmploymentImportRejectedOut(Schema):
    code: str
    message: str
    field: str | None = None
    errors: list[EmploymentLineProblemOut]


class OutcomesDerivedOut(Schema):
    created: int
    changed: int
    unchanged: int
    removed: int


class EmploymentImportOut(Schema):
    id: int
    file_name: str
    lines: int
    rows: int
    ignored: int
    first_month: str
    last_month: str
    outcomes: OutcomesDerivedOut


def _uploaded(request: HttpRequest) -> tuple[bytes, str]:
    upload = request.FILES.get("file")
    if upload is not None:
        return upload.read(), upload.name or ""
    content_type = request.content_type or ""
    if content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
            return str(body["content"]).encode(), str(body.get("filename", ""))[:200]
        except (ValueError, KeyError, TypeError):
            pass
    elif content_type in ("text/csv", "text/plain"):
        return request.body, ""
    raise DomainError(
        code="file_required",
        field="file",
        status=400,
        message_nb="Send filen som «file» (multipart), som text/csv eller som JSON {content}.",
        message_en="Send the file as “file” (multipart), as text/csv or as JSON {content}.",
    )


@router.post(
    "/employment/imports",
    response={
        201: EmploymentImportOut,
        422: EmploymentImportRejectedOut,
        **{k: v for k, v in ERRORS.items() if k != 422},
    },
    auth=AUTH,
    openapi_extra=IMPORT_BODY,
    operation_id=operation("import_employment"),
)
def import_employment(request: HttpRequest) -> Any:
    """Import monthly employment statuses (A-ordningen), all lines or none, and derive the
    outcomes. 422 lists every bad line."""
    actor = actor_of(request)
    from velferd.access import policies

    policies.require(actor, policies.can_import_employment)
    data, filename = _uploaded(request)
    try:
        report = employment_import(actor=actor, data=data, filename=filename)
    except ImportRejected as refused:
        return Status(422, refused.as_dict())
    derived = outcomes_derive(actor=actor)
    record = report.record
    return Status(
        201,
        {
            "id": record.pk,
            "file_name": record.file_name,
            "lines": report.lines,
            "rows": record.rows,
            "ignored": record.ignored,
            "first_month": f"{record.first_month:%Y-%m}",
            "last_month": f"{record.last_month:%Y-%m}",
            "outcomes": {
                "created": derived.created,
                "changed": derived.changed,
                "unchanged": derived.unchanged,
                "removed": derived.removed,
            },
        },
    )
