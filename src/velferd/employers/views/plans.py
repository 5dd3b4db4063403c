"""The action plan: sub-themes and deliveries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, parse_date, parse_version, post_form
from velferd.core.validation import required_text

from .. import selectors, services
from ..models import (
    PlanTheme,
    SubThemeStatus,
)
from ..services.choices import choice
from .enterprise_page import post_on_enterprise_page


def _sub_theme_fields(data: Any, errors: FormErrors) -> dict[str, Any]:
    """The sub-theme's fields, each checked as the service will before it is asked."""
    errors.check(choice, data.get("theme", ""), PlanTheme, "theme", "tema", "theme")
    errors.check(required_text, data.get("title"), "title", "Undertemaet", "sub-theme", 200)
    errors.check(required_text, data.get("goal"), "goal", "Målet", "goal")
    starts_on = errors.check(parse_date, data.get("starts_on", ""), "starts_on")
    ends_on = errors.check(parse_date, data.get("ends_on", ""), "ends_on")
    # The service's rules for the dates, named with the rest (a date written wrong is
    # named once, as written wrong).
    for refusal in services.sub_theme_date_refusals(starts_on, ends_on):
        if refusal.field is None or errors.get(refusal.field) is None:
            errors.add(refusal)
    return {
        "theme": data.get("theme", ""),
        "title": data.get("title", ""),
        "goal": data.get("goal", ""),
        "starts_on": starts_on,
        "ends_on": ends_on,
    }


def _sub_theme_form(
    request: HttpRequest,
    cooperation: Any,
    sub_theme: Any,
    save: Callable[[dict[str, Any]], Any],
) -> HttpResponse:
    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "employers/sub_theme_form.html",
            {
                "cooperation": cooperation,
                "s": sub_theme,
                "themes": PlanTheme.choices,
                "statuses": SubThemeStatus.choices,
                "errors": errors,
                "form": request.POST or {},
            },
        )

    page = reverse("employers:enterprise", args=[cooperation.enterprise.organisation_number])
    return post_form(
        request,
        read=lambda errors: _sub_theme_fields(request.POST, errors),
        save=save,
        success=lambda _: f"{page}#plan",
        show=show,
        saved=_("The sub-theme was saved."),
    )


@refusals_as_pages
def sub_theme_new(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    return _sub_theme_form(
        request,
        cooperation,
        None,
        lambda fields: services.sub_theme_add(actor=actor, cooperation=cooperation, **fields),
    )


@refusals_as_pages
def sub_theme_edit(request: HttpRequest, sub_theme_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    sub_theme = selectors.sub_theme_for(actor=actor, sub_theme_id=sub_theme_id)
    policies.require(actor, policies.can_advise_enterprise, sub_theme.cooperation.enterprise)
    return _sub_theme_form(
        request,
        sub_theme.cooperation,
        sub_theme,
        lambda fields: services.sub_theme_change(
            actor=actor,
            sub_theme=sub_theme,
            version=parse_version(request.POST.get("version", "")),
            status=request.POST.get("status") or None,
            **fields,
        ),
    )


@refusals_as_pages
@require_POST
def delivery_add(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    return post_on_enterprise_page(
        request,
        actor,
        cooperation.enterprise,
        "delivery",
        lambda: services.delivery_add(
            actor=actor,
            cooperation=cooperation,
            kind=request.POST.get("kind", ""),
            deadline=parse_date(request.POST.get("deadline", ""), "deadline"),
            description=request.POST.get("description", ""),
        ),
        "deliveries",
    )


@refusals_as_pages
@require_POST
def delivery_change(request: HttpRequest, delivery_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    delivery = selectors.delivery_for(actor=actor, delivery_id=delivery_id)
    enterprise = delivery.cooperation.enterprise
    policies.require(actor, policies.can_advise_enterprise, enterprise)
    return post_on_enterprise_page(
        request,
        actor,
        enterprise,
        f"delivery-{delivery.pk}",
        lambda: services.delivery_change(
            actor=actor,
            delivery=delivery,
            version=parse_version(request.POST.get("version", "")),
            status=request.POST.get("status", ""),
        ),
        "deliveries",
    )
