"""Who is acting, from a session or a token."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from velferd.core.errors import not_found

from .actor import ANONYMOUS, Actor
from .models import ApiToken, RoleAssignment, User

TOKEN_PREFIX = "vlf_"


def _assignments(user: User) -> tuple[RoleAssignment, ...]:
    return tuple(
        RoleAssignment.objects.filter(user=user, is_active=True).select_related(
            "office", "iw_centre", "iw_centre__county", "department", "municipality"
        )
    )


def actor_for_user(user: User | None) -> Actor:
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    return Actor(user=user, assignments=_assignments(user))


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def split_token(raw: str) -> tuple[str, str] | None:
    """A token reads vlf_<prefix>_<secret>; returns (prefix, whole token) or None."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    prefix, _, secret = raw[len(TOKEN_PREFIX) :].partition("_")
    if not prefix or not secret:
        return None
    return prefix, raw


def actor_for_token(raw: str) -> Actor | None:
    """The actor a bearer token stands for, limited to the one role it was issued for."""
    parts = split_token(raw)
    if parts is None:
        return None
    prefix, whole = parts
    token = ApiToken.objects.select_related("user", "role_assignment").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.digest, digest_of(whole)):
        return None
    if not token.is_usable:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    assignment = next(
        (a for a in _assignments(token.user) if a.pk == token.role_assignment_id), None
    )
    if assignment is None:
        return None
    return Actor(user=token.user, assignments=(assignment,), token=token)


def actor_for_request(request: HttpRequest) -> Actor:
    """The actor of a page request, computed once per request."""
    cached = getattr(request, "_velferd_actor", None)
    if cached is None:
        user = request.user if hasattr(request, "user") else None
        cached = actor_for_user(user if isinstance(user, User) else None)
        request._velferd_actor = cached  # type: ignore[attr-defined]
    return cached


def tokens_of(*, actor: Actor) -> QuerySet[ApiToken]:
    if actor.user is None:
        return ApiToken.objects.none()
    return (
        ApiToken.objects.filter(user=actor.user)
        .select_related("role_assignment")
        .order_by("-created_at")
    )


def token(*, token_id: str) -> ApiToken | None:
    """The token with this id, or None (also for an id that is not a UUID)."""
    try:
        key = uuid.UUID(str(token_id))
    except ValueError:
        return None
    return ApiToken.objects.select_related("role_assignment").filter(pk=key).first()


def users(*, query: str = "") -> QuerySet[User]:
    """Users with their roles, by username or name (for administrators)."""
    found = User.objects.prefetch_related(
        Prefetch("role_assignments", queryset=RoleAssignment.objects.filter(is_active=True))
    ).order_by("username")
    query = query.strip()
    if query:
        found = found.filter(Q(username__icontains=query) | Q(full_name__icontains=query))
    return found


def user(user_id: str) -> User:
    try:
        key = uuid.UUID(str(user_id))
    except ValueError:
        key = None
    found = users().filter(pk=key).first() if key else None
    if found is None:
        raise not_found("brukeren", "the user", field="user")
    return found


def role_assignment(found_user: User, assignment_id: int) -> RoleAssignment:
    found = RoleAssignment.objects.filter(user=found_user, pk=assignment_id).first()
    if found is None:
        raise not_found("rollen", "the role", field="role_assignment")
    return found


def names_in_role(role: str, **unit: object) -> list[str]:
    """The names of the active users who hold a role in a unit (a directory listing)."""
    return sorted(
        str(a.user)
        for a in RoleAssignment.objects.filter(
            role=role, is_active=True, user__is_active=True, **unit
        ).select_related("user")
    )


def active_user_named(username: str) -> User:
    found = User.objects.filter(username=username, is_active=True).first()
    if found is None:
        raise not_found(f"brukeren «{username}»", f"the user “{username}”", field="caseworker")
    return found


def holds_role_at_office(user: User, office: Any, roles: tuple[str, ...]) -> bool:
    return RoleAssignment.objects.filter(
        user=user, office=office, role__in=roles, is_active=True, user__is_active=True
    ).exists()


def caseworkers_at(office: Any) -> list[User]:
    """The users who can be assigned people at an office."""
    return list(
        User.objects.filter(
            role_assignments__office=office,
            role_assignments__is_active=True,
            role_assignments__role__in=(
                "caseworker_state",
                "caseworker_municipal",
                "office_manager",
            ),
            is_active=True,
        )
        .distinct()
        .order_by("full_name")
    )


def usernames_in_role(role: str, **unit: object) -> list[str]:
    return sorted(
        RoleAssignment.objects.filter(
            role=role, is_active=True, user__is_active=True, **unit
        ).values_list("user__username", flat=True)
    )
