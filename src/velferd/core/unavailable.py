"""While the database cannot be reached (a primary restarting, a failover, a connection cut),
the answer is 503 with Retry-After — "try again in a moment, nothing was saved" — instead of
a server error. The page is drawn without the database: no menu, no user, no session."""

from __future__ import annotations

from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext as _

RETRY_AFTER_SECONDS = 5
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def unavailable_message() -> str:
    return _("The service is briefly unavailable. Nothing was saved: try again in a moment.")


def with_retry_after(response: HttpResponse) -> HttpResponse:
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store, private"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a page's database failure into the 503 page (the API has its own handler)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return unavailable_page() if isinstance(exception, DATABASE_UNAVAILABLE) else None


def unavailable_page() -> HttpResponse:
    page = render_to_string(
        "core/unavailable.html",
        {"message": unavailable_message(), "language": get_language() or "nb"},
    )
    return with_retry_after(HttpResponse(page, status=503))


def unavailable_answer(request: HttpRequest) -> HttpResponse:
    """The 503 for a failure outside any view: the API's JSON error under /api/, else the page."""
    if request.path.startswith("/api/"):
        body = {"code": "unavailable", "message": unavailable_message(), "field": None}
        return with_retry_after(JsonResponse(body, status=503))
    return unavailable_page()
