"""The cooperation's action plan: its themes with their sub-themes, and the deliveries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor

from ..models import (
    Cooperation,
    Delivery,
    PlanTheme,
    SubTheme,
)
from .lookups import as_int, unknown


@dataclass
class ThemePlan:
    theme: str
    label: str
    sub_themes: list[SubTheme]


def plan_of(cooperation: Cooperation) -> list[ThemePlan]:
    """The plan's three themes, each with its sub-themes (possibly none)."""
    by_theme: dict[str, list[SubTheme]] = {t: [] for t in PlanTheme.values}
    for sub_theme in cooperation.sub_themes.all():
        by_theme[sub_theme.theme].append(sub_theme)
    return [ThemePlan(t, str(PlanTheme(t).label), by_theme[t]) for t in PlanTheme.values]


def deliveries_of(cooperation: Cooperation) -> QuerySet[Delivery]:
    return cooperation.deliveries.all()


def sub_theme_for(*, actor: Actor, sub_theme_id: object) -> SubTheme:
    key = as_int(sub_theme_id)
    found = (
        SubTheme.objects.select_related("cooperation__enterprise").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise unknown(actor, "undertemaet", "the sub-theme")
    if not policies.can_view_cooperation(actor, found.cooperation.enterprise):
        raise unknown(actor, "undertemaet", "the sub-theme")
    return found


def delivery_for(*, actor: Actor, delivery_id: object) -> Delivery:
    key = as_int(delivery_id)
    found = (
        Delivery.objects.select_related("cooperation__enterprise").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise unknown(actor, "leveransen", "the delivery")
    if not policies.can_view_cooperation(actor, found.cooperation.enterprise):
        raise unknown(actor, "leveransen", "the delivery")
    return found
