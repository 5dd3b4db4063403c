"""Logging in at a provider: the request with PKCE, state and nonce, and the callback that
checks the answer and logs the user in, or shows why not."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from mozilla_django_oidc.utils import (
    add_state_and_verifier_and_nonce_to_session,
    generate_code_challenge,
)
from mozilla_django_oidc.views import get_next_url

from . import refusals, sessions
from .accounts import user_for_claims
from .backend import PATH, OIDCBackend
from .config import Provider, provider
from .discovery import metadata
from .refusals import LoginRefusal

VERIFIER_LENGTH = 64


def refused(request: HttpRequest, name: str, refusal: LoginRefusal) -> HttpResponse:
    refusal.log(request, name)
    context = {"error": refusal, "retry_url": reverse("login")}
    return render(request, "access/login_refused.html", context, status=refusal.status)


def _redirect_uri(request: HttpRequest, found: Provider) -> str:
    return request.build_absolute_uri(reverse("oidc_callback", args=[found.name]))


def _ui_locales(found: Provider) -> str:
    """The user's language first, then the configured ones."""
    language = (translation.get_language() or "nb")[:2]
    return " ".join(dict.fromkeys([language, *found.ui_locales]))


def authorization_params(request: HttpRequest, found: Provider) -> dict[str, str]:
    """The authorization request, remembered in the session by its state."""
    state = get_random_string(32)
    verifier = get_random_string(VERIFIER_LENGTH)
    params = {
        "response_type": "code",
        "client_id": found.client_id,
        "scope": found.scopes,
        "redirect_uri": _redirect_uri(request, found),
        "state": state,
        "nonce": get_random_string(32),
        "code_challenge": generate_code_challenge(verifier, "S256"),
        "code_challenge_method": "S256",
        "ui_locales": _ui_locales(found),
    }
    if found.acr_values:
        params["acr_values"] = " ".join(found.acr_values)
    add_state_and_verifier_and_nonce_to_session(request, state, params, verifier)
    request.session["oidc_states"][state]["provider"] = found.name
    request.session["oidc_login_next"] = get_next_url(request, "next")
    request.session.modified = True
    return params


@never_cache
@require_GET
def start(request: HttpRequest, provider_name: str) -> HttpResponse:
    found = provider(provider_name)
    try:
        endpoint = metadata(found)["authorization_endpoint"]
    except LoginRefusal as refusal:
        return refused(request, provider_name, refusal)
    params = authorization_params(request, found)
    return HttpResponseRedirect(f"{endpoint}?{urlencode(params)}")


@never_cache
@require_GET
def callback(request: HttpRequest, provider_name: str) -> HttpResponse:
    found = provider(provider_name)
    try:
        backend = OIDCBackend(found)
        user, claims, id_token = _complete(request, found, backend)
    except LoginRefusal as refusal:
        return refused(request, provider_name, refusal)
    auth.login(request, user, backend=PATH)
    sessions.remember(request, found, claims, id_token)
    next_url = request.session.pop("oidc_login_next", None)
    return HttpResponseRedirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


def _take_state(request: HttpRequest, found: Provider) -> dict[str, Any] | None:
    """The login this answer belongs to, taken out of the session so it is used once."""
    states = request.session.get("oidc_states")
    state = request.GET.get("state", "")
    if not isinstance(states, dict) or not state or state not in states:
        return None
    entry = states.pop(state)
    request.session.modified = True
    return dict(entry) if entry.get("provider") == found.name else None


def _complete(
    request: HttpRequest, found: Provider, backend: OIDCBackend
) -> tuple[Any, dict[str, Any], str]:
    entry = _take_state(request, found)
    error = request.GET.get("error", "")
    if error:
        description = request.GET.get("error_description", "")[:300]
        if error == "access_denied":
            raise refusals.cancelled(description)
        raise refusals.provider_error(error[:100], description)
    if entry is None:
        raise refusals.bad_state("the state is unknown, used before or of another provider")
    issuer = request.GET.get("iss")
    if issuer is not None and issuer != backend.issuer:
        raise refusals.bad_state(f"the answer names the issuer {issuer[:200]!r}")
    code = request.GET.get("code", "")
    if not code:
        raise refusals.bad_state("the answer has no code")
    answer = backend.tokens(
        code=code,
        code_verifier=str(entry.get("code_verifier")),
        redirect_uri=_redirect_uri(request, found),
    )
    id_token = str(answer["id_token"])
    claims = backend.id_token_claims(id_token, nonce=str(entry.get("nonce")))
    backend.check_level(claims)
    return user_for_claims(found, claims), claims, id_token
