"""The funding API's shapes. Amounts are exact decimals, written as strings ("60000.00")."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from velferd.core.constraints import Declared, decimal_number, one_of

from .models import ClaimStatus, CommitmentStatus
from .services.common import MAX_AMOUNT

Amount = Annotated[Decimal, decimal_number(minimum=0, maximum=float(MAX_AMOUNT))]
Year = Annotated[int, Declared(minimum=2000, maximum=2100)]
Month = Annotated[str, Declared(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
MonthFilter = Annotated[str, Declared(pattern=r"^([0-9]{4}-(0[1-9]|1[0-2]))?$")]
CountyNumber = Annotated[str, Declared(pattern=r"^[0-9]{2}$")]
SchemeTypeCode = Annotated[str, Declared(maxLength=60, minLength=1)]
Words = Annotated[str, Field(max_length=2000)]
BankAccount = Annotated[str, Declared(maxLength=20)]
CommitmentStatusFilter = Annotated[str, one_of(CommitmentStatus, blank=True)]
ClaimStatusFilter = Annotated[str, one_of(ClaimStatus, blank=True)]
CommitmentMove = Annotated[str, one_of(["approve", "return", "resubmit", "annul"])]
ClaimMove = Annotated[str, one_of(["submit", "approve", "return"])]
Version = Annotated[int, Field(ge=0, le=2_147_483_647)]


class SchemeBudgetIn(Schema):
    county: CountyNumber
    scheme_type: SchemeTypeCode
    year: Year
    amount: Amount
    version: Version | None = None


class SchemeBudgetOut(Schema):
    id: int
    county: str
    scheme_type: str
    year: int
    amount: Decimal
    committed: Decimal
    remaining: Decimal
    version: int


class SchemeBudgetList(Schema):
    items: list[SchemeBudgetOut]
    count: int


class CommitmentIn(Schema):
    delivery: int = Field(ge=1, le=2_147_483_647)
    period_start: datetime.date
    period_end: datetime.date
    amount: Amount | None = None
    basis: Words = ""


class CommitmentMoveIn(Schema):
    version: Version
    reason: Words = ""
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    amount: Amount | None = None
    basis: Words = ""


class CommitmentOut(Schema):
    id: int
    number: str
    delivery: str
    period_start: datetime.date
    period_end: datetime.date
    amount: Decimal
    basis: str
    status: str
    status_reason: str
    proposed_by: str
    approved_by: str | None
    remaining: Decimal
    version: int


class CommitmentList(Schema):
    items: list[CommitmentOut]
    count: int


class ParticipationIn(Schema):
    content: str = Field(max_length=20_000_000)


class ParticipationRowOut(Schema):
    rows: int


class ClaimCalculationIn(Schema):
    month: Month


class ClaimCalculationOut(Schema):
    month: str
    claims: int
    total: Decimal
    kept: int
    without_rate: int


class ClaimIn(Schema):
    delivery: int = Field(ge=1, le=2_147_483_647)
    month: Month
    amount: Amount
    basis: Words


class ClaimMoveIn(Schema):
    version: Version
    bank_account: BankAccount = ""
    reason: Words = ""


class ClaimOut(Schema):
    id: int
    reference: str
    delivery: str
    supplier: str
    month: str
    price_model: str
    participants: int
    work_units: Decimal
    rate: Decimal | None
    amount: Decimal
    basis: str
    status: str
    status_reason: str
    commitment: str | None
    bank_account: str
    due_on: datetime.date | None
    version: int


class ClaimList(Schema):
    items: list[ClaimOut]
    count: int


class PaymentExportOut(Schema):
    id: int
    created_at: datetime.datetime
    payments: int
    total: Decimal
    filename: str


class PaymentExportList(Schema):
    items: list[PaymentExportOut]
    count: int
