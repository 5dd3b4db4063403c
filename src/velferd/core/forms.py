"""Small helpers for pages that post to services: parse form values into the types the
services take, and turn a refusal into an error shown beside its field."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from .errors import DomainError


def parse_date(value: str, field: str) -> datetime.date | None:
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise DomainError(
        code="invalid_date",
        field=field,
        message_nb="Skriv datoen som dd.mm.åååå.",
        message_en="Write the date as dd.mm.yyyy.",
    )


def parse_datetime(value: str, field: str) -> datetime.datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise DomainError(
            code="invalid_datetime",
            field=field,
            message_nb="Skriv tidspunktet som dd.mm.åååå tt:mm.",
            message_en="Write the time as dd.mm.yyyy hh:mm.",
        ) from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def parse_version(value: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(
            code="invalid_input",
            field="version",
            status=400,
            message_nb="Versjon mangler.",
            message_en="The version is missing.",
        ) from None


def checked(data: Any, name: str) -> bool:
    return data.get(name) in ("on", "true", "1", "yes")


def post_or_show(
    request: HttpRequest,
    action: Callable[[], Any],
    success: Callable[[Any], str],
    show: Callable[[DomainError | None], HttpResponse],
) -> HttpResponse:
    """Run a write from a posted form: on success redirect, on a refusal show the page again
    with the error (access refusals become the error page)."""
    if request.method != "POST":
        return show(None)
    try:
        result = action()
    except DomainError as error:
        if error.status in (401, 403):
            raise
        response = show(error)
        response.status_code = error.status
        return response
    return redirect(success(result))
