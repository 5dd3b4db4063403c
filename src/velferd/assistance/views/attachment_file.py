"""The attachment served as a file, at the address the pages link to and the API lists: a
browser reads it with its session, a machine client with its personal access token
(`Authorization: Bearer vlf_…`, as the API takes it). Either way the same access check and
the same log of every read by anyone but the person; the file is sent as a download that the
browser must not sniff or keep. A token client is answered as the API answers: an error as
{code, message, field}, 401 without a valid token."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from velferd.access.api_auth import actor_of
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError

from ..selectors import citizen as selectors
from .citizen import _actor


def _file_response(found: selectors.AttachmentFile) -> HttpResponse:
    attachment = found.attachment
    response = HttpResponse(found.content, content_type=attachment.content_type)
    safe_name = attachment.file_name.replace('"', "").replace("\\", "")
    ascii_name = safe_name.encode("ascii", "replace").decode().replace("?", "_")
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(safe_name)}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Content-Length"] = str(len(found.content))
    return response


def _has_token(request: HttpRequest) -> bool:
    return request.headers.get("Authorization", "").lower().startswith("bearer ")


def _api_error(status: int, body: dict[str, Any]) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "private, no-store"
    if status == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response


def _for_token(request: HttpRequest, attachment_id: str) -> HttpResponse:
    actor = actor_of(request)
    if not actor.is_authenticated:
        message = _("Log in or give a valid access token.")
        return _api_error(401, {"code": "not_authenticated", "message": message, "field": None})
    try:
        found = selectors.attachment_file(actor, attachment_id)
    except DomainError as error:
        return _api_error(error.status, error.as_dict())
    return _file_response(found)


@refusals_as_pages
def attachment_download(request: HttpRequest, attachment_id: str) -> HttpResponse:
    """The file itself, for the applicant and those who may see the application."""
    if _has_token(request):
        return _for_token(request, attachment_id)
    return _file_response(selectors.attachment_file(_actor(request), attachment_id))
