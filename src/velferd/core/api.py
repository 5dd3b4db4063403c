"""Pieces every domain's API uses: who is calling, paging parameters, the error shape."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.security import APIKeyCookie, HttpBearer

from velferd.access import selectors as access_selectors
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class TokenAuth(HttpBearer):
    """A personal access token: `Authorization: Bearer vlf_…`."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        actor = access_selectors.actor_for_token(token)
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
        if not access_selectors.actor_for_request(request).is_authenticated:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        actor = access_selectors.actor_for_request(request)
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
        actor = access_selectors.actor_for_token(header[7:].strip())
        if actor is not None:
            request._velferd_actor = actor  # type: ignore[attr-defined]
            return actor
        return ANONYMOUS
    return access_selectors.actor_for_request(request)


ERRORS: dict[int, Any] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
}
