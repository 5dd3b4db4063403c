"""Labour market schemes: the catalogue, suppliers, agreements and deliveries.

A scheme manager works for a county (bound to it) or for the whole country (bound to none).
Supplier staff are bound to their supplier by its organisation number. The records these
policies read: a supplier's `organisation_number`; an agreement's `supplier` and its
counties; a delivery's `supplier` and `county_id`. A list filter is a `Q` over the listed
model, with `via` the path from that model to the record the predicate reads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import OFFICE_ROLES, Role

NAV_STAFF_ROLES = (*OFFICE_ROLES, Role.SCHEME_MANAGER)


def is_national_scheme_manager(actor: Actor) -> bool:
    return any(a.county_id is None for a in actor.assignments_for(Role.SCHEME_MANAGER))


def scheme_counties(actor: Actor) -> set[str]:
    """The counties the actor manages schemes for (a national manager: see above)."""
    return {
        a.county_id for a in actor.assignments_for(Role.SCHEME_MANAGER) if a.county_id is not None
    }


def can_manage_schemes_in(actor: Actor, county_id: str) -> bool:
    """A scheme manager of the county, or a national one."""
    return is_national_scheme_manager(actor) or county_id in scheme_counties(actor)


def counties_managed(actor: Actor, via: str = "county") -> Q:
    """The list filter of `can_manage_schemes_in`: `via` is the path to the county ("pk"
    for counties themselves)."""
    if is_national_scheme_manager(actor):
        return Q()
    return Q(**{f"{via}__in": scheme_counties(actor)})


def can_create_agreement(actor: Actor, county_ids: Iterable[str]) -> bool:
    """A scheme manager of one of the counties the agreement is to cover, or a national one."""
    return any(can_manage_schemes_in(actor, county_id) for county_id in county_ids)


def can_list_agreements(actor: Actor) -> bool:
    """Scheme managers and supplier staff have a list of agreements (each sees the ones
    `agreements_visible` lets through)."""
    return actor.has_role(Role.SCHEME_MANAGER, Role.SUPPLIER)


def can_list_deliveries(actor: Actor) -> bool:
    """NAV's staff who work with schemes, and supplier staff (their own deliveries)."""
    return actor.has_role(*NAV_STAFF_ROLES, Role.SUPPLIER)


def can_search_delivery_catalogue(actor: Actor) -> bool:
    """The caseworkers' delivery catalogue: the office roles, who find places for people."""
    return actor.has_role(*OFFICE_ROLES)


def can_edit_catalogue(actor: Actor) -> bool:
    return actor.has_role(Role.SCHEME_MANAGER)


def can_view_catalogue(actor: Actor) -> bool:
    """The catalogue of scheme types is what NAV offers: anyone logged in reads it."""
    return actor.is_authenticated


def supplier_organisation_numbers(actor: Actor) -> set[str]:
    return {
        a.organisation_number for a in actor.assignments_for(Role.SUPPLIER) if a.organisation_number
    }


def represents_supplier(actor: Actor, supplier: Any) -> bool:
    return supplier.organisation_number in supplier_organisation_numbers(actor)


def suppliers_represented(actor: Actor, via: str = "") -> Q:
    """The list filter of `represents_supplier`: `via` leads to the supplier ("" for
    suppliers, "supplier__" for their agreements and deliveries)."""
    return Q(**{f"{via}organisation_number__in": supplier_organisation_numbers(actor)})


def can_register_supplier(actor: Actor) -> bool:
    return actor.has_role(Role.SCHEME_MANAGER)


def can_view_supplier(actor: Actor, supplier: Any) -> bool:
    """NAV's staff who work with schemes see every supplier; supplier staff their own."""
    return actor.has_role(*NAV_STAFF_ROLES) or represents_supplier(actor, supplier)


def suppliers_visible(actor: Actor, via: str = "") -> Q:
    if actor.has_role(*NAV_STAFF_ROLES):
        return Q()
    return suppliers_represented(actor, via)


def can_edit_supplier(actor: Actor, supplier: Any) -> bool:
    """The supplier's own facts (name, kind, whether active): the scheme managers."""
    return actor.has_role(Role.SCHEME_MANAGER)


def can_edit_supplier_details(actor: Actor, supplier: Any) -> bool:
    """The supplier's sub-units and contact persons: the scheme managers and the
    supplier's own staff."""
    return actor.has_role(Role.SCHEME_MANAGER) or represents_supplier(actor, supplier)


def can_view_agreement(actor: Actor, agreement: Any) -> bool:
    """The scheme managers of a county the agreement covers (or national ones) and the
    supplier's own staff."""
    county_ids = {county.pk for county in agreement.counties.all()}
    return (
        is_national_scheme_manager(actor)
        or bool(county_ids & scheme_counties(actor))
        or represents_supplier(actor, agreement.supplier)
    )


def agreements_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_agreement`; `via` leads to the agreement. It joins the
    agreement's counties: take `.distinct()` on the list."""
    if is_national_scheme_manager(actor):
        return Q()
    return Q(**{f"{via}counties__in": scheme_counties(actor)}) | suppliers_represented(
        actor, f"{via}supplier__"
    )


def can_manage_agreement(actor: Actor, agreement: Any) -> bool:
    """The scheme managers of a county the agreement covers, or national ones."""
    county_ids = {county.pk for county in agreement.counties.all()}
    return is_national_scheme_manager(actor) or bool(county_ids & scheme_counties(actor))


def can_view_delivery(actor: Actor, delivery: Any) -> bool:
    """Caseworkers, approvers and office managers see every delivery (they find places for
    people in them); scheme managers too; supplier staff see their own."""
    return actor.has_role(*NAV_STAFF_ROLES) or represents_supplier(actor, delivery.supplier)


def deliveries_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_delivery`; `via` leads to the delivery."""
    if actor.has_role(*NAV_STAFF_ROLES):
        return Q()
    return suppliers_represented(actor, f"{via}supplier__")


def can_manage_delivery(actor: Actor, delivery: Any) -> bool:
    return can_manage_schemes_in(actor, delivery.county_id)
