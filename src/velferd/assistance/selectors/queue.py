"""The office's queue of applications for its municipal caseworkers: the open ones (new,
waiting for documentation, ready for decision), emergencies first, then the oldest first,
a filter per state, and how many there are in each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import forbidden
from velferd.core.pagination import paginate

from ..models import Application
from ..services.casework import OPEN_STATUSES

PAGE_SIZE = 50
PURPOSE = "financial_assistance"


@dataclass(frozen=True)
class Queue:
    office: Any
    status: str
    rows: list[Application]
    counts: dict[str, int]
    page: int
    pages: int
    count: int

    @property
    def per_status(self) -> list[tuple[str, int]]:
        return list(self.counts.items())

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _open_at(actor: Actor, office: Any) -> QuerySet[Application]:
    return Application.objects.filter(
        policies.applications_decidable(actor),
        office=office,
        status__in=OPEN_STATUSES,
    )


def queue(
    actor: Actor, office: Any, status: str = "", page: int = 1, *, clamp: bool = False
) -> Queue:
    """A page of the office's queue (of one state, or of all open ones); the read of the
    applicants shown is logged."""
    if not policies.allows(actor, policies.can_view_assistance_queue, office):
        raise forbidden()
    rows = _open_at(actor, office)
    counts = dict(
        rows.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    if status in OPEN_STATUSES:
        rows = rows.filter(status=status)
    ordered = rows.select_related("person").order_by("-emergency", "submitted_at", "pk")
    found = paginate(ordered, page=page, page_size=PAGE_SIZE, clamp=clamp)
    shown = list(found.items)
    audit.log_access_many(
        actor=actor,
        subjects=[row.person for row in shown],
        what="assistance_queue",
        purpose=PURPOSE,
    )
    return Queue(
        office=office,
        status=status if status in OPEN_STATUSES else "",
        rows=shown,
        counts={s: counts.get(s, 0) for s in OPEN_STATUSES},
        page=found.page,
        pages=found.pages,
        count=found.count,
    )
