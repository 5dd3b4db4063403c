"""Which surveys this browser has answered in its session, for the rule of one answer per
browser session and survey (the answer page and the API alike).

It is a signed cookie that lasts as long as the browser session and holds a digest of each
answered survey's link (`services.answer_key`). It is kept in the browser, not in the
server's session store, so that nothing on the server ties a browser, or a logged-in user,
to an answer or to the time it was given."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from . import services

COOKIE = "velferd_answered"
SALT = "velferd.employers.answered"
KEEP = 50


def answered_in_session(request: HttpRequest) -> frozenset[str]:
    """The surveys answered in this browser session (answer keys); none for a missing,
    altered or unreadable cookie."""
    return frozenset(_keys(request))


def remember_answer(response: HttpResponse, request: HttpRequest, token: str) -> None:
    """Note on the response that this browser session has answered the survey."""
    key = services.answer_key(token)
    keys = [*[k for k in _keys(request) if k != key][-(KEEP - 1) :], key]
    response.set_cookie(
        COOKIE,
        signing.dumps(keys, salt=SALT),
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _keys(request: HttpRequest) -> list[str]:
    value = request.COOKIES.get(COOKIE)
    if not value:
        return []
    try:
        keys = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return []
    if not isinstance(keys, list):
        return []
    return [k for k in keys if isinstance(k, str)]
