"""Writes to users, role assignments and API tokens, each audited."""

from __future__ import annotations

import datetime
import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from velferd.audit import services as audit
from velferd.core.errors import DomainError, not_found
from velferd.core.identifiers import validate_organisation_number

from . import policies
from .actor import Actor
from .models import TOKEN_MAX_LIFETIME, ApiToken, RoleAssignment, User
from .roles import (
    ALL_UNIT_FIELDS,
    OPTIONAL_UNIT_FIELDS_BY_ROLE,
    UNIT_FIELDS_BY_ROLE,
    PartnerService,
    Role,
)
from .selectors import TOKEN_PREFIX, digest_of


@transaction.atomic
def _check_username(username: str) -> None:
    if not username:
        raise DomainError(
            code="username_required",
            field="username",
            message_nb="Brukernavn mangler.",
            message_en="The username is missing.",
        )
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(
            code="username_taken",
            field="username",
            status=409,
            message_nb=f"Brukernavnet «{username}» er i bruk.",
            message_en=f"The username “{username}” is taken.",
        )


def user_create_refusals(
    *, username: str, full_name: str, password: str | None, email: str = ""
) -> list[DomainError]:
    """Every refusal of a new user's fields at once (the page names them all), the checks
    `user_create` makes."""
    refusals = []
    user = User(username=username.strip(), full_name=full_name.strip(), email=email.strip())
    checks = [lambda: _check_username(user.username)]
    if password:
        checks.append(lambda: _check_password(password, user))
    for check in checks:
        try:
            check()
        except DomainError as refusal:
            refusals.append(refusal)
    return refusals


def user_create(
    *, actor: Actor, username: str, full_name: str, password: str | None, email: str = ""
) -> User:
    policies.require(actor, policies.can_manage_users)
    refusals = user_create_refusals(
        username=username, full_name=full_name, password=password, email=email
    )
    if refusals:
        raise refusals[0]
    user = User(username=username.strip(), full_name=full_name.strip(), email=email.strip())
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit.record(
        actor=actor,
        action="user.created",
        target=user,
        after=audit.snapshot(user, "username", "full_name", "email"),
    )
    return user


def _check_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        with translation.override("nb"):
            message_nb = " ".join(str(m) for m in error.messages)
        with translation.override("en"):
            message_en = " ".join(str(m) for m in error.messages)
        raise DomainError(
            code="weak_password", field="password", message_nb=message_nb, message_en=message_en
        ) from None


@transaction.atomic
def user_set_active(*, actor: Actor, user: User, is_active: bool) -> User:
    """Deactivate or reactivate a user. Users are never deleted: the audit trail names them."""
    policies.require(actor, policies.can_manage_users)
    if actor.user is not None and user.pk == actor.user.pk and not is_active:
        raise DomainError(
            code="cannot_deactivate_self",
            field="is_active",
            message_nb="Du kan ikke deaktivere deg selv.",
            message_en="You cannot deactivate yourself.",
        )
    if user.is_active != is_active:
        before = {"is_active": user.is_active}
        user.is_active = is_active
        user.save(update_fields=["is_active"])
        audit.record(
            actor=actor,
            action="user.activated" if is_active else "user.deactivated",
            target=user,
            before=before,
            after={"is_active": is_active},
        )
    return user


def _check_unit(role: str, units: dict[str, object]) -> None:
    needed = UNIT_FIELDS_BY_ROLE[role]
    missing = [name for name in needed if not units.get(name)]
    allowed = needed + OPTIONAL_UNIT_FIELDS_BY_ROLE.get(role, ())
    extra = [name for name in ALL_UNIT_FIELDS if name not in allowed and units.get(name)]
    if missing:
        raise DomainError(
            code="unit_required",
            field=missing[0],
            message_nb=f"Rollen må knyttes til en enhet ({', '.join(missing)}).",
            message_en=f"The role must be bound to its unit ({', '.join(missing)}).",
        )
    if extra:
        raise DomainError(
            code="unit_not_applicable",
            field=extra[0],
            message_nb=f"Rollen kan ikke knyttes til {', '.join(extra)}.",
            message_en=f"The role cannot be bound to {', '.join(extra)}.",
        )
    service = units.get("partner_service")
    if service and service not in PartnerService.values:
        raise DomainError(
            code="unknown_partner_service",
            field="partner_service",
            message_nb=f"Ukjent samarbeidstjeneste: {service}.",
            message_en=f"Unknown partner service: {service}.",
        )


@transaction.atomic
def role_assign(*, actor: Actor, user: User, role: str, **units: object) -> RoleAssignment:
    """Give a user a role bound to its unit (office, IW centre, department, …)."""
    policies.require(actor, policies.can_manage_users)
    if role not in Role.values:
        raise DomainError(
            code="unknown_role",
            field="role",
            message_nb=f"Ukjent rolle: {role}.",
            message_en=f"Unknown role: {role}.",
        )
    _check_unit(role, units)
    if units.get("organisation_number"):
        units["organisation_number"] = validate_organisation_number(
            str(units["organisation_number"])
        )
    if RoleAssignment.objects.filter(user=user, role=role, is_active=True, **units).exists():
        raise DomainError(
            code="role_already_held",
            field="role",
            status=409,
            message_nb="Brukeren har allerede denne rollen for denne enheten.",
            message_en="The user already holds this role for this unit.",
        )
    assignment = RoleAssignment.objects.create(user=user, role=role, **units)
    audit.record(
        actor=actor,
        action="role.assigned",
        target=assignment,
        after={"user": str(user.pk), "role": role, "unit": assignment.unit_label()},
    )
    return assignment


