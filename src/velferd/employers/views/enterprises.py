"""The advisor's list of enterprises, the employer's own start page, the enterprise page,
registering and changing an enterprise and its contact person."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.access import policies, selectors as access_selectors
from velferd.access.policies import employers as employer_policies
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import FormErrors, checked, parse_version, post_form
from velferd.core.identifiers import validate_organisation_number
from velferd.core.pagination import paginate
from velferd.core.validation import required_text

from .. import selectors, services
from ..models import (
    CooperationStatus,
    Enterprise,
    Sector,
)
from ..services.choices import choice
from .enterprise_page import enterprise_page, post_on_enterprise_page


def _int(value: str, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(
            code="invalid_input",
            field=field,
            message_nb="Skriv et helt tall.",
            message_en="Write a whole number.",
        ) from None


def _deferrals_due(actor: Any) -> int:
    """How many of the advisor's deferred cooperations have reached their date."""
    if not employer_policies.can_list_deferred_cooperations(actor):
        return 0
    return selectors.deferred_cooperations(actor=actor, due=True).count()


@refusals_as_pages
def enterprise_list(request: HttpRequest) -> HttpResponse:
    """Virksomheter: the advisor's enterprises, searchable and filtered."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if actor.roles == {"employer"}:
        return redirect("employers:mine")
    filters = {
        "query": request.GET.get("q", ""),
        "municipality": request.GET.get("municipality", ""),
        "sector": request.GET.get("sector", ""),
        "status": request.GET.get("status", ""),
    }
    found = selectors.enterprises_visible_to(
        actor=actor,
        query=filters["query"],
        municipality=filters["municipality"],
        sector=filters["sector"],
        status=filters["status"],
    )
    page = paginate(found, page=pagination.page_number(request.GET.get("page")), clamp=True)
    return render(
        request,
        "employers/list.html",
        {
            "page": page,
            "filters": filters,
            "sectors": Sector.choices,
            "statuses": CooperationStatus.choices,
            "counties": selectors.counties_advised_by(actor),
            "deferrals_due": _deferrals_due(actor),
            "can_register": policies.can_register_enterprise(actor),
        },
    )


@refusals_as_pages
def mine(request: HttpRequest) -> HttpResponse:
    """The employer's own start page: their enterprise, its contact person, cooperation,
    plan and subsidies."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    own = list(selectors.own_enterprises(actor=actor))
    if not own:
        raise forbidden()
    if len(own) > 1:
        return render(request, "employers/mine.html", {"enterprises": own})
    return enterprise_page(request, actor, own[0])


@refusals_as_pages
def enterprise(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    return enterprise_page(request, actor, found)


def _enterprise_fields(data: Any, errors: FormErrors) -> dict[str, Any]:
    """The enterprise's fields, each checked here that can be before the service is asked."""
    errors.check(required_text, data.get("name"), "name", "Navnet", "name", 200)
    errors.check(choice, data.get("sector", ""), Sector, "sector", "sektor", "sector")
    return {
        "name": data.get("name", ""),
        "municipality_number": data.get("municipality", "").strip(),
        "industry_code": data.get("industry_code", ""),
        "sector": data.get("sector", ""),
        "employees": errors.check(_int, data.get("employees", ""), "employees"),
        "has_iw_agreement": checked(data, "has_iw_agreement"),
    }


def _enterprise_form(
    request: HttpRequest,
    read: Callable[[FormErrors], dict[str, Any]],
    save: Callable[[dict[str, Any]], Enterprise],
    context: dict[str, Any],
) -> HttpResponse:
    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "employers/enterprise_form.html",
            {**context, "errors": errors, "sectors": Sector.choices, "form": request.POST or {}},
        )

    return post_form(
        request,
        read=read,
        save=save,
        success=lambda saved: reverse("employers:enterprise", args=[saved.organisation_number]),
        show=show,
        saved=_("The enterprise was saved."),
    )


@refusals_as_pages
def enterprise_new(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_register_enterprise)
    number = request.POST.get("organisation_number", "").strip()

    def read(errors: FormErrors) -> dict[str, Any]:
        errors.check(validate_organisation_number, number)
        return _enterprise_fields(request.POST, errors)

    return _enterprise_form(
        request,
        read,
        lambda fields: services.enterprise_register(
            actor=actor, organisation_number=number, **fields
        ),
        {"e": None},
    )


@refusals_as_pages
def enterprise_edit(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_change_enterprise, found)
    return _enterprise_form(
        request,
        lambda errors: _enterprise_fields(request.POST, errors),
        lambda fields: services.enterprise_change(
            actor=actor,
            enterprise=found,
            version=parse_version(request.POST.get("version", "")),
            **fields,
        ),
        {"e": found},
    )


@refusals_as_pages
@require_POST
def contact_person(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_assign_contact_person, found)

    def assign() -> Any:
        try:
            person = access_selectors.active_user_named(request.POST.get("contact_person", ""))
        except DomainError as error:
            error.field = "contact_person"
            raise
        return services.enterprise_assign_contact_person(
            actor=actor,
            enterprise=found,
            contact_person=person,
            version=parse_version(request.POST.get("version", "")),
        )

    return post_on_enterprise_page(request, actor, found, "contact", assign, "contact")
