"""OpenID Connect providers read from the environment: ID-porten for citizens and Entra ID
(or another employer provider) for employees, both at once.

VELFERD_OIDC_PROVIDERS names the providers ("idporten,entra"); each is configured by
variables named VELFERD_OIDC_<NAME>_<SETTING> (README, "Production"). The endpoints come
from the provider's discovery document, never from hand-copied URLs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

CITIZEN = "citizen"
EMPLOYEE = "employee"
KINDS = (CITIZEN, EMPLOYEE)
CLIENT_AUTH_METHODS = ("client_secret_post", "client_secret_basic")
# Known names get their usual kind, so the common setups need no VELFERD_OIDC_<NAME>_KIND.
KIND_BY_NAME = {"idporten": CITIZEN, "entra": EMPLOYEE}
DEFAULTS_BY_KIND: dict[str, dict[str, str]] = {
    CITIZEN: {
        "CLAIM": "pid",
        "SCOPES": "openid profile",
        "ACR_VALUES": "idporten-loa-high",
        "LABEL": "ID-porten",
    },
    EMPLOYEE: {"CLAIM": "oid", "SCOPES": "openid profile", "ACR_VALUES": "", "LABEL": "Entra ID"},
}
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    """A yes/no setting: 1/true/yes/on or 0/false/no/off; anything else is a mistake."""
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (true or false), not {value!r}.")


def provider_names(env: Mapping[str, str]) -> list[str]:
    names = [name.strip().lower() for name in env.get("VELFERD_OIDC_PROVIDERS", "").split(",")]
    names = [name for name in names if name]
    for name in names:
        if not name.isalnum():
            raise ImproperlyConfigured(
                f"VELFERD_OIDC_PROVIDERS: {name!r} is not a provider name (letters and digits)."
            )
    return names


def _required(env: Mapping[str, str], name: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set.")
    return value


def _timeout(env: Mapping[str, str], name: str) -> float:
    raw = env.get(name, "10").strip()
    try:
        seconds = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {raw!r}.") from None
    if not 0 < seconds <= 120:
        raise ImproperlyConfigured(f"{name} must be between 0 and 120 seconds.")
    return seconds


def _tls_verification(env: Mapping[str, str], prefix: str) -> bool | str:
    """True, False (only for tests on loopback) or the path of a CA bundle to trust."""
    bundle = env.get(f"{prefix}CA_BUNDLE", "").strip()
    verify = flag(env, f"{prefix}VERIFY_TLS", True)
    return bundle if (bundle and verify) else verify


def provider_from_environment(env: Mapping[str, str], name: str) -> dict[str, Any]:
    prefix = f"VELFERD_OIDC_{name.upper()}_"
    kind = env.get(f"{prefix}KIND", KIND_BY_NAME.get(name, "")).strip().lower()
    if kind not in KINDS:
        raise ImproperlyConfigured(f"{prefix}KIND must be 'citizen' or 'employee'.")
    defaults = DEFAULTS_BY_KIND[kind]
    client_auth = env.get(f"{prefix}CLIENT_AUTH", "client_secret_post").strip()
    if client_auth not in CLIENT_AUTH_METHODS:
        raise ImproperlyConfigured(
            f"{prefix}CLIENT_AUTH must be one of {', '.join(CLIENT_AUTH_METHODS)}."
        )
    scopes = env.get(f"{prefix}SCOPES", defaults["SCOPES"]).split()
    if "openid" not in scopes:
        raise ImproperlyConfigured(f"{prefix}SCOPES must include openid.")
    return {
        "name": name,
        "kind": kind,
        "label": env.get(f"{prefix}LABEL", defaults["LABEL"]).strip(),
        "client_id": _required(env, f"{prefix}CLIENT_ID"),
        "client_secret": _required(env, f"{prefix}CLIENT_SECRET"),
        "client_auth": client_auth,
        "discovery_url": _discovery_url(env, f"{prefix}DISCOVERY_URL"),
        "claim": env.get(f"{prefix}CLAIM", defaults["CLAIM"]).strip(),
        "scopes": " ".join(scopes),
        "acr_values": env.get(f"{prefix}ACR_VALUES", defaults["ACR_VALUES"]).split(),
        "ui_locales": env.get(f"{prefix}UI_LOCALES", "nb en").split(),
        "sign_algorithms": env.get(f"{prefix}SIGN_ALGORITHMS", "RS256").split(),
        "timeout": _timeout(env, f"{prefix}TIMEOUT"),
        "verify_tls": _tls_verification(env, prefix),
        "logout_at_provider": flag(env, f"{prefix}LOGOUT_AT_PROVIDER", True),
    }


def _discovery_url(env: Mapping[str, str], name: str) -> str:
    url = _required(env, name)
    if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise ImproperlyConfigured(f"{name} must be an https:// address.")
    if not url.rstrip("/").endswith("/.well-known/openid-configuration"):
        url = url.rstrip("/") + "/.well-known/openid-configuration"
    return url


def providers_from_environment(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    return {name: provider_from_environment(env, name) for name in provider_names(env)}


def proxy_ssl_header(env: Mapping[str, str]) -> tuple[str, str] | None:
    """VELFERD_PROXY_SSL_HEADER names the header a TLS-terminating proxy sets
    ("X-Forwarded-Proto"); a request is secure when it says https. Unset: no proxy trusted."""
    header = env.get("VELFERD_PROXY_SSL_HEADER", "").strip()
    if not header:
        return None
    return ("HTTP_" + header.upper().replace("-", "_"), "https")