@transaction.atomic
def role_revoke(*, actor: Actor, assignment: RoleAssignment) -> RoleAssignment:
    policies.require(actor, policies.can_manage_users)
    assignment.is_active = False
    assignment.save(update_fields=["is_active", "updated_at"])
    audit.record(
        actor=actor,
        action="role.revoked",
        target=assignment,
        before={"is_active": True},
        after={"is_active": False},
    )
    return assignment


@transaction.atomic
def check_token_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 100:
        raise DomainError(
            code="invalid_token_name",
            field="name",
            message_nb="Gi nøkkelen et navn på 1–100 tegn.",
            message_en="Give the token a name of 1–100 characters.",
        )
    return name


def check_token_validity(valid_days: int | None) -> int:
    """1 to 365 days: a token that never expires is refused."""
    if valid_days is None or not 1 <= valid_days <= TOKEN_MAX_LIFETIME.days:
        raise DomainError(
            code="invalid_validity",
            field="valid_days",
            message_nb="Gyldighet må være mellom 1 og 365 dager.",
            message_en="Validity must be between 1 and 365 days.",
        )
    return valid_days


def api_token_create(
    *, actor: Actor, name: str, role_assignment_id: int, valid_days: int | None = 90
) -> tuple[ApiToken, str]:
    """Issue a token for one of the actor's own roles, valid for 1 to 365 days (a token
    that never expires is refused). Returns the token and its secret, which is shown this
    once and never stored."""
    policies.require(actor, policies.can_create_api_token)
    name = check_token_name(name)
    assignment = next((a for a in actor.assignments if a.pk == role_assignment_id), None)
    if assignment is None:
        raise DomainError(
            code="not_your_role",
            field="role_assignment",
            message_nb="Du kan bare lage nøkler for dine egne roller.",
            message_en="You can only create tokens for your own roles.",
            status=403,
        )
    valid_days = check_token_validity(valid_days)
    prefix = secrets.token_hex(4)
    whole = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    expires = timezone.now() + datetime.timedelta(days=valid_days)
    assert actor.user is not None
    token = ApiToken.objects.create(
        user=actor.user,
        role_assignment=assignment,
        name=name,
        prefix=prefix,
        digest=digest_of(whole),
        expires_at=expires,
    )
    audit.record(
        actor=actor,
        action="api_token.created",
        target=token,
        after={"name": name, "role": assignment.role, "prefix": prefix, "expires_at": expires},
    )
    return token, whole


@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken | None) -> ApiToken:
    if token is None:
        raise not_found("nøkkelen", "the token")
    if not policies.can_revoke_api_token(actor, token):
        raise not_found("nøkkelen", "the token")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        audit.record(
            actor=actor,
            action="api_token.revoked",
            target=token,
            after={"revoked_at": token.revoked_at},
        )
    return token


OBJECT_ID_MAX_LENGTH = 64


def check_employee_object_id(value: str) -> str:
    """An object id at the employer's identity provider (Entra's `oid`, a GUID): letters,
    digits and hyphens; empty clears it."""
    value = value.strip().lower()
    if len(value) > OBJECT_ID_MAX_LENGTH or not all(c.isalnum() or c == "-" for c in value):
        raise DomainError(
            code="invalid_object_id",
            field="employee_object_id",
            message_nb="Objekt-ID-en kan bare ha bokstaver, sifre og bindestreker (høyst 64).",
            message_en="The object id may hold only letters, digits and hyphens (at most 64).",
        )
    return value


@transaction.atomic
def user_set_employee_object_id(*, actor: Actor, user: User, object_id: str) -> User:
    """Let an employee log in with their work account: OpenID Connect finds them by this id
    alone (docs/architecture.md, "Login")."""
    policies.require(actor, policies.can_manage_users)
    value = check_employee_object_id(object_id) or None
    if value and User.objects.filter(employee_object_id=value).exclude(pk=user.pk).exists():
        raise DomainError(
            code="object_id_taken",
            field="employee_object_id",
            status=409,
            message_nb="En annen bruker har allerede denne objekt-ID-en.",
            message_en="Another user already has this object id.",
        )
    before = {"employee_object_id": user.employee_object_id}
    user.employee_object_id = value
    user.save(update_fields=["employee_object_id"])
    audit.record(
        actor=actor,
        action="user.object_id_set",
        target=user,
        before=before,
        after={"employee_object_id": value},
    )
    return user


@transaction.atomic
def citizen_user_create(*, actor: Actor, full_name: str) -> User:
    """A citizen's login, made at their first login with ID-porten: no password, the citizen
    role, named by a random id (never by the identity number)."""
    policies.require(actor, policies.can_manage_users)
    user = User(username=f"idporten-{secrets.token_hex(8)}", full_name=full_name)
    user.set_unusable_password()
    user.save()
    RoleAssignment.objects.create(user=user, role=Role.CITIZEN)
    audit.record(
        actor=actor,
        action="user.created_at_first_login",
        target=user,
        after=audit.snapshot(user, "username", "full_name"),
    )
    return user
