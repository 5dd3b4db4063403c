"""Reading the audit trail, and proving it intact."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor

from .chain import GENESIS_HASH, hash_of_stored
from .models import AccessEvent, AuditChainHead, AuditEvent


def audit_events_visible_to(
    *, actor: Actor, action: str = "", target_type: str = ""
) -> QuerySet[AuditEvent]:
    """Newest first, optionally of one action or target type."""
    if not policies.can_view_audit_trail(actor):
        return AuditEvent.objects.none()
    events = AuditEvent.objects.order_by("-seq")
    if action:
        events = events.filter(action=action)
    if target_type:
        events = events.filter(target_type=target_type)
    return events


# The records about people. The audit trail names them by type and id only for those not
# cleared for strictly confidential persons: a name or a snapshot there would tell that a
# hidden person exists, and what was done about them.
PERSONAL_TARGETS = ("people.", "followup.")


def readable_events(*, actor: Actor, events: list[AuditEvent]) -> list[AuditEvent]:
    """The events as the actor may read them: personal records by type and id only, unless
    the actor is cleared for strictly confidential persons."""
    if actor.user is not None and actor.user.cleared_strictly_confidential:
        return events
    for event in events:
        if event.target_type.startswith(PERSONAL_TARGETS):
            event.target_label, event.before, event.after = "", None, None
    return events


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str = ""


def _events_in_order(up_to: int | None, batch_size: int = 2000) -> Iterator[AuditEvent]:
    events = AuditEvent.objects.order_by("seq")
    if up_to is not None:
        events = events.filter(seq__lte=up_to)
    return events.iterator(chunk_size=batch_size)


def verify_chain() -> ChainReport:
    """Walk the chain from the start; report the first event that does not hold.

    The chain head is read first and the walk stops at the event it names: an event and
    the head move in one transaction, so every event up to it was committed when the check
    began, and events written during the walk are left for the next check."""
    head = AuditChainHead.objects.filter(id=1).first()
    expected_prev, expected_seq, checked = GENESIS_HASH, 1, 0
    for event in _events_in_order(head.last_seq if head else None):
        if event.seq != expected_seq:
            return ChainReport(
                False, checked, expected_seq, _("event #%(seq)s is missing") % {"seq": expected_seq}
            )
        if event.prev_hash != expected_prev:
            return ChainReport(
                False, checked, event.seq, _("it does not link to the event before it")
            )
        if hash_of_stored(event) != event.hash:
            return ChainReport(
                False, checked, event.seq, _("its content was changed after it was written")
            )
        expected_prev, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
    if head is not None and (head.last_seq, head.last_hash) != (expected_seq - 1, expected_prev):
        return ChainReport(False, checked, expected_seq, _("events after it were removed"))
    return ChainReport(True, checked)


def access_events_about(subject: Model) -> QuerySet[AccessEvent]:
    """The reads of one subject's personal data, newest first."""
    return AccessEvent.objects.filter(
        subject_type=subject._meta.label_lower, subject_id=str(subject.pk)
    ).order_by("-occurred_at")


def targets_with_recent_action(
    *, model: type[Model], ids: Iterable[object], action: str, since: datetime.datetime
) -> set[str]:
    """Which of these records of `model` had an event `action` at or after `since`, by id
    (as the trail keeps it, a string): for a page that says what changed lately. A walk of
    the (target_type, target_id) index."""
    return set(
        AuditEvent.objects.filter(
            target_type=model._meta.label_lower,
            target_id__in=[str(key) for key in ids],
            action=action,
            occurred_at__gte=since,
        ).values_list("target_id", flat=True)
    )
