"""The hash of one audit event: SHA-256 over a canonical JSON of its fields and the
previous event's hash."""

import datetime
import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import AuditEvent

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> Any:
    """The value as it will read back from a JSON column: str for anything JSON lacks."""
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def event_hash(
    *,
    seq: int,
    occurred_at: datetime.datetime,
    actor_id: str | None,
    actor_label: str,
    action: str,
    target_type: str,
    target_id: str,
    target_label: str,
    before: Any,
    after: Any,
    request_id: str,
    prev_hash: str,
) -> str:
    payload = {
        "seq": seq,
        "occurred_at": occurred_at.astimezone(datetime.UTC).isoformat(),
        "actor_id": actor_id,
        "actor_label": actor_label,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "target_label": target_label,
        "before": before,
        "after": after,
        "request_id": request_id,
        "prev_hash": prev_hash,
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def hash_of_stored(event: "AuditEvent") -> str:
    """The hash a stored event should have, from its fields as they are now."""
    return event_hash(
        seq=event.seq,
        occurred_at=event.occurred_at,
        actor_id=str(event.actor_id) if event.actor_id else None,
        actor_label=event.actor_label,
        action=event.action,
        target_type=event.target_type,
        target_id=event.target_id,
        target_label=event.target_label,
        before=event.before,
        after=event.after,
        request_id=event.request_id,
        prev_hash=event.prev_hash,
    )
