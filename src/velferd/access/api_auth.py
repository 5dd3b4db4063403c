"""Who is calling the API: a personal access token or the logged-in session. Every domain's
router takes `auth=AUTH` and asks `actor_of(request)` who the caller is."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from . import selectors
from .actor import ANONYMOUS, Actor


class TokenAuth(HttpBearer):
    """A personal access token: `Authorization: Bearer vlf_…`."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        actor = selectors.actor_for_token(token)
        if actor is not None:
            request._velferd_actor = actor  # type: ignore[attr-defined]
        return actor


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; unsafe methods need the CSRF token.

    Who is calling is settled before the CSRF check: a request without a live session is
    401 not_authenticated, whatever its method; only a logged-in session without its CSRF
    token is 403."""

    param_name = "sessionid"

    def __call__(self, request: HttpRequest) -> Actor | None:
        if not selectors.actor_for_request(request).is_authenticated:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        actor = selectors.actor_for_request(request)
        return actor if actor.is_authenticated else None


AUTH = [TokenAuth(), SessionAuth()]


def actor_of(request: HttpRequest) -> Actor:
    """The caller: from the auth that let the request in, else a token or session if
    present, else anonymous (for the public routes)."""
    cached = getattr(request, "_velferd_actor", None)
    if cached is not None:
        return cached
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        actor = selectors.actor_for_token(header[7:].strip())
        if actor is not None:
            request._velferd_actor = actor  # type: ignore[attr-defined]
            return actor
        return ANONYMOUS
    return selectors.actor_for_request(request)
