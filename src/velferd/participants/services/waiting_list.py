"""The waiting list: places freed are offered to the first in line (selectors.waiting_list
has the order), one at a time as they free up, or many at once by the nightly
`velferd fill-places`; the caseworker sets the priority that puts a person with a
developmental disability first on a VTA waiting list."""

from __future__ import annotations

from collections import Counter
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
from ..selectors.waiting_list import first_in_line, priority_counts
from .changes import changing

# Deliveries whose places one transaction of `fill_places` offers: their rows stay locked
# until it commits, so the batch is kept small enough not to hold up enrolment for long.
FILL_BATCH = 200


def offer_freed_places(actor: Actor, delivery: Any, exclude: Any = None) -> int:
    """Offer the delivery's free places to the first in line; returns how many were offered.
    Call it under the delivery's lock: the places offered are taken (held for the offered
    until confirmed or passed on)."""
    return offer_places(actor, [delivery.pk], exclude=exclude)


def offer_places(actor: Actor, delivery_ids: Iterable[Any], exclude: Any = None) -> int:
    """Offer the free places of the deliveries to the first in line on each, set-based: the
    deliveries locked in key order (then the offered participations, and the audit chain
    head last, docs/architecture.md "Lock order"), the lines ranked in one query, the places
    taken and the offers marked in one update each, an audit event per place offered in one
    insert. Returns how many places were offered."""
    free = schemes.lock_deliveries(delivery_ids)
    chosen = first_in_line(free, exclude=exclude)
    if not chosen:
        return 0
    schemes.take_places_of(Counter(delivery for _, delivery in chosen))
    now = timezone.now()
    keys = [key for key, _ in chosen]
    Participation.objects.filter(pk__in=keys).update(
        offered_at=now, version=F("version") + 1, updated_at=now
    )
    offered = Participation.objects.only("pk", "person_id", "delivery_id").in_bulk(keys)
    after = {"offered_at": now.isoformat()}
    audit.record_many(
        actor=actor,
        action="participation.place_offered",
        entries=[audit.Entry(offered[key], after=after) for key in keys],
    )
    return len(keys)


def fill_places(actor: Actor, delivery_ids: Iterable[Any] | None = None) -> int:
    """Offer every free place to the waiting lists of the deliveries (all those with free
    places and someone waiting when none are named), a transaction per batch of
    deliveries; returns how many places were offered."""
    ids = sorted(
        delivery_ids
        if delivery_ids is not None
        else schemes_selectors.deliveries_with_free_places(
            Participation.objects.filter(
                status=ParticipationStatus.WAITING_LIST, offered_at__isnull=True
            ).values("delivery_id")
        )
    )
    offered = 0
    for start in range(0, len(ids), FILL_BATCH):
        batch = ids[start : start + FILL_BATCH]
        offered += run_retried(partial(offer_places, actor, batch))
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
