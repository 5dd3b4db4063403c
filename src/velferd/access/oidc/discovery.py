"""The provider's discovery document (/.well-known/openid-configuration), fetched once an
hour: its endpoints and issuer are what velferd trusts, never hand-copied URLs."""

from __future__ import annotations

from typing import Any

import requests
from django.core.cache import cache

from .config import Provider
from .refusals import provider_unreachable

CACHE_SECONDS = 60 * 60
REQUIRED = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")


def metadata(provider: Provider) -> dict[str, Any]:
    key = f"oidc-discovery:{provider.discovery_url}"
    found = cache.get(key)
    if found is None:
        found = _fetch(provider)
        cache.set(key, found, CACHE_SECONDS)
    return dict(found)


def _fetch(provider: Provider) -> dict[str, Any]:
    try:
        response = requests.get(
            provider.discovery_url, timeout=provider.timeout, verify=provider.verify_tls
        )
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise provider_unreachable(f"discovery {provider.discovery_url}: {error}") from error
    missing = [name for name in REQUIRED if not document.get(name)]
    if missing:
        raise provider_unreachable(f"discovery document lacks {', '.join(missing)}")
    return dict(document)
