"""The waiting list: places freed are offered to the first in line (selectors.waiting_list
has the order), one at a time as they free up, or many at once by the nightly
`velferd fill-places`; the caseworker sets the priority that puts a person with a
developmental disability first on a VTA waiting list."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.db.models import F
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic, run_retried
from velferd.core.validation import invalid
from velferd.schemes import selectors as schemes_selectors, services as schemes

from ..models import Participation, ParticipationStatus
from ..selectors.waiting_list import next_in_line, priority_counts
from .changes import changing


def offer_freed_places(actor: Actor, delivery: Any, exclude: Any = None) -> int:
    """Offer the delivery's free places to the first in line; returns how many were offered.
    Call it under the delivery's lock: the places offered are taken (held for the offered
    until confirmed or passed on)."""
    line = next_in_line(delivery)
    if exclude is not None:
        line = line.exclude(pk=exclude)
    first = list(line.values_list("pk", flat=True)[: max(_free(delivery.pk), 0)])
    if not first:
        return 0
    offered = schemes.take_places(delivery.pk, len(first))
    now = timezone.now()
    chosen = first[:offered]
    Participation.objects.filter(pk__in=chosen).update(
        offered_at=now, version=F("version") + 1, updated_at=now
    )
    for participation in Participation.objects.filter(pk__in=chosen):
        audit.record(
            actor=actor,
            action="participation.place_offered",
            target=participation,
            after={"offered_at": now.isoformat()},
        )
    return offered


def _free(delivery_id: Any) -> int:
    return schemes.lock_delivery(delivery_id).free_places


def fill_places(actor: Actor, delivery_ids: Iterable[Any] | None = None) -> int:
    """Offer every free place to the waiting lists of the deliveries (all those with free
    places and someone waiting when none are named), a transaction per delivery; returns
    how many places were offered."""
    ids = (
        list(delivery_ids)
        if delivery_ids is not None
        else schemes_selectors.deliveries_with_free_places(
            Participation.objects.filter(
                status=ParticipationStatus.WAITING_LIST, offered_at__isnull=True
            ).values("delivery_id")
        )
    )
    offered = 0
    for delivery_id in ids:
        delivery = schemes_selectors.delivery_by_id(delivery_id)
        offered += run_retried(partial(offer_freed_places, actor, delivery))
    return offered


@retried_atomic
def participation_set_priority(
    *, actor: Actor, participation: Participation, version: int, priority: bool, reason_text: str
) -> Participation:
    """Put the person first on a VTA waiting list (a developmental disability), or take the
    priority away; either needs a reason in words, which the audit event keeps."""
    policies.require(actor, policies.can_change_participation, participation)
    if not priority_counts(participation.delivery.scheme_type.code):
        raise invalid(
            "priority_not_used",
            "priority",
            "Prioritering brukes bare på ventelister til varig tilrettelagt arbeid (VTA).",
            "Priority is used only on waiting lists for permanent adapted work (VTA).",
        )
    text = (reason_text or "").strip()
    if not text:
        raise invalid(
            "priority_reason_required",
            "priority_reason",
            "Skriv hvorfor personen skal prioriteres, eller hvorfor prioriteringen fjernes.",
            "Write why the person is given priority, or why it is taken away.",
        )
    with changing(actor, participation, "participation.priority_set", version=version) as step:
        step.record.priority = priority
        step.after = {"priority_reason": text[:2000]}
    return step.record
