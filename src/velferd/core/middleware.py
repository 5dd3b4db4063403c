import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .request_context import current_request_id, reset_request_id, set_request_id

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Gives every request an id (from X-Request-ID when it is sane) and echoes it back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        token = set_request_id(incoming if _SAFE_ID.match(incoming) else None)
        try:
            request_id = current_request_id()
            # Kept on the request too, for log records written after this middleware
            # returns (Django's "Not Found" and "Internal Server Error" lines).
            request.request_id = request_id  # type: ignore[attr-defined]
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            return response
        finally:
            reset_request_id(token)


class PagesDefaultToNorwegianMiddleware:
    """Pages are in Norwegian bokmål unless the user chose a language (the language cookie);
    a browser's Accept-Language is not a choice. The API follows Accept-Language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chose = settings.LANGUAGE_COOKIE_NAME in request.COOKIES
        if not chose and not request.path.startswith("/api/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class PersonalAnswersNotStoredMiddleware:
    """Nothing personal is kept in a browser's or a proxy's cache: every API answer and every
    page served to a logged-in user is `Cache-Control: no-store`. Public pages for anonymous
    visitors (the office directory, publications) may still be cached."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logged_in = user is not None and user.is_authenticated
        if logged_in or request.path.startswith("/api/") or "Authorization" in request.headers:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
