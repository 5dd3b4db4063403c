"""Suppliers as far as the reader may see them: NAV's staff who work with schemes see
every supplier, supplier staff their own. A supplier the reader may not see answers as an
unknown one."""

from __future__ import annotations

from django.db.models import QuerySet

from velferd.access import policies, selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.policies.schemes import NAV_STAFF_ROLES
from velferd.access.roles import Role
from velferd.core.errors import forbidden, not_found

from ..models import Supplier, SupplierContact, SupplierKind, SupplierUnit


def _unknown(actor: Actor, number: str) -> Exception:
    if not actor.is_authenticated:
        return policies.not_authenticated()
    return not_found(f"leverandøren {number}", f"the supplier {number}")


def may_list_suppliers(actor: Actor) -> bool:
    return actor.has_role(*NAV_STAFF_ROLES, Role.SUPPLIER)


def suppliers_for(*, actor: Actor, query: str = "", kind: str = "") -> QuerySet[Supplier]:
    """The suppliers the reader may see, by name; searched by name or organisation number
    and filtered by kind."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if not may_list_suppliers(actor):
        raise forbidden()
    found = Supplier.objects.filter(policies.suppliers_visible(actor))
    if kind:
        if kind not in SupplierKind.values:
            raise not_found(f"typen «{kind}»", f"the kind “{kind}”", "kind")
        found = found.filter(kind=kind)
    query = query.strip()
    if query.isdigit():
        found = found.filter(organisation_number__startswith=query)
    elif query:
        found = found.filter(name__icontains=query)
    return found.order_by("name", "organisation_number")


def supplier_for(*, actor: Actor, organisation_number: str) -> Supplier:
    found = Supplier.objects.filter(organisation_number=organisation_number).first()
    if found is None or not policies.can_view_supplier(actor, found):
        raise _unknown(actor, organisation_number)
    return found


def supplier_on_record(organisation_number: str) -> Supplier | None:
    """The supplier with this number, active or not, for a write whose policy is checked by
    the caller (an agreement names its supplier)."""
    return Supplier.objects.filter(organisation_number=organisation_number).first()


def own_suppliers(*, actor: Actor) -> QuerySet[Supplier]:
    """The suppliers the supplier staff member represents."""
    return Supplier.objects.filter(policies.suppliers_represented(actor)).order_by("name")


def units_of(supplier: Supplier) -> QuerySet[SupplierUnit]:
    return supplier.units.select_related("municipality").order_by("name")


def contacts_of(supplier: Supplier) -> QuerySet[SupplierContact]:
    return supplier.contacts.order_by("name")


def unit_of(supplier: Supplier, unit_id: object) -> SupplierUnit:
    number = _as_id(unit_id)
    found = supplier.units.filter(pk=number).first() if number is not None else None
    if found is None:
        raise not_found(f"underenheten {unit_id}", f"the sub-unit {unit_id}")
    return found


def contact_of(supplier: Supplier, contact_id: object) -> SupplierContact:
    number = _as_id(contact_id)
    found = supplier.contacts.filter(pk=number).first() if number is not None else None
    if found is None:
        raise not_found(f"kontaktpersonen {contact_id}", f"the contact person {contact_id}")
    return found


def _as_id(value: object) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**62 else None


def staff_of(supplier: Supplier) -> list[str]:
    """The names of the users who hold the supplier role with its organisation number."""
    return access_selectors.names_in_role(
        Role.SUPPLIER, organisation_number=supplier.organisation_number
    )


def may_edit(actor: Actor, supplier: Supplier) -> bool:
    return policies.can_edit_supplier(actor, supplier)


def may_edit_details(actor: Actor, supplier: Supplier) -> bool:
    return policies.can_edit_supplier_details(actor, supplier)
