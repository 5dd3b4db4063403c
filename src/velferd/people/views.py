"""People pages: the staff's list and registration form, and the consents page, which the
caseworker recording a consent and the person (on their own pages, `velferd.citizen`) share."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.roles import PartnerService
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, checked, parse_date, post_form, post_or_show
from velferd.core.pagination import paginate
from velferd.core.validation import required_text

from . import selectors, services
from .models import AddressProtection
from .services import LANGUAGE_CODES


@refusals_as_pages
def person_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_list_persons)
    query = request.GET.get("q", "")[:100]
    page_number = pagination.page_number(request.GET.get("page"))
    page = paginate(
        selectors.persons_visible_to(actor=actor, query=query),
        page=page_number,
        page_size=50,
        clamp=True,
    )
    return render(
        request,
        "people/list.html",
        {
            "page": page,
            "query": query,
            "can_register": policies.can_register_person(actor),
        },
    )


def _children(data: Any) -> list[tuple[str, datetime.date]]:
    names = data.getlist("child_name")
    dates = data.getlist("child_birth_date")
    children = []
    for name, born in zip(names, dates, strict=False):
        day = parse_date(born, "children")
        if day is not None:
            children.append((name, day))
    return children


def _register(actor: Actor, data: Any) -> Any:
    return services.person_register(
        actor=actor,
        national_id=data.get("national_id", ""),
        birth_date=parse_date(data.get("birth_date", ""), "birth_date"),
        given_name=data.get("given_name", ""),
        family_name=data.get("family_name", ""),
        municipality_number=data.get("municipality", "").strip(),
        district=data.get("district", "").strip(),
        address_line=data.get("address_line", ""),
        postal_code=data.get("postal_code", ""),
        postal_town=data.get("postal_town", ""),
        address_protection=data.get("address_protection", "none"),
        is_office_employee=checked(data, "is_office_employee"),
        language=data.get("language", "nb"),
        needs_interpreter=checked(data, "needs_interpreter"),
        children=_children(data),
    )


@refusals_as_pages
def person_register(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_register_person)

    def show(error: DomainError | None) -> HttpResponse:
        typed = zip(
            request.POST.getlist("child_name"),
            request.POST.getlist("child_birth_date"),
            strict=False,
        )
        children = [(name, born) for name, born in typed if name or born]
        return render(
            request,
            "people/register.html",
            {
                "error": error,
                "form": request.POST or {},
                "children": children + [("", "")] * max(0, 3 - len(children)),
                "protections": AddressProtection.choices,
                "languages": sorted(LANGUAGE_CODES),
            },
        )

    return post_or_show(
        request,
        lambda: _register(actor, request.POST),
        lambda person: reverse("person", args=[person.pk]),
        show,
    )


# Consents, for the person and for the caseworker recording one -----------------------------


def consents_page(request: HttpRequest, actor: Actor, person: Any, back: str) -> HttpResponse:
    """A person's consents and the form to give one; `back` is where the page leads back to."""
    policies.require(actor, policies.can_manage_consents, person)

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "people/consents.html",
            {
                "person": person,
                "consents": selectors.consents_of(person),
                "errors": errors,
                "form": request.POST if errors else {},
                "services": [
                    (value, label)
                    for value, label in PartnerService.choices
                    if policies.can_record_consent(actor, person, value)
                ],
                "by_person": policies.is_the_person(actor, person),
                "back": back,
            },
        )

    return post_form(
        request,
        read=lambda errors: _read_consent(errors, request.POST),
        save=lambda fields: services.consent_give(actor=actor, person=person, **fields),
        success=lambda _: request.path,
        show=show,
        saved=_("The consent was recorded."),
    )


def _read_consent(errors: FormErrors, data: Any) -> dict[str, Any]:
    """The consent's fields; the purpose and the dates are checked before it is recorded."""
    errors.check(required_text, data.get("purpose"), "purpose", "Formålet", "purpose")
    starts_on = errors.check(parse_date, data.get("starts_on", ""), "starts_on")
    ends_on = errors.check(parse_date, data.get("ends_on", ""), "ends_on")
    if ends_on is None and not errors.get("ends_on"):
        errors.check(_missing, "ends_on")
    return {
        "partner_service": data.get("partner_service", ""),
        "purpose": data.get("purpose", ""),
        "document": data.get("document", ""),
        "starts_on": starts_on or datetime.date.today(),
        "ends_on": ends_on,
    }


def _missing(field: str) -> datetime.date:
    raise DomainError(
        code=f"{field}_required",
        field=field,
        message_nb="Sluttdato mangler.",
        message_en="The end date is missing.",
    )


@refusals_as_pages
def person_consents(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = selectors.person_for(
        actor=actor, person_id=person_id, purpose="follow_up", what="person.consents"
    )
    return consents_page(request, actor, person, reverse("person", args=[person.pk]))


@refusals_as_pages
@require_POST
def consent_withdraw(request: HttpRequest, consent_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    consent = selectors.consent_for(actor=actor, consent_id=consent_id)
    services.consent_withdraw(actor=actor, consent=consent)
    if policies.is_the_person(actor, consent.person):
        return redirect("my_consents")
    return redirect("person_consents", person_id=consent.person_id)
