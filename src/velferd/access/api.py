"""The caller's own account and personal access tokens."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Query, Router, Status

from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import RecordId
from velferd.core.pagination import paginate

from . import policies, selectors, services, units
from .api_auth import AUTH, actor_of
from .models import ApiToken, RoleAssignment, User
from .schemas import (
    MeOut,
    RoleIn,
    RoleOut,
    TokenCreatedOut,
    TokenIn,
    TokenOut,
    UserIn,
    UserList,
    UserOut,
    UserPatch,
)

router = Router(tags=["access"], auth=AUTH)


def _token(token: ApiToken) -> dict[str, Any]:
    return {
        "id": str(token.pk),
        "name": token.name,
        "prefix": token.prefix,
        "role": token.role_assignment.role,
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@router.get("/me", response={200: MeOut, **ERRORS})
def me(request: HttpRequest) -> Any:
    """Who the caller is, and in which roles (only the token's role for a token)."""
    actor = actor_of(request)
    policies.require(actor, policies.can_view_own_account)
    assert actor.user is not None
    return {
        "username": actor.user.username,
        "full_name": actor.user.full_name,
        "roles": [
            {
                "id": a.pk,
                "role": a.role,
                "role_name": str(a.get_role_display()),
                "unit": a.unit_label(),
            }
            for a in actor.assignments
        ],
        "via_token": actor.token is not None,
    }


@router.get("/tokens", response={200: list[TokenOut], **ERRORS})
def list_tokens(request: HttpRequest) -> Any:
    actor = actor_of(request)
    policies.require(actor, policies.can_view_own_account)
    return [_token(t) for t in selectors.tokens_of(actor=actor)]


@router.post("/tokens", response={201: TokenCreatedOut, **ERRORS})
def create_token(request: HttpRequest, payload: TokenIn) -> Any:
    """Issue a token for one of the caller's roles. Needs a session: a token cannot mint
    tokens."""
    token, secret = services.api_token_create(
        actor=actor_of(request),
        name=payload.name,
        role_assignment_id=payload.role_assignment,
        valid_days=payload.valid_days,
    )
    return Status(201, {**_token(token), "token": secret})


@router.delete("/tokens/{token_id}", response={200: TokenOut, **ERRORS})
def revoke_token(request: HttpRequest, token_id: RecordId) -> Any:
    actor = actor_of(request)
    token = services.api_token_revoke(actor=actor, token=selectors.token(token_id=token_id))
    return _token(token)


def _role(assignment: RoleAssignment) -> dict[str, Any]:
    return {
        "id": assignment.pk,
        "role": assignment.role,
        "role_name": str(assignment.get_role_display()),
        "unit": assignment.unit_label(),
    }


def _user(found: User) -> dict[str, Any]:
    return {
        "id": str(found.pk),
        "username": found.username,
        "full_name": found.full_name,
        "is_active": found.is_active,
        "employee_object_id": found.employee_object_id,
        "roles": [_role(a) for a in found.role_assignments.all() if a.is_active],
    }


@router.get("/users", response={200: UserList, **ERRORS})
def list_users(request: HttpRequest, paging: Query[PageParams], q: str = "") -> Any:
    """Users and their roles, for administrators."""
    policies.require(actor_of(request), policies.can_manage_users)
    page = paginate(selectors.users(query=q), page=paging.page, page_size=paging.page_size)
    return {"items": [_user(u) for u in page.items], "count": page.count}


@router.post("/users", response={201: UserOut, **ERRORS})
def create_user(request: HttpRequest, payload: UserIn) -> Any:
    created = services.user_create(
        actor=actor_of(request),
        username=payload.username,
        full_name=payload.full_name,
        email=payload.email,
        password=payload.password,
    )
    return Status(201, _user(selectors.user(str(created.pk))))


@router.patch("/users/{user_id}", response={200: UserOut, **ERRORS})
def update_user(request: HttpRequest, user_id: RecordId, payload: UserPatch) -> Any:
    """Deactivate or reactivate a user (users are never deleted), or set the object id their
    work-account login is found by."""
    actor = actor_of(request)
    policies.require(actor, policies.can_manage_users)
    found = selectors.user(user_id)
    with transaction.atomic():
        if payload.is_active is not None:
            services.user_set_active(actor=actor, user=found, is_active=payload.is_active)
        if payload.employee_object_id is not None:
            services.user_set_employee_object_id(
                actor=actor, user=found, object_id=payload.employee_object_id
            )
    return _user(selectors.user(user_id))


def _units(payload: RoleIn) -> dict[str, object]:
    """The organisation units named in the request, looked up in the registry."""
    found: dict[str, object] = {}
    for name in units.REGISTRY_UNITS:
        key = getattr(payload, name)
        if key:
            found[name] = units.find(name, key)
    if payload.partner_service:
        found["partner_service"] = payload.partner_service
    if payload.organisation_number:
        found["organisation_number"] = payload.organisation_number
    return found


@router.post("/users/{user_id}/roles", response={201: RoleOut, **ERRORS})
def assign_role(request: HttpRequest, user_id: RecordId, payload: RoleIn) -> Any:
    """Give a user a role bound to its unit: an office for caseworkers, approvers and office
    managers, an IW centre for IW advisors, and so on. A missing or wrong unit is 422."""
    actor = actor_of(request)
    policies.require(actor, policies.can_manage_users)
    assignment = services.role_assign(
        actor=actor, user=selectors.user(user_id), role=payload.role, **_units(payload)
    )
    return Status(201, _role(assignment))


@router.delete("/users/{user_id}/roles/{assignment_id}", response={200: RoleOut, **ERRORS})
def revoke_role(request: HttpRequest, user_id: RecordId, assignment_id: int) -> Any:
    actor = actor_of(request)
    policies.require(actor, policies.can_manage_users)
    found = selectors.role_assignment(selectors.user(user_id), assignment_id)
    return _role(services.role_revoke(actor=actor, assignment=found))
