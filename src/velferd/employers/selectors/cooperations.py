"""The IW cooperations with an enterprise, their event log, and what keeps one from being
completed."""

from __future__ import annotations

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor

from ..models import (
    UNFINISHED_SUB_THEME_STATUSES,
    Cooperation,
    CooperationEvent,
    DeliveryStatus,
    Enterprise,
    SurveyKind,
    SurveyStatus,
)
from .lookups import as_int, unknown


def open_cooperation(enterprise: Enterprise) -> Cooperation | None:
    return (
        Cooperation.objects.select_related("owner", "enterprise")
        .filter(enterprise=enterprise, is_open=True)
        .first()
    )


def cooperations_of(enterprise: Enterprise) -> QuerySet[Cooperation]:
    """Every cooperation with the enterprise, the open one first, then the latest."""
    return (
        Cooperation.objects.select_related("owner", "enterprise")
        .filter(enterprise=enterprise)
        .order_by("-is_open", "-id")
    )


def current_cooperation(enterprise: Enterprise) -> Cooperation | None:
    return cooperations_of(enterprise).first()


def cooperation_for(*, actor: Actor, cooperation_id: object) -> Cooperation:
    key = as_int(cooperation_id)
    found = (
        Cooperation.objects.select_related("owner", "enterprise", "enterprise__county")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    if found is None:
        raise unknown(actor, "samarbeidet", "the cooperation")
    if not policies.can_view_cooperation(actor, found.enterprise):
        raise unknown(actor, "samarbeidet", "the cooperation")
    return found


def events_of(cooperation: Cooperation) -> QuerySet[CooperationEvent]:
    return cooperation.events.select_related("actor")


def completion_blockers(cooperation: Cooperation) -> list[tuple[str, str]]:
    """What keeps a cooperation from being completed, in Norwegian and English; empty when
    it may be completed. A cooperation is unfinished while
    - no needs assessment survey has been closed, or one is still open for answers;
    - its plan has no sub-theme, or a sub-theme is still planned or ongoing;
    - a delivery is still planned (neither delivered nor cancelled)."""
    blockers = []
    needs = cooperation.surveys.filter(kind=SurveyKind.NEEDS_ASSESSMENT)
    if not needs.filter(status=SurveyStatus.CLOSED).exists():
        blockers.append(
            ("ingen behovsvurdering er avsluttet", "no needs assessment survey has been closed")
        )
    if needs.filter(status=SurveyStatus.OPEN).exists():
        blockers.append(
            ("en behovsvurdering er fortsatt åpen", "a needs assessment survey is still open")
        )
    sub_themes = cooperation.sub_themes
    if not sub_themes.exists():
        blockers.append(("planen har ingen undertemaer", "the plan has no sub-themes"))
    elif sub_themes.filter(status__in=UNFINISHED_SUB_THEME_STATUSES).exists():
        blockers.append(
            (
                "undertemaer i planen er fortsatt planlagt eller pågår",
                "sub-themes of the plan are still planned or ongoing",
            )
        )
    if cooperation.deliveries.filter(status=DeliveryStatus.PLANNED).exists():
        blockers.append(("leveranser er fortsatt planlagt", "deliveries are still planned"))
    return blockers
