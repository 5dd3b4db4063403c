from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema


class AuditEventOut(Schema):
    seq: int
    occurred_at: datetime.datetime
    actor_label: str
    action: str
    target_type: str
    target_id: str
    target_label: str
    before: Any
    after: Any
    request_id: str
    hash: str


class AuditEventList(Schema):
    items: list[AuditEventOut]
    count: int


class ChainReportOut(Schema):
    intact: bool
    checked: int
    first_bad_seq: int | None
    reason: str
