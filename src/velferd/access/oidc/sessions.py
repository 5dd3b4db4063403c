"""What an OpenID Connect login keeps: the ID token for logging out at the provider, and the
provider's session id so that its back-channel logout can end the session."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from ..models import ProviderSession
from .config import Provider

PROVIDER_KEY = "oidc_provider"
ID_TOKEN_KEY = "oidc_id_token"


def remember(request: HttpRequest, found: Provider, claims: dict[str, Any], id_token: str) -> None:
    request.session[PROVIDER_KEY] = found.name
    request.session[ID_TOKEN_KEY] = id_token
    request.session.save()
    ProviderSession.objects.update_or_create(
        session_key=str(request.session.session_key),
        defaults={
            "provider": found.name,
            "sid": str(claims.get("sid", ""))[:255],
            "sub": str(claims["sub"])[:255],
        },
    )


def end(provider_name: str, *, sid: str, sub: str) -> int:
    """End every session the provider names by its session id (or, without one, by the
    user's subject); returns how many ended."""
    found = ProviderSession.objects.filter(provider=provider_name)
    found = found.filter(sid=sid) if sid else found.filter(sub=sub)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for row in found:
        store(session_key=row.session_key).delete()
        ended += 1
    found.delete()
    return ended


def forget(session_key: str | None) -> None:
    if session_key:
        ProviderSession.objects.filter(session_key=session_key).delete()
