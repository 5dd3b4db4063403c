"""The provider's back-channel logout checks each logout token once in the shared cache, and
still ends the session when that cache is down (its table gone, as in the fault run)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import Any
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client

from velferd.access.models import ProviderSession
from velferd.access.oidc import logout
from velferd.settings.oidc import providers_from_environment

pytestmark = pytest.mark.django_db
URL = "/oidc/idporten/backchannel-logout/"
IDPORTEN = {
    "VELFERD_OIDC_PROVIDERS": "idporten",
    "VELFERD_OIDC_IDPORTEN_CLIENT_ID": "velferd",
    "VELFERD_OIDC_IDPORTEN_CLIENT_SECRET": "s1",
    "VELFERD_OIDC_IDPORTEN_DISCOVERY_URL": "https://idporten.no",
}


def _claims(sid: str, jti: str) -> dict[str, Any]:
    """A logout token's claims as the provider signed them (the signature is checked
    elsewhere: tests/browser/test_oidc_logout.py)."""
    return {
        "iss": "https://idporten.no",
        "sub": "citizen-sub",
        "sid": sid,
        "jti": jti,
        "events": {logout.LOGOUT_EVENT: {}},
    }


@pytest.fixture
def shared_cache(settings: Any) -> Iterator[DatabaseCache]:
    """The database cache every app server shares (settings.base CACHES), and ID-porten."""
    settings.VELFERD_OIDC_PROVIDERS = providers_from_environment(IDPORTEN)
    shared = DatabaseCache("velferd_cache", {})
    shared.clear()
    with mock.patch.object(logout, "cache", shared):
        yield shared


def a_citizen_session(sid: str) -> str:
    """A session started by an ID-porten login with the provider's session id `sid`."""
    store = import_module(django_settings.SESSION_ENGINE).SessionStore()
    store["oidc_provider"] = "idporten"
    store.save()
    key = str(store.session_key)
    ProviderSession.objects.create(provider="idporten", sid=sid, sub="citizen-sub", session_key=key)
    return key


def session_alive(key: str) -> bool:
    return bool(import_module(django_settings.SESSION_ENGINE).SessionStore().exists(key))


def post_logout(claims: dict[str, Any]) -> int:
    """The provider posts a logout token whose signature holds (the backend is the
    provider's, which checks it against its published keys)."""
    with mock.patch.object(logout, "OIDCBackend", autospec=True) as backend:
        backend.return_value.verified_claims.return_value = claims
        return Client().post(URL, {"logout_token": "header.claims.signature"}).status_code


def test_a_logout_token_ends_the_session_once_and_is_refused_when_replayed(
    shared_cache: DatabaseCache,
) -> None:
    key = a_citizen_session("sid-1")
    assert post_logout(_claims("sid-1", "jti-1")) == 200
    assert not session_alive(key)
    assert post_logout(_claims("sid-1", "jti-1")) == 400


def test_with_the_cache_down_the_provider_still_ends_the_session(
    shared_cache: DatabaseCache, caplog: pytest.LogCaptureFixture
) -> None:
    key, other = a_citizen_session("sid-2"), a_citizen_session("sid-3")
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("ALTER TABLE velferd_cache RENAME TO velferd_cache_away")

    assert post_logout(_claims("sid-2", "jti-2")) == 200

    assert not session_alive(key)
    assert not ProviderSession.objects.filter(sid="sid-2").exists()
    assert session_alive(other)
    assert "replay not checked, the cache is unreachable: provider=idporten" in caplog.text
