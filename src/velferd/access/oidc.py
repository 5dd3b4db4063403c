"""OpenID Connect login (Entra ID for employees, ID-porten for citizens) in production.

Only users who already exist in velferd may log in: roles are granted here, never taken from
the identity provider. The user is found by the claim VELFERD_OIDC_USERNAME_CLAIM names
(`preferred_username` by default; `pid` for ID-porten, whose users are named by their
national identity number)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User


def username_claim() -> str:
    return str(getattr(settings, "VELFERD_OIDC_USERNAME_CLAIM", "preferred_username"))


class VelferdOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        username = claims.get(username_claim())
        if not username:
            return User.objects.none()
        return User.objects.filter(username__iexact=str(username), is_active=True)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get(username_claim()))
