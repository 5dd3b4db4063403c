from __future__ import annotations

import datetime
from typing import Annotated, Any

from ninja import Schema

from velferd.core.constraints import Declared

# The audit trail's filters: an action (person.registered) or a target type; "" is none.
ActionFilter = Annotated[str, Declared(maxLength=100)]


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
