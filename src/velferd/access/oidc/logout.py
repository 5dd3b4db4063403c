"""Logging out at the provider (RP-initiated logout) and from it (back-channel logout)."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import sessions
from .backend import OIDCBackend
from .config import provider
from .discovery import metadata
from .refusals import LoginRefusal

logger = logging.getLogger("velferd.access.oidc")
LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout"
SEEN_TOKEN_SECONDS = 10 * 60


def provider_logout_url(request: HttpRequest) -> str | None:
    """Where to send the browser to end the provider's session too, if it logged the user
    in and offers an end_session_endpoint."""
    name = request.session.get(sessions.PROVIDER_KEY)
    id_token = request.session.get(sessions.ID_TOKEN_KEY)
    if not name or not id_token:
        return None
    try:
        found = provider(str(name))
        endpoint = metadata(found).get("end_session_endpoint")
    except Exception as error:  # an unreachable provider must not stop a logout
        logger.warning("OIDC logout at the provider skipped: provider=%s reason=%s", name, error)
        return None
    if not endpoint or not found.logout_at_provider:
        return None
    params = {
        "id_token_hint": id_token,
        "client_id": found.client_id,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("home")),
    }
    return f"{endpoint}?{urlencode(params)}"


def _refuse(description: str) -> JsonResponse:
    logger.warning("OIDC back-channel logout refused: %s", description)
    response = JsonResponse(
        {"error": "invalid_request", "error_description": description}, status=400
    )
    response["Cache-Control"] = "no-store"
    return response


def _first_use(provider_name: str, jti: str) -> bool:
    """Whether the logout token `jti` is seen here for the first time (the shared cache).

    When the cache cannot be reached the token counts as new: a replayed logout token can
    only end sessions that have ended already, while refusing it would leave alive a session
    the provider has ended."""
    try:
        # Its own savepoint: a failed cache query must not spoil a surrounding transaction.
        with transaction.atomic():
            return bool(cache.add(f"oidc-logout-jti:{provider_name}:{jti}", 1, SEEN_TOKEN_SECONDS))
    except Exception:  # any cache backend's failure
        logger.warning(
            "OIDC back-channel logout: replay not checked, the cache is unreachable: provider=%s",
            provider_name,
            exc_info=True,
        )
        return True


@csrf_exempt
@never_cache
@require_POST
def backchannel_logout(request: HttpRequest, provider_name: str) -> HttpResponse:
    """The provider says a session at it ended: end the sessions it started here."""
    found = provider(provider_name)
    token = request.POST.get("logout_token", "")
    if not token:
        return _refuse("no logout_token")
    try:
        claims = OIDCBackend(found).verified_claims(token)
    except LoginRefusal as refusal:
        return _refuse(refusal.reason)
    events = claims.get("events")
    if not isinstance(events, dict) or LOGOUT_EVENT not in events:
        return _refuse("the token has no back-channel logout event")
    if "nonce" in claims:
        return _refuse("a logout token must not carry a nonce")
    sid, sub = str(claims.get("sid", "")), str(claims.get("sub", ""))
    if not sid and not sub:
        return _refuse("the token names neither sid nor sub")
    if not claims.get("jti"):
        return _refuse("the token has no jti")
    if not _first_use(provider_name, str(claims["jti"])):
        return _refuse("the logout token was used before")
    ended = sessions.end(provider_name, sid=sid, sub=sub)
    logger.info("OIDC back-channel logout: provider=%s sessions ended=%s", provider_name, ended)
    response = HttpResponse(status=200)
    response["Cache-Control"] = "no-store"
    return response
