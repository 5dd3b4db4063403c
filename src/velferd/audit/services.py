"""Writing the audit trail (AuditEvent, hash-chained) and the access log (AccessEvent)."""

from __future__ import annotations

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
    fields = {
        "seq": head.last_seq + 1,
        "occurred_at": timezone.now(),
        "actor_label": actor.label,
        "action": action,
        "target_type": _target_type(target),
        "target_id": str(target.pk),
        "target_label": str(target)[:300],
        "before": canonical_json(before),
        "after": canonical_json(after),
        "request_id": current_request_id(),
        "prev_hash": head.last_hash,
    }
    actor_id = str(actor.user.pk) if actor.user else None
    digest = event_hash(actor_id=actor_id, **fields)
    event = AuditEvent.objects.create(actor=actor.user, hash=digest, **fields)
    head.last_seq, head.last_hash = event.seq, digest
    head.save(update_fields=["last_seq", "last_hash"])
    return event


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
    assignment = next((a for a in actor.assignments if not role or a.role == role), None)
    return AccessEvent.objects.create(
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
