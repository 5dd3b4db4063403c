"""The supplier pages: the list (NAV's staff who work with schemes), registering a supplier
and changing it (scheme managers), a supplier's page with its units, contacts and staff,
and the forms for a unit and a contact (scheme managers and the supplier's own staff)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import forbidden
from velferd.core.forms import FormErrors, checked, parse_version, post_form
from velferd.core.identifiers import validate_organisation_number
from velferd.core.pagination import paginate
from velferd.core.validation import required_text

from .. import selectors, services
from ..models import Supplier, SupplierKind
from ..services.suppliers import contact_fields, supplier_kind, unit_fields


@refusals_as_pages
def supplier_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if actor.roles == {"supplier"}:
        return redirect("schemes:supplier_mine")
    filters = {"q": request.GET.get("q", ""), "kind": request.GET.get("kind", "")}
    found = selectors.suppliers_for(actor=actor, query=filters["q"], kind=filters["kind"])
    page = paginate(found, page=pagination.page_number(request.GET.get("page")), clamp=True)
    return render(
        request,
        "schemes/supplier_list.html",
        {
            "page": page,
            "filters": filters,
            "kinds": SupplierKind.choices,
            "can_register": policies.can_register_supplier(actor),
        },
    )


@refusals_as_pages
def supplier_mine(request: HttpRequest) -> HttpResponse:
    """Min leverandør: the supplier staff member's own supplier."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    own = list(selectors.own_suppliers(actor=actor))
    if not own:
        raise forbidden()
    if len(own) == 1:
        return redirect("schemes:supplier", own[0].organisation_number)
    return render(request, "schemes/supplier_mine.html", {"suppliers": own})


@refusals_as_pages
def supplier(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.supplier_for(actor=actor, organisation_number=organisation_number)
    return render(
        request,
        "schemes/supplier.html",
        {
            "s": found,
            "units": selectors.units_of(found),
            "contacts": selectors.contacts_of(found),
            "staff": selectors.staff_of(found),
            "can_edit": policies.can_edit_supplier(actor, found),
            "can_edit_details": policies.can_edit_supplier_details(actor, found),
        },
    )


def _supplier_fields(data: Any, errors: FormErrors) -> dict[str, Any]:
    errors.check(required_text, data.get("name"), "name", "Navnet", "name", 200)
    errors.check(supplier_kind, data.get("kind", ""))
    return {"name": data.get("name", ""), "kind": data.get("kind", "")}


def _supplier_form(
    request: HttpRequest,
    read: Callable[[FormErrors], dict[str, Any]],
    save: Callable[[dict[str, Any]], Supplier],
    found: Supplier | None,
) -> HttpResponse:
    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "schemes/supplier_form.html",
            {"s": found, "errors": errors, "kinds": SupplierKind.choices, "form": request.POST},
        )

    return post_form(
        request,
        read=read,
        save=save,
        success=lambda saved: reverse("schemes:supplier", args=[saved.organisation_number]),
        show=show,
        saved=_("The supplier was saved."),
    )


@refusals_as_pages
def supplier_new(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_register_supplier)
    number = request.POST.get("organisation_number", "")

    def read(errors: FormErrors) -> dict[str, Any]:
        errors.check(validate_organisation_number, number)
        return _supplier_fields(request.POST, errors)

    return _supplier_form(
        request,
        read,
        lambda fields: services.supplier_register(
            actor=actor, organisation_number=number, **fields
        ),
        None,
    )


@refusals_as_pages
def supplier_edit(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.supplier_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_edit_supplier, found)

    def read(errors: FormErrors) -> dict[str, Any]:
        return {
            **_supplier_fields(request.POST, errors),
            "is_active": checked(request.POST, "is_active"),
        }

    return _supplier_form(
        request,
        read,
        lambda fields: services.supplier_change(
            actor=actor,
            supplier=found,
            version=parse_version(request.POST.get("version", "")),
            **fields,
        ),
        found,
    )


