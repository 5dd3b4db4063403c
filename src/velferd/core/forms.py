"""Small helpers for pages that post to services: parse form values into the types the
services take, collect every refusal of a submit (`FormErrors`) and show each beside its
field and in the error summary at the top (`post_form`, templatetags/formerrors.py)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from . import ratelimit
from .errors import DomainError

T = TypeVar("T")
R = TypeVar("R")


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


# A date field in a filter takes a date the way Aksel's date input does: typed the Norwegian
# way, dd.mm.åååå (also d.m.åååå), or as ISO, åååå-mm-dd (what a browser's date picker sends).
TYPED_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")
SHOWN_DATE_FORMAT = "%d.%m.%Y"


def parse_typed_date(value: str, field: str) -> datetime.date | None:
    """The date typed in a filter's date field, or None when it is empty."""
    value = (value or "").strip()
    if not value:
        return None
    for pattern in TYPED_DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    typed = value[:20]
    raise DomainError(
        code="invalid_date",
        field=field,
        message_nb=(
            f"«{typed}» er ikke en dato vi kan lese. Skriv datoen som dd.mm.åååå, "
            "for eksempel 17.05.2026."
        ),
        message_en=(
            f"“{typed}” is not a date we can read. Write the date as dd.mm.yyyy, "
            "for example 17.05.2026."
        ),
    )


def shown_date(date: datetime.date | None, typed: str) -> str:
    """What a filter's date field shows: the date as dd.mm.åååå once it is read, else what
    was typed (so that a mistake can be corrected)."""
    return date.strftime(SHOWN_DATE_FORMAT) if date else typed


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


class FormErrors:
    """Every error of one submit, at most one per field, in the order the fields were read:
    the page shows them all at once, in a summary at the top and beside each field."""

    def __init__(self, *errors: DomainError) -> None:
        self._errors: list[DomainError] = []
        for error in errors:
            self.add(error)

    def add(self, error: DomainError) -> None:
        if error.status in (401, 403):
            raise error
        if error.field is None or self.get(error.field) is None:
            self._errors.append(error)

    def check(self, parse: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """`parse(*args, **kwargs)`, or None with its refusal kept to show."""
        try:
            return parse(*args, **kwargs)
        except DomainError as error:
            self.add(error)
            return None

    def raise_first(self) -> None:
        """For a page that still shows one refusal: raise the first error, if any."""
        if self._errors:
            raise self._errors[0]

    def get(self, field: str) -> DomainError | None:
        return next((error for error in self._errors if error.field == field), None)

    @property
    def status(self) -> int:
        return self._errors[0].status if self._errors else 200

    def __bool__(self) -> bool:
        return bool(self._errors)

    def __len__(self) -> int:
        return len(self._errors)

    def __iter__(self) -> Iterator[DomainError]:
        return iter(self._errors)


def errors_in(context: Mapping[str, Any]) -> FormErrors:
    """The errors a page was given: `errors` (every error of the submit) or, from a page
    that still shows one refusal, `error`."""
    errors = context.get("errors")
    if isinstance(errors, FormErrors):
        return errors
    error = context.get("error")
    return FormErrors(error) if isinstance(error, DomainError) else FormErrors()


def post_form(
    request: HttpRequest,
    *,
    read: Callable[[FormErrors], T],
    save: Callable[[T], R],
    success: Callable[[R], str],
    show: Callable[[FormErrors], HttpResponse],
    saved: str | None = None,
) -> HttpResponse:
    """Run a posted form: `read` parses every field, keeping each refusal in the errors;
    only when all are good does `save` call the service. Any error (the fields' and the
    service's) shows the page again with every error and the answers kept; access refusals
    become the error page. A saved form redirects, with the confirmation `saved` shown on
    the next page. Rate limits hit inside `save` count only a submission that is saved."""
    errors = FormErrors()
    if request.method != "POST":
        return show(errors)
    try:
        values = read(errors)
        if not errors:
            with ratelimit.only_accepted():
                result = save(values)
            if saved:
                messages.success(request, saved)
            return redirect(success(result))
    except DomainError as error:
        errors.add(error)
    response = show(errors)
    response.status_code = errors.status
    return response
