"""The deliveries whose places the enrolment of participants fills: read by the system's
own work (the nightly filling of waiting lists), with no reader to check."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, QuerySet

from ..models import Delivery, DeliveryStatus

OPEN = (DeliveryStatus.PLANNED, DeliveryStatus.RUNNING)


def deliveries_with_free_places(among: Any) -> list[Any]:
    """The ids of the deliveries among `among` (a query of delivery ids) that are planned or
    running with a free place: the waiting lists to fill."""
    return list(
        Delivery.objects.filter(pk__in=among, status__in=OPEN, places_taken__lt=F("places"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def delivery_by_id(delivery_id: Any) -> Delivery:
    """A delivery with its scheme type."""
    return Delivery.objects.select_related("scheme_type").get(pk=delivery_id)


def delivery_office_ids(delivery: Any) -> list[int]:
    """The offices whose caseworkers may enrol in the delivery."""
    return list(delivery.offices.values_list("pk", flat=True))


def deliveries_counted(condition: Q) -> QuerySet[Delivery]:
    """The deliveries an overview of places counts (a county's, an office's, all), not
    cancelled: aggregates only, so no reader to check here (the caller's policy does)."""
    return Delivery.objects.filter(condition).exclude(status=DeliveryStatus.CANCELLED)


__all__ = [
    "deliveries_counted",
    "deliveries_with_free_places",
    "delivery_by_id",
    "delivery_office_ids",
]
