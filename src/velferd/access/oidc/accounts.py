"""Which user a provider's claims name.

A citizen is their person record: ID-porten's `pid` is the national identity number, and
the person's login is made at their first login (every resident may log in). An employee
must exist beforehand, found by the immutable object id (Entra's `oid`) an administrator
stored on the user; never by a changeable name or e-mail address, and never created here."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from velferd.core.identifiers import mask_national_id

from ..models import User
from . import refusals
from .config import Provider

NATIONAL_ID = re.compile(r"\d{11}")


def user_for_claims(provider: Provider, claims: dict[str, Any]) -> User:
    value = str(claims.get(provider.claim) or "").strip()
    user = _citizen(provider, value) if provider.is_citizen else _employee(provider, value)
    if not user.is_active:
        raise refusals.deactivated(f"user {user.pk} is deactivated")
    return user


def _employee(provider: Provider, object_id: str) -> User:
    if not object_id:
        raise refusals.unknown_employee(f"the ID token has no {provider.claim} claim")
    user = User.objects.filter(employee_object_id=object_id).first()
    if user is None:
        raise refusals.unknown_employee(
            f"no user has the object id {object_id} ({provider.claim}); an administrator "
            "can set it on the user's page"
        )
    return user


def _citizen(provider: Provider, national_id: str) -> User:
    if not NATIONAL_ID.fullmatch(national_id):
        raise refusals.unknown_citizen(
            f"the ID token's {provider.claim} claim is not an identity number"
        )
    citizen_login: Callable[[str], User | None] = import_string(settings.VELFERD_OIDC_CITIZEN_LOGIN)
    user = citizen_login(national_id)
    if user is None:
        raise refusals.unknown_citizen(
            f"no person has the identity number {mask_national_id(national_id)}"
        )
    return user
