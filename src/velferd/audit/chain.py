"""The hash of one audit event: SHA-256 over a canonical JSON of its fields and the
previous event's hash."""

import datetime
import hashlib
import json
from typing import Any

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
