"""The action plan: sub-themes and deliveries."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams

from .. import selectors, services
from ..models import Delivery, SubTheme
from ..schemas import (
    DeliveryIn,
    DeliveryList,
    DeliveryOut,
    DeliveryPatch,
    SubThemeIn,
    SubThemeList,
    SubThemeOut,
    SubThemePatch,
)
from .router import cooperation_of, operation, paged, router


def sub_theme_out(sub_theme: SubTheme) -> dict[str, Any]:
    return {
        "id": sub_theme.pk,
        "cooperation": sub_theme.cooperation_id,
        "theme": sub_theme.theme,
        "title": sub_theme.title,
        "goal": sub_theme.goal,
        "starts_on": sub_theme.starts_on,
        "ends_on": sub_theme.ends_on,
        "status": sub_theme.status,
        "version": sub_theme.version,
    }


def delivery_out(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.pk,
        "cooperation": delivery.cooperation_id,
        "kind": delivery.kind,
        "description": delivery.description,
        "deadline": delivery.deadline,
        "status": delivery.status,
        "delivered_on": delivery.delivered_on,
        "overdue": delivery.is_overdue,
        "version": delivery.version,
    }


@router.get(
    "/cooperations/{cooperation_id}/sub-themes",
    response={200: SubThemeList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_sub_themes"),
)
def list_sub_themes(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    cooperation = cooperation_of(request, cooperation_id)
    return paged(cooperation.sub_themes.all(), paging, sub_theme_out)


@router.post(
    "/cooperations/{cooperation_id}/sub-themes",
    response={201: SubThemeOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_sub_theme"),
)
def add_sub_theme(request: HttpRequest, cooperation_id: int, payload: SubThemeIn) -> Any:
    sub_theme = services.sub_theme_add(
        actor=actor_of(request),
        cooperation=cooperation_of(request, cooperation_id),
        **payload.dict(),
    )
    return Status(201, sub_theme_out(sub_theme))


@router.patch(
    "/sub-themes/{sub_theme_id}",
    response={200: SubThemeOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("change_sub_theme"),
)
def change_sub_theme(request: HttpRequest, sub_theme_id: int, payload: SubThemePatch) -> Any:
    actor = actor_of(request)
    sub_theme = selectors.sub_theme_for(actor=actor, sub_theme_id=sub_theme_id)
    return sub_theme_out(
        services.sub_theme_change(
            actor=actor, sub_theme=sub_theme, **payload.dict(exclude_unset=True)
        )
    )


@router.get(
    "/cooperations/{cooperation_id}/deliveries",
    response={200: DeliveryList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_deliveries"),
)
def list_deliveries(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    cooperation = cooperation_of(request, cooperation_id)
    return paged(selectors.deliveries_of(cooperation), paging, delivery_out)


@router.post(
    "/cooperations/{cooperation_id}/deliveries",
    response={201: DeliveryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_delivery"),
)
def add_delivery(request: HttpRequest, cooperation_id: int, payload: DeliveryIn) -> Any:
    delivery = services.delivery_add(
        actor=actor_of(request),
        cooperation=cooperation_of(request, cooperation_id),
        **payload.dict(),
    )
    return Status(201, delivery_out(delivery))


@router.patch(
    "/deliveries/{delivery_id}",
    response={200: DeliveryOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("change_delivery"),
)
def change_delivery(request: HttpRequest, delivery_id: int, payload: DeliveryPatch) -> Any:
    actor = actor_of(request)
    delivery = selectors.delivery_for(actor=actor, delivery_id=delivery_id)
    return delivery_out(
        services.delivery_change(actor=actor, delivery=delivery, **payload.dict(exclude_unset=True))
    )
