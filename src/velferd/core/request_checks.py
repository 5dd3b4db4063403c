"""Requests refused before any view reads them, in one place for the API and the pages:

- a multipart body that cannot be parsed (no boundary, an invalid one, too many fields) is
  400 `malformed_request`. Django would otherwise raise while a view, or the CSRF check
  inside the API's session authentication, first reads the form;
- a NUL character (U+0000) in the path, a query parameter, a form field or a JSON string is
  422 `invalid_input` naming the field. No text the system keeps or searches may hold it
  (PostgreSQL refuses it in text), so it is refused the same way on every database.

The API answers {"code", "message", "field"}; a page answers with the error page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParserError

from .errors import BAD_REQUEST, UNPROCESSABLE, DomainError
from .views import render_error

NUL = "\x00"
UNPARSABLE_FORM = (MultiPartParserError, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def malformed_form() -> DomainError:
    return DomainError(
        code="malformed_request",
        message_nb="Skjemadataene kan ikke leses (multipart uten gyldig «boundary»?).",
        message_en="The form data cannot be read (multipart without a valid boundary?).",
        status=BAD_REQUEST,
    )


def text_with_nul(field: str | None) -> DomainError:
    return DomainError(
        code="invalid_input",
        field=field or None,
        message_nb="Teksten inneholder NUL-tegnet (U+0000), som ikke er tillatt.",
        message_en="The text contains the NUL character (U+0000), which is not allowed.",
        status=UNPROCESSABLE,
    )


def field_with_nul(value: Any, path: tuple[str, ...] = ()) -> str | None:
    """The dotted path of the first key or string holding NUL in a parsed JSON value ("" for
    the value itself), or None when there is none."""
    if isinstance(value, str):
        return ".".join(path) if NUL in value else None
    items: Iterable[tuple[Any, Any]]
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        name = str(key)
        if NUL in name:
            return ".".join((*path, name.replace(NUL, "")))
        found = field_with_nul(item, (*path, name))
        if found is not None:
            return found
    return None


def _parameter_with_nul(parameters: QueryDict) -> str | None:
    for key, values in parameters.lists():
        if NUL in key or any(NUL in value for value in values):
            return key.replace(NUL, "")
    return None


def _json_field_with_nul(request: HttpRequest) -> str | None:
    if "json" not in (request.content_type or "") or b"\\u0000" not in request.body:
        return None
    try:
        return field_with_nul(json.loads(request.body))
    except ValueError:
        return None  # not JSON: the API answers malformed_request itself


def refusal_of(request: HttpRequest) -> DomainError | None:
    """What is wrong with the request before any view reads it, if anything."""
    if NUL in request.path:
        return text_with_nul(None)
    field = _parameter_with_nul(request.GET)
    if field is None:
        try:
            field = _parameter_with_nul(request.POST)
            if field is None:
                field = _json_field_with_nul(request)
        except UNPARSABLE_FORM:
            return malformed_form()
    return None if field is None else text_with_nul(field)


class RefuseMalformedInputMiddleware:
    """Answers a malformed request (see the module) before the view, the CSRF check or the
    API's authentication reads it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusal = refusal_of(request)
        if refusal is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(refusal.as_dict(), status=refusal.status)
        return render_error(request, refusal)
