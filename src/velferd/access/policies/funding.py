"""The schemes' money: budgets, commitments, monthly claims and payments.

Budgets and commitments are the county's scheme managers' (or national ones'). A claim is
seen by the scheme managers of its delivery's county and by the staff of the delivery's
supplier, who review and submit it; NAV's scheme managers attest it. The two-person rules
(a commitment is approved by someone other than its proposer, a payment attested by someone
other than the commitment's approver) are the services' own refusals, with their reasons.
The records these read: a budget's `county_id`; a commitment's and a claim's `delivery`
(its `county_id` and `supplier`). `via` is the path from the listed model to that record."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .schemes import (
    can_manage_schemes_in,
    counties_managed,
    represents_supplier,
    suppliers_represented,
)


def can_work_with_funding(actor: Actor) -> bool:
    """The funding pages' menu: scheme managers and supplier staff."""
    return actor.has_role(Role.SCHEME_MANAGER, Role.SUPPLIER)


def is_supplier_staff(actor: Actor) -> bool:
    """The supplier's own claims (entered where NAV calculates nothing): supplier staff."""
    return actor.has_role(Role.SUPPLIER)


def can_manage_funding(actor: Actor) -> bool:
    """Budgets, commitments, participation and payment files: scheme managers."""
    return actor.has_role(Role.SCHEME_MANAGER)


def can_manage_budget(actor: Actor, county_id: str) -> bool:
    return can_manage_schemes_in(actor, county_id)


def budgets_managed(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_manage_budget`; `via` leads to the budget."""
    if not actor.has_role(Role.SCHEME_MANAGER):
        return Q(pk__in=[])
    return counties_managed(actor, f"{via}county")


def can_manage_commitment(actor: Actor, commitment: Any) -> bool:
    return can_manage_schemes_in(actor, commitment.delivery.county_id)


def commitments_managed(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_manage_commitment`; `via` leads to the commitment."""
    if not actor.has_role(Role.SCHEME_MANAGER):
        return Q(pk__in=[])
    return counties_managed(actor, f"{via}delivery__county")


def can_manage_claim(actor: Actor, claim: Any) -> bool:
    """NAV's side of a claim: the scheme managers of its delivery's county."""
    return can_manage_schemes_in(actor, claim.delivery.county_id)


def claims_managed(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_manage_claim`; `via` leads to the claim."""
    if not actor.has_role(Role.SCHEME_MANAGER):
        return Q(pk__in=[])
    return counties_managed(actor, f"{via}delivery__county")


def can_submit_claim(actor: Actor, claim: Any) -> bool:
    """The supplier's side of a claim: the staff of the delivery's supplier."""
    return represents_supplier(actor, claim.delivery.supplier)


def claims_of_supplier(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_submit_claim`; `via` leads to the claim."""
    return suppliers_represented(actor, f"{via}delivery__supplier__")


def can_view_claim(actor: Actor, claim: Any) -> bool:
    return can_manage_claim(actor, claim) or can_submit_claim(actor, claim)


def claims_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_claim`."""
    return claims_managed(actor, via) | claims_of_supplier(actor, via)
