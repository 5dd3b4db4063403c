"""The cooperation's action plan: its sub-themes under the three themes, and the
deliveries from the IW centre."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import DomainError
from velferd.core.validation import MAX_TEXT, invalid, required_text

from .. import lifecycles
from ..models import (
    Cooperation,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    PlanTheme,
    SubTheme,
    SubThemeStatus,
)
from .changes import audited_change
from .choices import choice
from .cooperations import require_open


def sub_theme_date_refusals(
    starts_on: datetime.date | None, ends_on: datetime.date | None
) -> list[DomainError]:
    """Every refusal of a sub-theme's dates at once: a missing start, a missing end, an end
    before the start (the page names them with the form's other mistakes)."""
    refusals = []
    if starts_on is None:
        refusals.append(
            invalid(
                "starts_on_required",
                "starts_on",
                "Startdato mangler.",
                "The start date is missing.",
            )
        )
    if ends_on is None:
        refusals.append(
            invalid("ends_on_required", "ends_on", "Sluttdato mangler.", "The end date is missing.")
        )
    elif starts_on is not None and ends_on < starts_on:
        refusals.append(
            invalid(
                "ends_before_start",
                "ends_on",
                "Sluttdatoen kan ikke være før startdatoen.",
                "The end date cannot be before the start date.",
            )
        )
    return refusals


def _dates(
    starts_on: datetime.date | None, ends_on: datetime.date | None
) -> tuple[datetime.date, datetime.date]:
    refusals = sub_theme_date_refusals(starts_on, ends_on)
    if refusals:
        raise refusals[0]
    assert starts_on is not None and ends_on is not None
    return starts_on, ends_on


SUB_THEME_FIELDS = ("theme", "title", "goal", "starts_on", "ends_on", "status")


@transaction.atomic
def sub_theme_add(
    *,
    actor: Actor,
    cooperation: Cooperation,
    theme: str,
    title: str,
    goal: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
) -> SubTheme:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    require_open(cooperation)
    theme = choice(theme, PlanTheme, "theme", "tema", "theme")
    title = required_text(title, "title", "Undertemaet", "sub-theme", 200)
    goal = required_text(goal, "goal", "Målet", "goal")
    first, last = _dates(starts_on, ends_on)
    sub_theme = SubTheme.objects.create(
        cooperation=cooperation, theme=theme, title=title, goal=goal, starts_on=first, ends_on=last
    )
    audit.record(
        actor=actor,
        action="sub_theme.added",
        target=sub_theme,
        after=audit.snapshot(sub_theme, *SUB_THEME_FIELDS),
    )
    return sub_theme


@retried_atomic
def sub_theme_change(
    *,
    actor: Actor,
    sub_theme: SubTheme,
    version: int,
    theme: str | None = None,
    title: str | None = None,
    goal: str | None = None,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    status: str | None = None,
) -> SubTheme:
    """Change a sub-theme; a field left out (None) stays as it is. A status change follows
    lifecycles.SUB_THEME."""
    policies.require(actor, policies.can_advise_enterprise, sub_theme.cooperation.enterprise)
    with audited_change(
        actor,
        sub_theme,
        version=version,
        event="sub_theme.changed",
        fields=SUB_THEME_FIELDS,
        rows=SubTheme.objects.select_related("cooperation"),
    ) as sub_theme:
        require_open(sub_theme.cooperation)
        if theme is not None:
            sub_theme.theme = choice(theme, PlanTheme, "theme", "tema", "theme")
        if title is not None:
            sub_theme.title = required_text(title, "title", "Undertemaet", "sub-theme", 200)
        if goal is not None:
            sub_theme.goal = required_text(goal, "goal", "Målet", "goal")
        if starts_on is not None:
            sub_theme.starts_on = starts_on
        if ends_on is not None:
            sub_theme.ends_on = ends_on
        _dates(sub_theme.starts_on, sub_theme.ends_on)
        if status is not None and status != sub_theme.status:
            choice(status, SubThemeStatus, "status", "status", "status")
            lifecycles.SUB_THEME.require(sub_theme.status, status)
            sub_theme.status = status
    return sub_theme


DELIVERY_FIELDS = ("status", "deadline", "description")


def _deadline(deadline: datetime.date | None) -> datetime.date:
    if deadline is None:
        raise invalid("deadline_required", "deadline", "Frist mangler.", "The deadline is missing.")
    return deadline


@transaction.atomic
def delivery_add(
    *,
    actor: Actor,
    cooperation: Cooperation,
    kind: str,
    deadline: datetime.date | None,
    description: str = "",
) -> Delivery:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    require_open(cooperation)
    delivery = Delivery.objects.create(
        cooperation=cooperation,
        kind=choice(kind, DeliveryKind, "kind", "leveranse", "delivery"),
        deadline=_deadline(deadline),
        description=(description or "").strip()[:MAX_TEXT],
    )
    audit.record(
        actor=actor,
        action="delivery.added",
        target=delivery,
        after=audit.snapshot(delivery, "kind", "deadline", "status"),
    )
    return delivery


@retried_atomic
def delivery_change(
    *,
    actor: Actor,
    delivery: Delivery,
    version: int,
    status: str | None = None,
    deadline: datetime.date | None = None,
    description: str | None = None,
) -> Delivery:
    """Change a delivery's deadline or description, or mark it delivered or cancelled
    (lifecycles.DELIVERY)."""
    policies.require(actor, policies.can_advise_enterprise, delivery.cooperation.enterprise)
    with audited_change(
        actor,
        delivery,
        version=version,
        event="delivery.changed",
        fields=DELIVERY_FIELDS,
        rows=Delivery.objects.select_related("cooperation"),
    ) as delivery:
        require_open(delivery.cooperation)
        if deadline is not None:
            delivery.deadline = deadline
        if description is not None:
            delivery.description = description.strip()[:MAX_TEXT]
        if status is not None and status != delivery.status:
            choice(status, DeliveryStatus, "status", "status", "status")
            lifecycles.DELIVERY.require(delivery.status, status)
            delivery.status = status
            delivery.delivered_on = (
                timezone.localdate() if status == DeliveryStatus.DELIVERED else None
            )
    return delivery
