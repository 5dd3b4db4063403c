"""The delivery pages: the list (NAV's staff; supplier staff their own), a delivery's page
(the scheme manager starts, ends and cancels it there) and the caseworkers' delivery
catalogue: the deliveries the person's office may enrol in, by scheme type, free places and
start date."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import parse_date, parse_version
from velferd.core.pagination import paginate

from .. import lifecycles, selectors
from ..models import DeliveryStatus

CATALOGUE_PAGE_SIZE = 20


@refusals_as_pages
def delivery_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    filters = {
        "status": request.GET.get("status", ""),
        "scheme_type": request.GET.get("scheme_type", ""),
    }
    if filters["status"] not in DeliveryStatus.values:
        filters["status"] = ""
    found = selectors.deliveries_for(actor=actor, **filters)
    page = paginate(found, page=pagination.page_number(request.GET.get("page")), clamp=True)
    return render(
        request,
        "schemes/delivery_list.html",
        {
            "page": page,
            "filters": filters,
            "statuses": DeliveryStatus.choices,
            "scheme_types": selectors.scheme_types_with_deliveries(),
            "can_search": policies.can_search_delivery_catalogue(actor),
        },
    )


def _move(actor: Actor, delivery: Any, data: Any) -> None:
    move = lifecycles.DELIVERY.move(data.get("action") or "")
    given = {"reason": data.get("reason", "")} if "reason" in move.inputs else {}
    lifecycles.DELIVERY.service_for(move.name)(
        actor=actor, delivery=delivery, version=parse_version(data.get("version", "")), **given
    )


@refusals_as_pages
def delivery(request: HttpRequest, delivery_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.delivery_for(actor=actor, delivery_id=delivery_id)
    error = None
    if request.method == "POST":
        policies.require(actor, policies.can_manage_delivery, found)
        try:
            _move(actor, found, request.POST)
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
            found = selectors.delivery_for(actor=actor, delivery_id=delivery_id)
        else:
            return redirect("schemes:delivery", delivery_id=found.pk)
    return render(
        request,
        "schemes/delivery.html",
        {
            "d": found,
            "offices": selectors.offices_of(found),
            "can_manage": policies.can_manage_delivery(actor, found),
            "agreement_visible": policies.can_view_agreement(actor, found.agreement),
            "moves": [m.name for m in lifecycles.allowed(lifecycles.DELIVERY, found.status)],
            "error": error,
            "form": request.POST if error else {},
        },
        status=error.status if error else 200,
    )


def _catalogue_query(data: Any) -> selectors.CatalogueQuery:
    sort = data.get("sort", "starts_on")
    return selectors.CatalogueQuery(
        scheme_type=data.get("scheme_type", ""),
        office=data.get("office", ""),
        free_only=data.get("free") == "1",
        starts_from=parse_date(data.get("from", ""), "from"),
        sort=sort if sort in selectors.CATALOGUE_SORTS else "starts_on",
    )


@refusals_as_pages
def delivery_catalogue(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_search_delivery_catalogue)
    error, page, office = None, None, None
    try:
        office, found = selectors.delivery_catalogue(
            actor=actor, query=_catalogue_query(request.GET)
        )
        page = paginate(
            found.prefetch_related("offices"),
            page=pagination.page_number(request.GET.get("page")),
            page_size=CATALOGUE_PAGE_SIZE,
            clamp=True,
        )
    except DomainError as caught:
        if caught.status in (401, 403):
            raise
        error = caught
    own = selectors.own_office(actor)
    return render(
        request,
        "schemes/delivery_catalogue.html",
        {
            "page": page,
            "office": office,
            "filters": request.GET,
            "own_office": own,
            "offices": selectors.catalogue_offices(own),
            "scheme_types": selectors.scheme_types_with_deliveries(),
            "error": error,
        },
        status=error.status if error else 200,
    )
