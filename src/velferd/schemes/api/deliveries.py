"""Deliveries: the list and page of a delivery, creating one under an active agreement,
the moves of its lifecycle, and the caseworkers' delivery catalogue."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.pagination import paginate

from .. import lifecycles, selectors
from ..models import Delivery, DeliveryStatus, EnrolmentMode
from ..schemas_agreements import (
    CatalogueOut,
    CatalogueSort,
    DeliveryMove,
    DeliveryStatusFilter,
    SchemeDeliveryIn,
    SchemeDeliveryList,
    SchemeDeliveryOut,
    SchemeMoveIn,
    SchemeTypeFilter,
    UnitFilter,
)
from ..services import deliveries as services
from .agreements import operation
from .router import router


def delivery_out(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.pk,
        "number": delivery.number,
        "name": delivery.name,
        "agreement_id": delivery.agreement_id,
        "agreement_number": delivery.agreement.number,
        "scheme_type": delivery.scheme_type.code,
        "scheme_type_name": delivery.scheme_type.name,
        "supplier": delivery.supplier.organisation_number,
        "supplier_name": delivery.supplier.name,
        "county": delivery.county_id,
        "places": delivery.places,
        "places_taken": delivery.places_taken,
        "free_places": delivery.free_places,
        "starts_on": delivery.starts_on,
        "ends_on": delivery.ends_on,
        "enrolment_mode": delivery.enrolment_mode,
        "enrolment_mode_label": gettext(str(EnrolmentMode(delivery.enrolment_mode).label)),
        "status": delivery.status,
        "status_label": gettext(str(DeliveryStatus(delivery.status).label)),
        "status_reason": delivery.status_reason,
        "offices": sorted(o.unit_number for o in delivery.offices.all()),
        "version": delivery.version,
    }


def _delivery(request: HttpRequest, delivery_id: int) -> Delivery:
    return selectors.delivery_for(actor=actor_of(request), delivery_id=delivery_id)


@router.get(
    "/deliveries",
    response={200: SchemeDeliveryList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_deliveries"),
)
def list_deliveries(
    request: HttpRequest,
    paging: Query[PageParams],
    status: DeliveryStatusFilter = "",
    scheme_type: SchemeTypeFilter = "",
) -> Any:
    """NAV's staff: every delivery; supplier staff: their own."""
    found = selectors.deliveries_for(
        actor=actor_of(request), status=status, scheme_type=scheme_type
    ).prefetch_related("offices")
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [delivery_out(d) for d in page.items], "count": page.count}


@router.post(
    "/deliveries",
    response={201: SchemeDeliveryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("create_delivery"),
)
def create_delivery(request: HttpRequest, payload: SchemeDeliveryIn) -> Any:
    """A planned delivery under an active agreement, inside its period and areas."""
    actor = actor_of(request)
    delivery = services.delivery_create(
        actor=actor,
        agreement=selectors.agreement_for(actor=actor, agreement_id=payload.agreement_id),
        name=payload.name,
        places=payload.places,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        enrolment_mode=payload.enrolment_mode,
        offices=payload.offices,
        supplier_unit=payload.supplier_unit,
    )
    return Status(201, delivery_out(_delivery(request, delivery.pk)))


@router.get(
    "/deliveries/{delivery_id}",
    response={200: SchemeDeliveryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_delivery"),
)
def get_delivery(request: HttpRequest, delivery_id: int) -> Any:
    return delivery_out(_delivery(request, delivery_id))


@router.post(
    "/deliveries/{delivery_id}/moves/{move}",
    response={200: SchemeDeliveryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("move_delivery"),
)
def move_delivery(
    request: HttpRequest, delivery_id: int, move: DeliveryMove, payload: SchemeMoveIn
) -> Any:
    """start (while the agreement is active), end, cancel (with a reason)."""
    found = _delivery(request, delivery_id)
    chosen = lifecycles.DELIVERY.move(move)
    given = {"reason": payload.reason} if "reason" in chosen.inputs else {}
    lifecycles.DELIVERY.service_for(chosen.name)(
        actor=actor_of(request), delivery=found, version=payload.version, **given
    )
    return delivery_out(_delivery(request, delivery_id))


@router.get(
    "/delivery-catalogue",
    response={200: CatalogueOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("search_delivery_catalogue"),
)
def search_delivery_catalogue(
    request: HttpRequest,
    paging: Query[PageParams],
    scheme_type: SchemeTypeFilter = "",
    office: UnitFilter = "",
    free_only: bool = False,
    starts_from: datetime.date | None = None,
    sort: CatalogueSort = "starts_on",
) -> Any:
    """Caseworkers: the planned and running deliveries the person's office (by default the
    caseworker's own) may enrol in, by scheme type, free places and start date."""
    query = selectors.CatalogueQuery(
        scheme_type=scheme_type,
        office=office,
        free_only=free_only,
        starts_from=starts_from,
        sort=sort,
    )
    searched, found = selectors.delivery_catalogue(actor=actor_of(request), query=query)
    page = paginate(found.prefetch_related("offices"), page=paging.page, page_size=paging.page_size)
    return {
        "office": searched.unit_number,
        "items": [delivery_out(d) for d in page.items],
        "count": page.count,
    }
