"""Log in and out, the user's own account and personal access tokens."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, post_form

from . import policies, selectors, services, units
from .oidc import config as oidc_config, sessions as oidc_sessions
from .oidc.logout import provider_logout_url
from .roles import PartnerService, Role


def _login_errors(form: Any) -> FormErrors:
    """The form pattern's errors of a login: a missing username or password, each beside its
    field, or a wrong pair named beside the username."""
    errors = FormErrors()
    if not form.is_bound or not form.errors:
        return errors
    if "username" in form.errors:
        errors.add(
            DomainError(
                code="username_required",
                field="username",
                message_nb="Skriv brukernavnet ditt.",
                message_en="Write your username.",
            )
        )
    if "password" in form.errors:
        errors.add(
            DomainError(
                code="password_required",
                field="password",
                message_nb="Skriv passordet ditt.",
                message_en="Write your password.",
            )
        )
    if not errors:
        errors.add(
            DomainError(
                code="wrong_login",
                field="username",
                message_nb="Brukernavnet eller passordet er feil.",
                message_en="The username or the password is wrong.",
            )
        )
    return errors


class LoginView(DjangoLoginView):
    template_name = "access/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        return {
            **context,
            "errors": _login_errors(context["form"]),
            "providers": oidc_config.providers(),
        }


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Log out here, and at the provider too when it logged the user in: otherwise the
    provider would log them straight back in."""
    at_provider = provider_logout_url(request)
    oidc_sessions.forget(request.session.session_key)
    logout(request)
    return redirect(at_provider) if at_provider else redirect("home")


@refusals_as_pages
def account(request: HttpRequest) -> HttpResponse:
    actor = selectors.actor_for_request(request)
    if not actor.is_authenticated:
        return redirect("login")
    return render(request, "access/account.html", {"assignments": actor.assignments})


def _valid_days(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DomainError(
            code="invalid_validity",
            field="valid_days",
            message_nb="Velg en gyldighet.",
            message_en="Choose a validity.",
        ) from None


def _role_assignment_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DomainError(
            code="role_required",
            field="role_assignment",
            message_nb="Velg en rolle.",
            message_en="Choose a role.",
        ) from None


@refusals_as_pages
def tokens(request: HttpRequest) -> HttpResponse:
    actor = selectors.actor_for_request(request)
    if not actor.is_authenticated:
        return redirect("login")
    policies.require(actor, policies.can_create_api_token)
    errors = FormErrors()
    context: dict[str, object] = {"errors": errors, "secret": None, "form": {}}
    if request.method == "POST":
        context["form"] = request.POST
        fields = _read_token(request.POST, errors)
        if not errors:
            try:
                token, secret = services.api_token_create(actor=actor, **fields)
                context.update(secret=secret, created=token, form={})
            except DomainError as error:
                errors.add(error)
    context["tokens"] = selectors.tokens_of(actor=actor)
    context["assignments"] = actor.assignments
    return render(request, "access/tokens.html", context, status=errors.status)


def _read_token(data: Any, errors: FormErrors) -> dict[str, Any]:
    """The token form's fields, each checked as the service will, every refusal kept. The
    token is made on this page, not after a redirect: its secret is shown this once."""
    valid_days = errors.check(_valid_days, data.get("valid_days", "90"))
    return {
        "name": errors.check(services.check_token_name, data.get("name", "")),
        "role_assignment_id": errors.check(_role_assignment_id, data.get("role_assignment", "")),
        "valid_days": (
            errors.check(services.check_token_validity, valid_days)
            if valid_days is not None
            else None
        ),
    }


@refusals_as_pages
@require_POST
def token_revoke(request: HttpRequest, token_id: str) -> HttpResponse:
    actor = selectors.actor_for_request(request)
    services.api_token_revoke(actor=actor, token=selectors.token(token_id=str(token_id)))
    messages.success(request, _("The token was revoked. It no longer works."))
    return redirect("tokens")


ROLE_FORM_FIELDS = frozenset(
    {
        "role",
        "office",
        "iw_centre",
        "municipality",
        "partner_service",
        "organisation_number",
        "department",
        "employee_object_id",
    }
)


def _form_errors(error: DomainError, shown_fields: frozenset[str]) -> dict[str, Any]:
    """Where a refusal is shown: beside its field if the form has it, else above the form.
    Refusals of access are not form errors: they become the error page."""
    if error.status in (401, 403):
        raise error
    beside_field = error.field in shown_fields
    return {
        "error": error if beside_field else None,
        "general_error": None if beside_field else error,
    }


@refusals_as_pages
def users(request: HttpRequest) -> HttpResponse:
    """Administrators: find users and create new ones."""
    actor = selectors.actor_for_request(request)
    policies.require(actor, policies.can_manage_users)
    query = request.GET.get("q", "")[:100]

    def show(errors: FormErrors) -> HttpResponse:
        context = {
            "errors": errors,
            "form": request.POST if errors else {},
            "query": query,
            "users": selectors.users(query=query)[:100],
        }
        return render(request, "access/users.html", context)

    def read(errors: FormErrors) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "username": request.POST.get("username", "")[:150],
            "full_name": request.POST.get("full_name", "")[:200],
            "email": request.POST.get("email", "")[:254],
            "password": request.POST.get("password") or None,
        }
        for refusal in services.user_create_refusals(**fields):
            errors.add(refusal)
        return fields

    return post_form(
        request,
        read=read,
        save=lambda fields: services.user_create(actor=actor, **fields),
        success=lambda created: reverse("user", args=[created.pk]),
        show=show,
        saved=_("The user was created. Give them a role."),
    )


def _units_from_form(data: Any) -> dict[str, object]:
    """The units named in the role form, looked up; an unknown one is refused beside its
    field."""
    found: dict[str, object] = {}
    for name in units.REGISTRY_UNITS:
        if data.get(name):
            try:
                found[name] = units.find(name, data[name].strip())
            except DomainError as error:
                error.field = name
                raise
    for name in ("partner_service", "organisation_number"):
        if data.get(name):
            found[name] = data[name].strip()
    return found


@refusals_as_pages
def user_detail(request: HttpRequest, user_id: str) -> HttpResponse:
    """Administrators: a user's roles, adding and revoking them, deactivating the user."""
    actor = selectors.actor_for_request(request)
    policies.require(actor, policies.can_manage_users)
    found = selectors.user(str(user_id))
    context: dict[str, Any] = {"error": None, "form": {}}
    status = 200
    if request.method == "POST":
        try:
            _apply_user_action(actor, found, request.POST)
        except DomainError as error:
            context.update(_form_errors(error, ROLE_FORM_FIELDS), form=request.POST)
            status = error.status
        else:
            return redirect("user", user_id=found.pk)
    context.update(
        shown_user=selectors.user(str(user_id)),
        roles=Role.choices,
        partner_services=PartnerService.choices,
        departments=units.every("department"),
    )
    return render(request, "access/user.html", context, status=status)


def _apply_user_action(actor: Any, found: Any, data: Any) -> None:
    action = data.get("action")
    if action == "assign":
        services.role_assign(
            actor=actor, user=found, role=data.get("role", ""), **_units_from_form(data)
        )
    elif action == "revoke":
        assignment = selectors.role_assignment(
            found, _role_assignment_id(data.get("assignment", ""))
        )
        services.role_revoke(actor=actor, assignment=assignment)
    elif action == "object_id":
        services.user_set_employee_object_id(
            actor=actor, user=found, object_id=data.get("employee_object_id", "")[:100]
        )
    elif action in ("activate", "deactivate"):
        services.user_set_active(actor=actor, user=found, is_active=action == "activate")
