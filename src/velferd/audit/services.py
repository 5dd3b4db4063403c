"""Writing the audit trail (AuditEvent, hash-chained) and the access log (AccessEvent)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.core.request_context import current_request_id

from .chain import canonical_json, event_hash
from .models import AccessEvent, AuditChainHead, AuditEvent


def snapshot(instance: models.Model, *fields: str) -> dict[str, Any]:
    """The named fields of a record, as audit before/after values."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, models.Model):
            value = str(value.pk)
        values[name] = value
    return canonical_json(values)


def _target_type(target: models.Model) -> str:
    return target._meta.label_lower


@dataclass(frozen=True)
class Entry:
    """One event of a batch: its record and what it shows as before and after."""

    target: models.Model
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def _event(
    actor: Actor, action: str, entry: Entry, *, seq: int, prev_hash: str, at: datetime.datetime
) -> AuditEvent:
    fields = {
        "seq": seq,
        "occurred_at": at,
        "actor_label": actor.label,
        "action": action,
        "target_type": _target_type(entry.target),
        "target_id": str(entry.target.pk),
        "target_label": str(entry.target)[:300],
        "before": canonical_json(entry.before),
        "after": canonical_json(entry.after),
        "request_id": current_request_id(),
        "prev_hash": prev_hash,
    }
    actor_id = str(actor.user.pk) if actor.user else None
    return AuditEvent(actor=actor.user, hash=event_hash(actor_id=actor_id, **fields), **fields)


@transaction.atomic
def record(
    *,
    actor: Actor,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction."""
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    event = _event(
        actor,
        action,
        Entry(target, before, after),
        seq=head.last_seq + 1,
        prev_hash=head.last_hash,
        at=timezone.now(),
    )
    event.save(force_insert=True)
    head.last_seq, head.last_hash = event.seq, event.hash
    head.save(update_fields=["last_seq", "last_hash"])
    return event


@transaction.atomic
def record_many(*, actor: Actor, action: str, entries: Sequence[Entry]) -> list[AuditEvent]:
    """Append one event per entry, in the entries' order, in the caller's transaction: the
    chain head is locked once, each event links to the one before it as `record` would
    link them one by one, and all are inserted in one statement."""
    if not entries:
        return []
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    at = timezone.now()
    events, seq, prev_hash = [], head.last_seq, head.last_hash
    for entry in entries:
        seq += 1
        event = _event(actor, action, entry, seq=seq, prev_hash=prev_hash, at=at)
        events.append(event)
        prev_hash = event.hash
    AuditEvent.objects.bulk_create(events)
    head.last_seq, head.last_hash = seq, prev_hash
    head.save(update_fields=["last_seq", "last_hash"])
    return events


def _access_event(
    actor: Actor, subject: models.Model, what: str, purpose: str, role: str, unit: str
) -> AccessEvent:
    assignment = next((a for a in actor.assignments if not role or a.role == role), None)
    return AccessEvent(
        occurred_at=timezone.now(),
        actor=actor.user,
        actor_label=actor.label,
        actor_role=assignment.role if assignment else "",
        actor_unit=unit or (assignment.unit_label() if assignment else ""),
        subject_type=_target_type(subject),
        subject_id=str(subject.pk),
        what=what,
        purpose=purpose,
        request_id=current_request_id(),
    )


def log_access(
    *,
    actor: Actor,
    subject: models.Model,
    what: str,
    purpose: str,
    role: str = "",
    unit: str = "",
) -> AccessEvent:
    """Log a read of personal data. `role` names the role the read was made in; `unit` the
    unit the person is shown (by default the role's unit: for supplier staff, who are bound
    to an organisation number, the caller names the supplier)."""
    event = _access_event(actor, subject, what, purpose, role, unit)
    event.save(force_insert=True)
    return event


def log_access_many(
    *,
    actor: Actor,
    subjects: Iterable[models.Model],
    what: str,
    purpose: str,
    role: str = "",
    unit: str = "",
) -> list[AccessEvent]:
    """Log the same read of several people's data (a list shown), a row for each person as
    `log_access` would write it, all inserted in one statement."""
    events = [_access_event(actor, subject, what, purpose, role, unit) for subject in subjects]
    return AccessEvent.objects.bulk_create(events) if events else []
