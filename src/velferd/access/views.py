"""Log in and out, the user's own account and personal access tokens."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError

from . import policies, selectors, services


class LoginView(DjangoLoginView):
    template_name = "access/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "oidc_enabled": settings.VELFERD_OIDC_ENABLED}


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("home")


@refusals_as_pages
def account(request: HttpRequest) -> HttpResponse:
    actor = selectors.actor_for_request(request)
    if not actor.is_authenticated:
        return redirect("login")
    return render(request, "access/account.html", {"assignments": actor.assignments})


def _valid_days(value: str) -> int | None:
    if value == "never":
        return None
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
    policies.require(actor, "create_api_token")
    context: dict[str, object] = {"error": None, "secret": None, "form": {}}
    status = 200
    if request.method == "POST":
        context["form"] = request.POST
        try:
            token, secret = services.api_token_create(
                actor=actor,
                name=request.POST.get("name", ""),
                role_assignment_id=_role_assignment_id(request.POST.get("role_assignment", "")),
                valid_days=_valid_days(request.POST.get("valid_days", "90")),
            )
            context.update(secret=secret, created=token, form={})
        except DomainError as error:
            context["error"] = error
            status = error.status
    context["tokens"] = selectors.tokens_of(actor=actor)
    context["assignments"] = actor.assignments
    return render(request, "access/tokens.html", context, status=status)


@refusals_as_pages
@require_POST
def token_revoke(request: HttpRequest, token_id: str) -> HttpResponse:
    actor = selectors.actor_for_request(request)
    services.api_token_revoke(actor=actor, token=selectors.token(token_id=str(token_id)))
    messages.success(request, _("The token was revoked. It no longer works."))
    return redirect("tokens")
