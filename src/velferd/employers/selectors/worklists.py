"""What an IW advisor and an employer representative start their day with: the advisor's
cooperations by status and the deliveries coming due in their county; the enterprises a
representative speaks for, with their surveys and applications. Built on the same list
filters as the lists and pages they lead to (`access/policies/employers.py`)."""

from __future__ import annotations

import datetime

from django.db.models import Count, QuerySet
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor

from ..models import (
    Cooperation,
    CooperationStatus,
    Delivery,
    DeliveryStatus,
    Enterprise,
    ExpertAssistance,
    Subsidy,
    Survey,
)
from .cooperations import current_cooperation_status

DELIVERIES_DUE_WITHIN_DAYS = 14


def cooperation_counts(*, actor: Actor) -> list[tuple[str, str, int]]:
    """(status, label, number) of the open and closed cooperations of the enterprises the
    advisor serves, one per status in the lifecycle's order; statuses with none left out."""
    counted = dict(
        Cooperation.objects.filter(policies.enterprises_advised(actor, "enterprise__"))
        .values_list("status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    return [
        (value, str(label), counted[value])
        for value, label in CooperationStatus.choices
        if counted.get(value)
    ]


def deliveries_due(
    *, actor: Actor, within_days: int = DELIVERIES_DUE_WITHIN_DAYS
) -> QuerySet[Delivery]:
    """Planned deliveries in the advisor's county due within `within_days` or overdue, the
    earliest deadline first."""
    until = timezone.localdate() + datetime.timedelta(days=within_days)
    return (
        Delivery.objects.filter(
            policies.enterprises_advised(actor, "cooperation__enterprise__"),
            status=DeliveryStatus.PLANNED,
            deadline__lte=until,
        )
        .select_related("cooperation__enterprise")
        .order_by("deadline", "pk")
    )


def represented_enterprises(*, actor: Actor) -> QuerySet[Enterprise]:
    """The enterprises the actor represents as an employer, with `cooperation_status` the
    status of the open (else the latest) cooperation."""
    return (
        Enterprise.objects.filter(policies.enterprises_represented(actor))
        .annotate(cooperation_status=current_cooperation_status("pk"))
        .order_by("name", "pk")
    )


def represented_surveys(*, actor: Actor) -> QuerySet[Survey]:
    """The surveys of the represented enterprises' cooperations, open ones first, with the
    number of answers in `answers`."""
    return (
        Survey.objects.filter(policies.enterprises_represented(actor, "cooperation__enterprise__"))
        .select_related("cooperation__enterprise")
        .annotate(answers=Count("responses"))
        .order_by("-status", "-created_at", "pk")
    )


def represented_subsidies(*, actor: Actor) -> QuerySet[Subsidy]:
    """The subsidy applications of the represented enterprises, newest first."""
    return (
        Subsidy.objects.filter(policies.enterprises_represented(actor, "enterprise__"))
        .select_related("enterprise")
        .order_by("-applied_on", "-pk")
    )


def represented_expert_assistance(*, actor: Actor) -> QuerySet[ExpertAssistance]:
    """The expert assistance applications of the represented enterprises, newest first."""
    return (
        ExpertAssistance.objects.filter(policies.enterprises_represented(actor, "enterprise__"))
        .select_related("enterprise")
        .order_by("-applied_on", "-pk")
    )
