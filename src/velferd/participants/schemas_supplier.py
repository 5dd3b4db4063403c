"""The API's shapes for the supplier's side: the participant as the supplier sees them, the
change proposals and the monthly reports."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from velferd.core.api import VersionIn as VersionIn
from velferd.core.constraints import NOT_BLANK, Declared, decimal_number, one_of

from .models import EndReason, ProposalKind

Percentage = Annotated[Decimal, decimal_number(minimum=1, maximum=100)]
DaysPerWeek = Annotated[Decimal, decimal_number(minimum=1, maximum=5)]


class SupplierDeliveryOut(Schema):
    delivery_id: int
    number: str
    name: str
    participants: int


class ParticipantOut(Schema):
    """The minimum the supplier needs: no decision, benefit, health or other service's
    records. `address` and `email` are empty for a protected address."""

    id: str
    name: str
    email: str
    address: str
    address_protected: bool
    status: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    percentage: Decimal | None
    days_per_week: Decimal | None
    caseworker_name: str
    delivery_id: int
    delivery_number: str
    delivery_name: str


class ProposalIn(Schema):
    """What the kind needs: `starts_on` (start_date), `ends_on` (extension, end_early),
    `reason` (end_early; `explanation` when it is "other"), `percentage`, `days_per_week`."""

    kind: Annotated[str, one_of(ProposalKind)]
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    percentage: Percentage | None = None
    days_per_week: DaysPerWeek | None = None
    reason: Annotated[str, one_of(EndReason, blank=True)] = ""
    explanation: Annotated[str, Declared(maxLength=2000)] = ""


class ProposalOut(Schema):
    id: int
    participation_id: str
    participant_name: str
    delivery_name: str
    supplier_name: str
    kind: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    percentage: Decimal | None
    days_per_week: Decimal | None
    reason: str
    explanation: str
    status: str
    proposed_at: datetime.datetime
    decided_at: datetime.datetime | None
    decision_comment: str
    version: int


class DecisionIn(Schema):
    version: int = Field(..., ge=1, description="The proposal's version as read")
    comment: Annotated[str, Declared(maxLength=2000)] = Field(
        "", description="Why; required to reject"
    )


class ReportIn(Schema):
    month: Annotated[str, Declared(pattern=r"^[0-9]{4}-[0-9]{2}$")] = Field(
        ..., description="The month reported, yyyy-mm"
    )
    days_attended: int = Field(..., ge=0, le=31)
    days_planned: int = Field(..., ge=1, le=31)
    text: Annotated[str, NOT_BLANK, Declared(maxLength=5000)]


class ReportOut(Schema):
    id: int
    month: str
    days_attended: int
    days_planned: int
    text: str
    sent_at: datetime.datetime
