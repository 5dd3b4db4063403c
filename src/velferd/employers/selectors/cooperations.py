"""The IW cooperations with an enterprise, their event log, and what keeps one from being
completed."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.policies import employers as employer_policies

from ..models import (
    CLOSED_COOPERATION_STATUSES,
    UNFINISHED_SUB_THEME_STATUSES,
    Cooperation,
    CooperationEvent,
    CooperationStatus,
    DeliveryStatus,
    Enterprise,
    SurveyKind,
    SurveyStatus,
)
from .choices import NO_COOPERATION
from .lookups import as_int, refused, unknown


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


def deferred_cooperations(*, actor: Actor, due: bool = False) -> QuerySet[Cooperation]:
    """The deferred cooperations of the enterprises the advisor serves, the earliest date
    first; `due`: only those whose date has come, back for the advisor's assessment."""
    if not employer_policies.can_list_deferred_cooperations(actor):
        raise refused(actor)
    found = (
        Cooperation.objects.select_related("owner", "enterprise", "enterprise__municipality")
        .filter(status=CooperationStatus.DEFERRED)
        .filter(employer_policies.deferred_cooperations_visible(actor))
        .order_by("deferred_until", "pk")
    )
    if due:
        found = found.filter(deferred_until__lte=timezone.localdate())
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


# Other domains' lists by the cooperation of the enterprise on each row -----------------------
#
# `enterprise_ref` names the row's enterprise id ("enterprise_id" on a row that refers to
# the enterprise).


def current_cooperation_status(enterprise_ref: str = "enterprise_id") -> Subquery:
    """The status of the enterprise's open cooperation, else of its latest one."""
    return Subquery(
        Cooperation.objects.filter(enterprise_id=OuterRef(enterprise_ref))
        .order_by("-is_open", "-created_at", "-pk")
        .values("status")[:1]
    )


def with_cooperation_status(
    found: QuerySet[Any], status: str, enterprise_ref: str = "enterprise_id"
) -> QuerySet[Any]:
    """The rows whose enterprise's current cooperation has `status` (NO_COOPERATION: whose
    enterprise never had one). Written as (anti) semi-joins, so that the rows are not each
    asked for their latest cooperation: an open cooperation is the current one; a closed
    status counts only for enterprises without an open cooperation."""
    cooperations = Cooperation.objects.filter(enterprise_id=OuterRef(enterprise_ref))
    if status == NO_COOPERATION:
        return found.filter(~Exists(cooperations))
    if status not in CLOSED_COOPERATION_STATUSES:
        return found.filter(Exists(cooperations.filter(is_open=True, status=status)))
    return (
        found.filter(Exists(cooperations.filter(status=status)))
        .filter(~Exists(cooperations.filter(is_open=True)))
        .alias(current_status=current_cooperation_status(enterprise_ref))
        .filter(current_status=status)
    )


# The cooperations an IW centre serves or has served.
SERVED_STATUSES = (CooperationStatus.ACTIVE, CooperationStatus.COMPLETED)


def _moved_to(status: str) -> Subquery:
    """When the cooperation first moved to `status`, from its event log."""
    return Subquery(
        CooperationEvent.objects.filter(cooperation=OuterRef("pk"), to_status=status)
        .order_by("occurred_at")
        .values("occurred_at")[:1]
    )


def served_cooperations() -> Iterator[tuple[int, str, datetime.datetime, datetime.datetime | None]]:
    """Every cooperation an IW centre serves or has served (active or completed), the oldest
    first: its enterprise's id and county, when it became active and, for a completed one,
    when it was completed — from its event log, or when it has none (records loaded around
    the application) when it was created and when it was last changed."""
    cooperations = (
        Cooperation.objects.filter(status__in=SERVED_STATUSES)
        .annotate(
            started_at=Coalesce(_moved_to(CooperationStatus.ACTIVE), "created_at"),
            completed_at=Coalesce(_moved_to(CooperationStatus.COMPLETED), "updated_at"),
        )
        .order_by("created_at")
        .values_list(
            "enterprise_id", "enterprise__county_id", "status", "started_at", "completed_at"
        )
    )
    for enterprise, county, status, started_at, completed_at in cooperations:
        completed = completed_at if status == CooperationStatus.COMPLETED else None
        yield enterprise, county, started_at, completed
