"""The token exchange and the ID token's checks, one provider at a time.

mozilla-django-oidc's backend sends the token request (with the PKCE verifier) and finds the
provider's signing key; PyJWT checks the token's signature, issuer, audience and expiry
(the library itself leaves the audience unchecked). The backend is listed in
AUTHENTICATION_BACKENDS only so that a session it started finds its user again: it answers
no call of django.contrib.auth.authenticate, so a refused login is never a failed password
for django-axes."""

from __future__ import annotations

from typing import Any

import jwt
import requests
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import refusals
from .config import Provider
from .discovery import metadata

PATH = "velferd.access.oidc.backend.OIDCBackend"
CLOCK_LEEWAY_SECONDS = 30


class OIDCBackend(OIDCAuthenticationBackend):
    provider: Provider | None = None

    def __init__(self, provider: Provider | None = None) -> None:
        # Django makes this backend without a provider to find a session's user.
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()
        self.provider = provider
        if provider is not None:
            found = metadata(provider)
            self.issuer = str(found["issuer"])
            self.OIDC_OP_TOKEN_ENDPOINT = found["token_endpoint"]
            self.OIDC_OP_JWKS_ENDPOINT = found["jwks_uri"]
            self.OIDC_RP_CLIENT_ID = provider.client_id
            self.OIDC_RP_CLIENT_SECRET = provider.client_secret

    def get_settings(self, attr: str, *args: Any) -> Any:
        """The library's settings, answered for this backend's provider."""
        assert self.provider is not None
        answers: dict[str, Any] = {
            "OIDC_VERIFY_SSL": self.provider.verify_tls,
            "OIDC_TIMEOUT": self.provider.timeout,
            "OIDC_PROXY": None,
            "OIDC_TOKEN_USE_BASIC_AUTH": self.provider.client_auth == "client_secret_basic",
        }
        return answers[attr] if attr in answers else (args[0] if args else None)

    def authenticate(self, request: Any, **kwargs: Any) -> None:
        """Never a password login: the OpenID Connect callback calls tokens() instead."""
        return None

    def get_user(self, user_id: Any) -> Any:
        return ModelBackend.get_user(self, user_id)

    def tokens(self, *, code: str, code_verifier: str, redirect_uri: str) -> dict[str, Any]:
        payload = {
            "client_id": self.OIDC_RP_CLIENT_ID,
            "client_secret": self.OIDC_RP_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": code_verifier,
        }
        try:
            answer = self.get_token(payload)
        except requests.HTTPError as error:
            raise refusals.token_failed(str(error)) from error
        except (requests.RequestException, ValueError) as error:
            raise refusals.provider_unreachable(f"token endpoint: {error}") from error
        if not isinstance(answer, dict) or not answer.get("id_token"):
            raise refusals.token_failed("the answer held no id_token")
        return answer

    def verified_claims(self, token: str, *, audience: str | None = None) -> dict[str, Any]:
        """The token's claims once its signature, issuer, audience and times hold."""
        assert self.provider is not None
        try:
            key = self.retrieve_matching_jwk(token)
            return dict(
                jwt.decode(
                    token,
                    key,
                    algorithms=list(self.provider.sign_algorithms),
                    audience=audience or self.provider.client_id,
                    issuer=self.issuer,
                    leeway=CLOCK_LEEWAY_SECONDS,
                    options={"require": ["iss", "aud", "iat"]},
                )
            )
        except (jwt.PyJWTError, SuspiciousOperation, KeyError) as error:
            raise refusals.invalid_token(str(error)) from error
        except (requests.RequestException, ValueError) as error:
            raise refusals.provider_unreachable(f"signing keys: {error}") from error

    def id_token_claims(self, token: str, *, nonce: str) -> dict[str, Any]:
        claims = self.verified_claims(token)
        if not claims.get("sub") or "exp" not in claims:
            raise refusals.invalid_token("the ID token lacks sub or exp")
        if claims.get("nonce") != nonce:
            raise refusals.invalid_token("the nonce does not match the one sent")
        return claims

    def check_level(self, claims: dict[str, Any]) -> None:
        """ID-porten's security level: the acr must be one of those asked for."""
        assert self.provider is not None
        wanted = self.provider.acr_values
        if wanted and claims.get("acr") not in wanted:
            raise refusals.wrong_level(str(claims.get("acr", "")), wanted)
