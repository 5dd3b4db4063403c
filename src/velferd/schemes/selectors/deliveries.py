"""Reading deliveries: the list and page of a delivery as far as the reader may see it, and
the caseworkers' delivery catalogue — the deliveries an office may enrol people in, found
by scheme type, free places and start date in one indexed query: DeliveryOffice's index
(office, scheme_type) finds the office's deliveries of the type (a few dozen at national
scale), which are then read by their primary key and filtered by status and free places
(docs/benchmarks.md, "Caseworkers' delivery catalogue")."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.roles import OFFICE_ROLES
from velferd.core.errors import not_found
from velferd.core.validation import invalid
from velferd.organisation.models import Office

from ..models import Delivery, DeliveryOffice, DeliveryStatus, EnrolmentMode, SchemeType

DELIVERY_RELATIONS = ("agreement", "scheme_type", "supplier", "supplier_unit", "county")
OPEN = (DeliveryStatus.PLANNED, DeliveryStatus.RUNNING)
CATALOGUE_SORTS = ("starts_on", "free_places")


def deliveries_for(
    *, actor: Actor, status: str = "", scheme_type: str = "", agreement_id: Any = None
) -> QuerySet[Delivery]:
    """The deliveries the actor sees, by status, scheme type (code) and agreement."""
    policies.require(actor, policies.can_list_deliveries)
    found = Delivery.objects.filter(policies.deliveries_visible(actor))
    if status:
        found = found.filter(status=status)
    if scheme_type:
        found = found.filter(scheme_type__code=scheme_type)
    if agreement_id is not None:
        found = found.filter(agreement_id=agreement_id)
    return found.select_related(*DELIVERY_RELATIONS).order_by("starts_on", "number")


def delivery_for(*, actor: Actor, delivery_id: Any) -> Delivery:
    found = Delivery.objects.select_related(*DELIVERY_RELATIONS).filter(pk=delivery_id).first()
    if found is None or not policies.can_view_delivery(actor, found):
        raise not_found(f"gjennomføring {delivery_id}", f"delivery {delivery_id}")
    return found


def deliveries_visible_of(actor: Actor, agreement: Any) -> QuerySet[Delivery]:
    """The deliveries under an agreement that the actor sees."""
    return (
        Delivery.objects.filter(policies.deliveries_visible(actor), agreement=agreement)
        .select_related(*DELIVERY_RELATIONS)
        .order_by("starts_on", "number")
    )


def offices_of(delivery: Delivery) -> list[Office]:
    return list(delivery.offices.order_by("name_nb"))


@dataclass(frozen=True)
class CatalogueQuery:
    """The caseworker's search: a scheme type (code, "" for all), the person's office (unit
    number, "" for the caseworker's own), only deliveries with free places, those starting
    on or after a date, sorted by start date or by free places (most first)."""

    scheme_type: str = ""
    office: str = ""
    free_only: bool = False
    starts_from: datetime.date | None = None
    sort: str = "starts_on"


def own_office(actor: Actor) -> Office | None:
    """The caseworker's office: the first office their office roles are bound to."""
    ids = sorted(actor.office_ids(*OFFICE_ROLES))
    return Office.objects.filter(pk=ids[0]).first() if ids else None


def _office(actor: Actor, unit_number: str) -> Office:
    if not unit_number:
        office = own_office(actor)
        if office is None:
            raise invalid(
                "office_required",
                "office",
                "Velg kontoret personen hører til.",
                "Choose the office the person belongs to.",
            )
        return office
    office = Office.objects.filter(unit_number=unit_number).first()
    if office is None:
        raise not_found(f"kontor {unit_number}", f"office {unit_number}", field="office")
    return office


def _scheme_type(code: str) -> SchemeType | None:
    if not code:
        return None
    found = SchemeType.objects.filter(code=code).first()
    if found is None:
        raise not_found(f"tiltakstype {code}", f"scheme type {code}", field="scheme_type")
    return found


def delivery_catalogue(*, actor: Actor, query: CatalogueQuery) -> tuple[Office, QuerySet[Any]]:
    """The planned and running deliveries the office may enrol in, by the query, with their
    free places; the office searched is returned with them."""
    policies.require(actor, policies.can_search_delivery_catalogue)
    if query.sort not in CATALOGUE_SORTS:
        raise invalid(
            "invalid_sort",
            "sort",
            "Sorter etter startdato eller ledige plasser.",
            "Sort by start date or by free places.",
        )
    office = _office(actor, query.office)
    enrolling = DeliveryOffice.objects.filter(office=office)
    scheme_type = _scheme_type(query.scheme_type)
    if scheme_type is not None:
        enrolling = enrolling.filter(scheme_type=scheme_type)
    found = Delivery.objects.filter(
        policies.deliveries_visible(actor),
        pk__in=enrolling.values("delivery_id"),
        status__in=OPEN,
    )
    if query.free_only:
        found = found.filter(places_taken__lt=F("places"))
    if query.starts_from is not None:
        found = found.filter(starts_on__gte=query.starts_from)
    found = found.annotate(free=F("places") - F("places_taken")).select_related(
        "agreement", "scheme_type", "supplier", "supplier_unit"
    )
    order = (
        ("starts_on", "number") if query.sort == "starts_on" else ("-free", "starts_on", "number")
    )
    return office, found.order_by(*order)


def catalogue_offices(own: Office | None) -> QuerySet[Office]:
    """The offices the catalogue's search offers: those of the caseworker's county (all
    offices when they have none)."""
    offices = Office.objects.filter(is_active=True).order_by("name_nb")
    return offices.filter(county_id=own.county_id) if own else offices


def delivery_status_choices() -> list[tuple[str, str]]:
    return [(str(v), str(label)) for v, label in DeliveryStatus.choices]


def enrolment_mode_choices() -> list[tuple[str, str]]:
    return [(str(v), str(label)) for v, label in EnrolmentMode.choices]


def scheme_types_with_deliveries() -> QuerySet[SchemeType]:
    """The scheme types the catalogue's search offers: those in use."""
    return SchemeType.objects.filter(is_active=True).order_by("name_nb")


__all__ = [
    "CATALOGUE_SORTS",
    "CatalogueQuery",
    "catalogue_offices",
    "deliveries_for",
    "deliveries_visible_of",
    "delivery_catalogue",
    "delivery_for",
    "delivery_status_choices",
    "enrolment_mode_choices",
    "offices_of",
    "own_office",
    "scheme_types_with_deliveries",
]
