"""The caller's own account and personal access tokens."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.core.api import AUTH, ERRORS, actor_of

from . import policies, selectors, services
from .models import ApiToken
from .schemas import MeOut, TokenCreatedOut, TokenIn, TokenOut

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
    policies.require(actor, "view_own_account")
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
    policies.require(actor, "view_own_account")
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
def revoke_token(request: HttpRequest, token_id: str) -> Any:
    actor = actor_of(request)
    token = services.api_token_revoke(actor=actor, token=selectors.token(token_id=token_id))
    return _token(token)
