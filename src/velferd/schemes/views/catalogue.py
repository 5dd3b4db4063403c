"""The catalogue pages: the list of scheme types, a type's page (citizens read the
description written for them; staff both descriptions and the rules) and the scheme
manager's form for a type's texts and rules."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, checked, parse_version, post_form
from velferd.core.readability import lix

from .. import selectors, services
from ..choices import NeedGroup
from ..models import ArrangedAs, PriceModel, SchemeType
from ..services.catalogue import TEXTS, check_ages, clean_changes


@refusals_as_pages
def catalogue(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    filters = {"q": request.GET.get("q", ""), "arranged_as": request.GET.get("arranged_as", "")}
    found = selectors.scheme_types_for(
        actor=actor, arranged_as=filters["arranged_as"], query=filters["q"]
    )
    return render(
        request,
        "schemes/catalogue.html",
        {
            "types": found,
            "filters": filters,
            "arrangements": ArrangedAs.choices,
            "staff": selectors.sees_staff_texts(actor),
        },
    )


@refusals_as_pages
def catalogue_type(request: HttpRequest, code: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.scheme_type_for(actor=actor, code=code)
    return render(
        request,
        "schemes/catalogue_type.html",
        {
            "t": found,
            "staff": selectors.sees_staff_texts(actor),
            "can_edit": selectors.may_edit_catalogue(actor),
            "lix": lix(found.for_citizens_nb),
            "lix_en": lix(found.for_citizens_en),
            "national_rates": found.national_rates.order_by("year"),
        },
    )


def _whole_number(value: str, field: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise DomainError(
            code="invalid_input",
            field=field,
            message_nb="Skriv et helt tall, eller la feltet stå tomt.",
            message_en="Write a whole number, or leave the field empty.",
        )
    return int(value)


def _values(found: SchemeType, form: Any) -> dict[str, Any]:
    """What the form's fields show: the answers sent, or else the type as it is."""
    fields = (*TEXTS, "min_age", "max_age", "max_duration_months")
    if form is None:
        return {**{f: getattr(found, f) for f in fields}, "is_active": found.is_active}
    return {**{f: form.get(f, "") for f in fields}, "is_active": checked(form, "is_active")}


def _read_type(data: Any, errors: FormErrors) -> dict[str, Any]:
    changes: dict[str, Any] = {field: data.get(field, "") for field in TEXTS}
    for field in ("min_age", "max_age", "max_duration_months"):
        changes[field] = errors.check(_whole_number, data.get(field, ""), field)
    changes["need_groups"] = data.getlist("need_groups")
    changes["price_models"] = data.getlist("price_models")
    changes["is_active"] = checked(data, "is_active")
    for field, value in changes.items():
        if errors.get(field) is None:
            errors.check(clean_changes, {field: value})
    errors.check(check_ages, changes["min_age"], changes["max_age"])
    return changes


@refusals_as_pages
def catalogue_edit(request: HttpRequest, code: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.scheme_type_for(actor=actor, code=code)
    policies.require(actor, policies.can_edit_catalogue)

    def show(errors: FormErrors) -> HttpResponse:
        form = request.POST or None
        text = form.get("for_citizens_nb", "") if form else found.for_citizens_nb
        return render(
            request,
            "schemes/catalogue_form.html",
            {
                "t": found,
                "form": form,
                "errors": errors,
                "need_groups": NeedGroup.choices,
                "price_models": PriceModel.choices,
                "chosen_groups": form.getlist("need_groups") if form else found.need_groups,
                "chosen_prices": form.getlist("price_models") if form else found.price_models,
                "lix": lix(text),
                "v": _values(found, form),
            },
        )

    def save(changes: dict[str, Any]) -> SchemeType:
        version = parse_version(request.POST.get("version", ""))
        return services.scheme_type_change(
            actor=actor, scheme_type=found, version=version, **changes
        )

    return post_form(
        request,
        read=lambda errors: _read_type(request.POST, errors),
        save=save,
        success=lambda saved: reverse("schemes:catalogue_type", args=[saved.code]),
        show=show,
        saved=_("The scheme type was saved."),
    )
