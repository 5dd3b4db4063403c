"""Who may do what. One plain function per question, shared by pages and the API.

Each function is named can_<verb>_<noun> and answers True or False; `require` turns a
False into the refusal the caller shows (401 for nobody logged in, 403 otherwise).
"""

from __future__ import annotations

from typing import Any

from velferd.core.errors import DomainError, forbidden

from .actor import Actor
from .roles import Role


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


def not_authenticated() -> DomainError:
    return DomainError(
        code="not_authenticated",
        message_nb="Du må logge inn.",
        message_en="You must log in.",
        status=401,
    )


def require(actor: Actor, question: str, *args: Any) -> None:
    """Raise unless `can_<question>(actor, *args)` allows it. The system itself (command-line
    loaders, never a request) is not asked."""
    if actor.system:
        return
    policy = globals()[f"can_{question}"]
    if policy(actor, *args):
        return
    raise not_authenticated() if not actor.is_authenticated else forbidden()
