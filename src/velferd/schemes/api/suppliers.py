"""Suppliers, their sub-units and contact persons. NAV's staff who work with schemes read
every supplier; supplier staff read their own, and change its units and contacts; scheme
managers register suppliers and change them. A supplier the caller may not see is 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import OrganisationNumber
from velferd.core.pagination import paginate

from .. import selectors, services
from ..models import Supplier, SupplierContact, SupplierUnit
from ..schemas import (
    ContactIn,
    ContactOut,
    KindFilter,
    SupplierIn,
    SupplierList,
    SupplierOut,
    SupplierPatch,
    UnitIn,
    UnitOut,
    VersionIn,
)
from .router import router

S = "/suppliers/{organisation_number}"


def _operation(name: str) -> str:
    return f"velferd_schemes_api_{name}"


def unit_out(unit: SupplierUnit) -> dict[str, Any]:
    return {
        "id": unit.pk,
        "organisation_number": unit.organisation_number,
        "name": unit.name,
        "street": unit.street,
        "postcode": unit.postcode,
        "place": unit.place,
        "municipality": unit.municipality_id,
        "municipality_name": unit.municipality.name,
    }


def contact_out(contact: SupplierContact) -> dict[str, Any]:
    return {
        "id": contact.pk,
        "name": contact.name,
        "title": contact.title,
        "email": contact.email,
        "phone": contact.phone,
    }


def supplier_out(supplier: Supplier) -> dict[str, Any]:
    supplier.refresh_from_db()
    return {
        "organisation_number": supplier.organisation_number,
        "name": supplier.name,
        "kind": supplier.kind,
        "is_active": supplier.is_active,
        "units": [unit_out(unit) for unit in selectors.units_of(supplier)],
        "contacts": [contact_out(contact) for contact in selectors.contacts_of(supplier)],
        "staff": selectors.staff_of(supplier),
        "version": supplier.version,
    }


def _supplier(request: HttpRequest, organisation_number: str) -> Supplier:
    return selectors.supplier_for(actor=actor_of(request), organisation_number=organisation_number)


@router.get(
    "/suppliers",
    response={200: SupplierList, **ERRORS},
    auth=AUTH,
    operation_id=_operation("list_suppliers"),
)
def list_suppliers(
    request: HttpRequest, paging: Query[PageParams], q: str = "", kind: KindFilter = ""
) -> Any:
    """NAV's staff: every supplier; supplier staff: their own. Search by name or
    organisation number, filter by kind."""
    found = selectors.suppliers_for(actor=actor_of(request), query=q, kind=kind)
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    fields = ("organisation_number", "name", "kind", "is_active")
    return {
        "items": [{f: getattr(s, f) for f in fields} for s in page.items],
        "count": page.count,
    }


@router.post(
    "/suppliers",
    response={201: SupplierOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("register_supplier"),
)
def register_supplier(request: HttpRequest, payload: SupplierIn) -> Any:
    supplier = services.supplier_register(actor=actor_of(request), **payload.dict())
    return Status(201, supplier_out(supplier))


@router.get(
    S, response={200: SupplierOut, **ERRORS}, auth=AUTH, operation_id=_operation("get_supplier")
)
def get_supplier(request: HttpRequest, organisation_number: OrganisationNumber) -> Any:
    return supplier_out(_supplier(request, organisation_number))


@router.patch(
    S, response={200: SupplierOut, **ERRORS}, auth=AUTH, operation_id=_operation("change_supplier")
)
def change_supplier(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: SupplierPatch
) -> Any:
    """Scheme managers. `version` is the supplier's as read; a stale one is 409."""
    data = payload.dict(exclude_unset=True)
    supplier = services.supplier_change(
        actor=actor_of(request), supplier=_supplier(request, organisation_number), **data
    )
    return supplier_out(supplier)


@router.post(
    f"{S}/units", response={201: UnitOut, **ERRORS}, auth=AUTH, operation_id=_operation("add_unit")
)
def add_unit(request: HttpRequest, organisation_number: OrganisationNumber, payload: UnitIn) -> Any:
    """Scheme managers and the supplier's own staff. `version` is the supplier's."""
    unit = services.unit_add(
        actor=actor_of(request), supplier=_supplier(request, organisation_number), **payload.dict()
    )
    return Status(201, unit_out(unit))


@router.put(
    f"{S}/units/{{unit_id}}",
    response={200: UnitOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("change_unit"),
)
def change_unit(
    request: HttpRequest, organisation_number: OrganisationNumber, unit_id: int, payload: UnitIn
) -> Any:
    unit = selectors.unit_of(_supplier(request, organisation_number), unit_id)
    changed = services.unit_change(actor=actor_of(request), unit=unit, **payload.dict())
    return unit_out(changed)


@router.delete(
    f"{S}/units/{{unit_id}}",
    response={204: None, **ERRORS},
    auth=AUTH,
    operation_id=_operation("remove_unit"),
)
def remove_unit(
    request: HttpRequest, organisation_number: OrganisationNumber, unit_id: int, payload: VersionIn
) -> Any:
    """`version` is the supplier's as read."""
    unit = selectors.unit_of(_supplier(request, organisation_number), unit_id)
    services.unit_remove(actor=actor_of(request), unit=unit, version=payload.version)
    return Status(204, None)


@router.post(
    f"{S}/contacts",
    response={201: ContactOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("add_contact"),
)
def add_contact(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: ContactIn
) -> Any:
    """Scheme managers and the supplier's own staff. `version` is the supplier's."""
    contact = services.contact_add(
        actor=actor_of(request), supplier=_supplier(request, organisation_number), **payload.dict()
    )
    return Status(201, contact_out(contact))


@router.put(
    f"{S}/contacts/{{contact_id}}",
    response={200: ContactOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("change_contact"),
)
def change_contact(
    request: HttpRequest,
    organisation_number: OrganisationNumber,
    contact_id: int,
    payload: ContactIn,
) -> Any:
    contact = selectors.contact_of(_supplier(request, organisation_number), contact_id)
    changed = services.contact_change(actor=actor_of(request), contact=contact, **payload.dict())
    return contact_out(changed)


@router.delete(
    f"{S}/contacts/{{contact_id}}",
    response={204: None, **ERRORS},
    auth=AUTH,
    operation_id=_operation("remove_contact"),
)
def remove_contact(
    request: HttpRequest,
    organisation_number: OrganisationNumber,
    contact_id: int,
    payload: VersionIn,
) -> Any:
    """`version` is the supplier's as read."""
    contact = selectors.contact_of(_supplier(request, organisation_number), contact_id)
    services.contact_remove(actor=actor_of(request), contact=contact, version=payload.version)
    return Status(204, None)
