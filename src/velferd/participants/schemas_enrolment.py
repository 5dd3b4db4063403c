"""The API's shapes for enrolment and the participation's moves on NAV's side and the
person's own."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema

from velferd.core.api import VersionIn as VersionIn
from velferd.core.constraints import NOT_BLANK, Declared, RecordId, decimal_number

Percentage = Annotated[Decimal, decimal_number(minimum=1, maximum=100)]
DaysPerWeek = Annotated[Decimal, decimal_number(minimum=0.5, maximum=7)]
Text = Annotated[str, Declared(maxLength=2000)]
MoveName = Literal[
    "apply",
    "withdraw_draft",
    "assess",
    "admit",
    "start",
    "complete",
    "end",
    "not_relevant",
    "register_in_error",
]


class EnrolmentIn(Schema):
    """`as_draft`: a draft shared with the person; otherwise an application, which `admit`
    gives a free place or puts on the waiting list. An end date past the scheme type's
    maximum duration needs `extension_reason`."""

    person_id: RecordId
    delivery_id: int
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    content: Annotated[str, Declared(maxLength=10000)] = ""
    percentage: Percentage | None = None
    days_per_week: DaysPerWeek | None = None
    as_draft: bool = False
    admit: bool = False
    extension_reason: Text = ""


class MoveIn(Schema):
    """`reason`: a coded reason where the move needs one (end: EndReason; not_relevant:
    NotRelevantReason)."""

    version: int
    reason: Annotated[str, Declared(maxLength=40)] = ""
    reason_text: Text = ""


class PriorityIn(Schema):
    version: int
    priority: bool
    reason: Annotated[str, NOT_BLANK, Declared(maxLength=2000)]


class DatesIn(Schema):
    version: int
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    extension_reason: Text = ""


class CommentIn(Schema):
    text: Annotated[str, NOT_BLANK, Declared(maxLength=4000)]


class DraftCommentOut(Schema):
    id: int
    author: str
    text: str
    written_at: datetime.datetime


class ParticipationOut(Schema):
    id: str
    person_id: str
    person_name: str
    delivery_id: int
    delivery_name: str
    scheme_type: str
    scheme_type_name: str
    status: str
    status_label: str
    reason: str
    reason_text: str
    content: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    percentage: Decimal | None
    days_per_week: Decimal | None
    priority: bool
    waiting_since: datetime.datetime | None
    waiting_list_position: int | None
    place_offered_at: datetime.datetime | None
    moves: list[str]
    activity_id: str | None
    version: int


class ParticipationList(Schema):
    items: list[ParticipationOut]
    count: int


class WaitingEntryOut(Schema):
    position: int
    participation_id: str
    person_name: str
    priority: bool
    waiting_since: datetime.datetime | None
    place_offered_at: datetime.datetime | None


class WaitingListOut(Schema):
    delivery_id: int
    delivery_name: str
    places: int
    places_taken: int
    priority_first: bool
    entries: list[WaitingEntryOut]
    others: int
