"""The registry, users, the audit trail and personal access tokens."""

from __future__ import annotations

from typing import Any

from ..actor import Actor
from ..roles import Role


def can_view_registry(actor: Actor) -> bool:
    """The registry is an office directory: public."""
    return True


def can_change_registry(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR)


def can_manage_users(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR) and actor.token is None


def can_view_audit_trail(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR)


def can_view_own_account(actor: Actor) -> bool:
    return actor.is_authenticated


def can_create_api_token(actor: Actor) -> bool:
    """Staff and partners create tokens for machine clients, from a logged-in session only."""
    return actor.is_authenticated and actor.token is None and not actor.is_only_citizen


def can_revoke_api_token(actor: Actor, token: Any) -> bool:
    if not actor.is_authenticated or actor.user is None:
        return False
    return token.user_id == actor.user.pk or can_manage_users(actor)