def _each(
    check: Callable[[dict[str, Any]], Any], data: Any, names: tuple[str, ...], errors: FormErrors
) -> None:
    """Every field's refusal at once: each field is checked on its own."""
    for name in names:
        errors.check(lambda field=name: check({**_filled(names), field: data.get(field, "")}))


def _filled(names: tuple[str, ...]) -> dict[str, str]:
    """Stand-ins that pass every check, so that one field is checked at a time."""
    good = {
        "name": "x",
        "street": "x",
        "postcode": "0150",
        "place": "x",
        "municipality": "0301",
        "email": "x@example.no",
        "title": "",
        "phone": "",
    }
    return {name: good[name] for name in names}


UNIT_NAMES = ("name", "street", "postcode", "place", "municipality")
CONTACT_NAMES = ("name", "title", "email", "phone")


def _detail_form(
    request: HttpRequest,
    found: Supplier,
    template: str,
    record: Any,
    read: Callable[[FormErrors], dict[str, Any]],
    save: Callable[[dict[str, Any]], Any],
) -> HttpResponse:
    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            template,
            {"s": found, "record": record, "errors": errors, "form": request.POST},
        )

    return post_form(
        request,
        read=read,
        save=save,
        success=lambda _saved: reverse("schemes:supplier", args=[found.organisation_number]),
        show=show,
        saved=_("The supplier was saved."),
    )


def _version(request: HttpRequest) -> int:
    return parse_version(request.POST.get("version", ""))


@refusals_as_pages
def unit_form(
    request: HttpRequest, organisation_number: str, unit_id: int | None = None
) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.supplier_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_edit_supplier_details, found)
    unit = selectors.unit_of(found, unit_id) if unit_id is not None else None
    if unit is not None and request.method == "POST" and "remove" in request.POST:
        return _remove(
            request,
            found,
            lambda: services.unit_remove(actor=actor, unit=unit, version=_version(request)),
        )
    number = request.POST.get("organisation_number", "")

    def read(errors: FormErrors) -> dict[str, Any]:
        errors.check(validate_organisation_number, number)
        _each(unit_fields, request.POST, UNIT_NAMES, errors)
        return {name: request.POST.get(name, "") for name in UNIT_NAMES}

    def save(fields: dict[str, Any]) -> Any:
        if unit is None:
            return services.unit_add(
                actor=actor,
                supplier=found,
                version=_version(request),
                organisation_number=number,
                **fields,
            )
        return services.unit_change(
            actor=actor, unit=unit, version=_version(request), organisation_number=number, **fields
        )

    return _detail_form(request, found, "schemes/supplier_unit_form.html", unit, read, save)


@refusals_as_pages
def contact_form(
    request: HttpRequest, organisation_number: str, contact_id: int | None = None
) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.supplier_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_edit_supplier_details, found)
    contact = selectors.contact_of(found, contact_id) if contact_id is not None else None
    if contact is not None and request.method == "POST" and "remove" in request.POST:
        return _remove(
            request,
            found,
            lambda: services.contact_remove(
                actor=actor, contact=contact, version=_version(request)
            ),
        )

    def read(errors: FormErrors) -> dict[str, Any]:
        _each(contact_fields, request.POST, CONTACT_NAMES, errors)
        return {name: request.POST.get(name, "") for name in CONTACT_NAMES}

    def save(fields: dict[str, Any]) -> Any:
        if contact is None:
            return services.contact_add(
                actor=actor, supplier=found, version=_version(request), **fields
            )
        return services.contact_change(
            actor=actor, contact=contact, version=_version(request), **fields
        )

    return _detail_form(request, found, "schemes/supplier_contact_form.html", contact, read, save)


def _remove(request: HttpRequest, found: Supplier, remove: Callable[[], None]) -> HttpResponse:
    from django.contrib import messages

    remove()
    messages.success(request, _("Removed."))
    return redirect("schemes:supplier", found.organisation_number)
