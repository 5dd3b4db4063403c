import sys
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from velferd.core.errors import DomainError
from velferd.core.unavailable import DATABASE_UNAVAILABLE, unavailable_answer


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def render_error(request: HttpRequest, error: DomainError) -> HttpResponse:
    """A refusal as a page: the message in the user's language, the right status."""
    return render(request, "core/error.html", {"error": error}, status=error.status)


def forbidden(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render(request, "core/error.html", {"title_code": 403}, status=403)


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render(request, "core/error.html", {"title_code": 404}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # A database failure outside any view (a middleware saving the session while the primary
    # restarts) reaches only this handler: it is a 503 "try again" too.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return unavailable_answer(request)
    return render(request, "core/error.html", {"title_code": 500}, status=500)
