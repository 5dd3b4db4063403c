"""The settlement API's shapes. Every class name starts with Settlement: names are unique
across the whole API document."""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated

from ninja import Field, Schema

from velferd.core.constraints import Declared, one_of

from .models import CaseStatus, FamilyRole, Gender, ProposalStatus

SettlementYearNumber = Annotated[int, Declared(minimum=2000, maximum=2100)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
MunicipalityNumber = Annotated[str, Declared(pattern=r"^[0-9]{4}$")]
Reason = Annotated[str, Field(max_length=500)]
Words = Annotated[str, Field(max_length=2000)]
Version = Annotated[int, Field(ge=0, le=2_147_483_647)]
CaseStatusFilter = Annotated[str, one_of(CaseStatus, blank=True)]


class SettlementYearIn(Schema):
    year: SettlementYearNumber
    estimated_persons: Count
    estimated_unaccompanied_minors: Count = 0
    version: Version | None = None


class SettlementYearOut(Schema):
    year: int
    estimated_persons: int
    estimated_unaccompanied_minors: int
    version: int


class SettlementYearList(Schema):
    items: list[SettlementYearOut]
    count: int


class SettlementRequestRow(Schema):
    municipality_number: MunicipalityNumber
    persons: Count
    unaccompanied_minors: Count = 0


class SettlementRequestsIn(Schema):
    rows: list[SettlementRequestRow] = Field(..., max_length=400)


class SettlementMunicipalityLine(Schema):
    municipality: str
    name: str
    requested_persons: int
    requested_unaccompanied_minors: int
    decided_persons: int | None
    decided_unaccompanied_minors: int | None
    health_competence: bool
    promised_persons: int
    settled_persons: int
    remaining_persons: int
    remaining_unaccompanied_minors: int


class SettlementMunicipalityList(Schema):
    items: list[SettlementMunicipalityLine]
    count: int


class SettlementDecisionIn(Schema):
    municipality: MunicipalityNumber
    persons: Count
    unaccompanied_minors: Count = 0
    health_competence: bool = False
    decided_on: datetime.date | None = None
    comment: Words = ""


class SettlementDecisionOut(Schema):
    id: int
    municipality: str
    persons: int
    unaccompanied_minors: int
    health_competence: bool
    decided_on: datetime.date
    comment: str
    entered_by_imdi: bool


class SettlementDecisionList(Schema):
    items: list[SettlementDecisionOut]
    count: int


class SettlementPersonIn(Schema):
    identity_number: Annotated[str, Field(max_length=20)]
    given_name: Annotated[str, Field(max_length=100)]
    family_name: Annotated[str, Field(max_length=100)]
    birth_date: datetime.date | None = None
    gender: Annotated[str, one_of(Gender)]
    family_role: Annotated[str, one_of(FamilyRole)] = "principal"
    education_years: Annotated[int, Field(ge=0, le=40)] = 0
    languages: Annotated[str, Field(max_length=200)] = ""
    speaks_english: bool = False
    origin_group: Annotated[str, Field(max_length=40)] = ""
    health_need: bool = False
    unaccompanied_minor: bool = False


class SettlementCaseIn(Schema):
    udi_reference: Annotated[str, Field(max_length=20)]
    residence_permit_on: datetime.date
    reception_centre: Annotated[str, Field(max_length=200)] = ""
    wishes: Words = ""
    tie_municipality: Annotated[str, Declared(pattern=r"^([0-9]{4})?$")] = ""
    persons: list[SettlementPersonIn] = Field(..., max_length=30)


class SettlementPersonOut(Schema):
    id: uuid.UUID
    identity_number: str
    given_name: str
    family_name: str
    birth_date: datetime.date
    gender: str
    family_role: str
    unaccompanied_minor: bool
    health_need: bool


class SettlementProposalOut(Schema):
    id: uuid.UUID
    case: uuid.UUID
    municipality: str
    status: Annotated[str, one_of(ProposalStatus)]
    expected_employed: float | None
    override_reason: str
    sent_on: datetime.date | None
    answer_by: datetime.date | None
    settle_on: datetime.date | None
    decline_reason: str
    version: int


class SettlementCaseOut(Schema):
    id: uuid.UUID
    udi_reference: str
    status: Annotated[str, one_of(CaseStatus)]
    residence_permit_on: datetime.date
    waited_days: int
    waiting_flag: Annotated[str, one_of(["ok", "near", "past"])]
    goal_on: datetime.date
    tie_municipality: str | None
    locked_municipality: str | None
    lock_reason: str
    settled_municipality: str | None
    settled_on: datetime.date | None
    persons: list[SettlementPersonOut]
    proposals: list[SettlementProposalOut]
    version: int


class SettlementCaseList(Schema):
    items: list[SettlementCaseOut]
    count: int


class SettlementLockIn(Schema):
    municipality: MunicipalityNumber
    reason: Reason
    version: Version | None = None


class SettlementExclusionIn(Schema):
    municipality: MunicipalityNumber
    reason: Reason


class SettlementRunOut(Schema):
    id: uuid.UUID
    year: int
    cases: int
    persons: int
    objective: float | None
    bound: float | None
    gap: float | None
    seconds: float | None
    problems: list[dict[str, str]]
    proposals: list[SettlementProposalOut]


class SettlementSentOut(Schema):
    sent: int


class SettlementAcceptIn(Schema):
    settle_on: datetime.date
    version: Version | None = None


class SettlementDeclineIn(Schema):
    reason: Reason
    version: Version | None = None


class SettlementWithdrawIn(Schema):
    reason: Reason


class SettlementProposalList(Schema):
    items: list[SettlementProposalOut]
    count: int
