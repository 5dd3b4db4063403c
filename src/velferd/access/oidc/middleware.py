"""Pages of a session a provider started let the logout form lead on to the provider: the
Content-Security-Policy's form-action also governs where the form's answer redirects, and
"Log out" redirects to the provider's end_session_endpoint."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

from . import sessions
from .config import provider
from .discovery import metadata
from .refusals import LoginRefusal


def provider_logout_origin(request: HttpRequest) -> str | None:
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None  # no session to read, and reading one would make the answer vary
    session = getattr(request, "session", None)
    name = session.get(sessions.PROVIDER_KEY) if session is not None else None
    if not name:
        return None
    try:
        endpoint = metadata(provider(str(name))).get("end_session_endpoint")
    except (LoginRefusal, Http404):
        return None
    if not endpoint:
        return None
    parts = urlsplit(str(endpoint))
    return f"{parts.scheme}://{parts.netloc}"


class ProviderLogoutFormActionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        origin = provider_logout_origin(request)
        if origin:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), origin]
            response._csp_update = update  # type: ignore[attr-defined]
        return response
