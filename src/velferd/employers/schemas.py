"""The employers API's shapes. Amounts are exact decimals, written as strings ("85000.00")."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ninja import Field, Schema

from velferd.core.disclosure import Reason

# Enterprises ---------------------------------------------------------------------------------


class ContactPersonOut(Schema):
    name: str | None = Field(None, description="The contact person, if one is assigned")
    username: str | None = None
    iw_centre: str | None = Field(None, description="The IW centre of the enterprise's county")


class EnterpriseOut(Schema):
    organisation_number: str
    name: str
    municipality: str
    municipality_name: str
    county: str
    industry_code: str
    sector: str
    employees: int
    has_iw_agreement: bool
    contact_person: ContactPersonOut
    cooperation_status: str | None
    version: int


class EnterpriseList(Schema):
    items: list[EnterpriseOut]
    count: int


class EnterpriseIn(Schema):
    organisation_number: str = Field(..., max_length=20)
    name: str = Field(..., max_length=200)
    municipality: str = Field(..., max_length=4, description="Municipality number, 4601")
    industry_code: str = Field(..., max_length=6, description="NACE, 86.101")
    sector: str = Field(..., description="state, municipal or private")
    employees: int = Field(..., ge=0)
    has_iw_agreement: bool = False


class EnterprisePatch(Schema):
    version: int
    name: str | None = Field(None, max_length=200)
    municipality: str | None = Field(None, max_length=4)
    industry_code: str | None = Field(None, max_length=6)
    sector: str | None = None
    employees: int | None = Field(None, ge=0)
    has_iw_agreement: bool | None = None


class ContactPersonIn(Schema):
    username: str = Field(..., max_length=150)
    version: int


# Cooperations --------------------------------------------------------------------------------


class CooperationOut(Schema):
    id: int
    organisation_number: str
    enterprise_name: str
    status: str
    is_open: bool
    owner: str | None
    owner_username: str | None
    reason: str
    started_at: datetime.datetime
    completion_blockers: list[str] = Field(
        ..., description="What keeps the cooperation from being completed; empty when nothing"
    )
    version: int


class CooperationList(Schema):
    items: list[CooperationOut]
    count: int


class CooperationIn(Schema):
    owner: str | None = Field(None, description="Username of an advisor of the county")
    comment: str = Field("", max_length=2000)


class TransitionIn(Schema):
    version: int
    reason: str = Field("", description="Needed to skip, complete or cancel (a coded reason)")
    comment: str = Field("", max_length=2000)


class OwnerIn(Schema):
    username: str = Field(..., max_length=150)
    version: int


class EventOut(Schema):
    occurred_at: datetime.datetime
    actor: str
    from_status: str
    to_status: str
    reason: str
    comment: str


class EventList(Schema):
    items: list[EventOut]
    count: int


# The plan ------------------------------------------------------------------------------------


class SubThemeOut(Schema):
    id: int
    cooperation: int
    theme: str
    title: str
    goal: str
    starts_on: datetime.date
    ends_on: datetime.date
    status: str
    version: int


class SubThemeList(Schema):
    items: list[SubThemeOut]
    count: int


class SubThemeIn(Schema):
    theme: str
    title: str = Field(..., max_length=200)
    goal: str = Field(..., max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None


class SubThemePatch(Schema):
    version: int
    theme: str | None = None
    title: str | None = Field(None, max_length=200)
    goal: str | None = Field(None, max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    status: str | None = None


class DeliveryOut(Schema):
    id: int
    cooperation: int
    kind: str
    description: str
    deadline: datetime.date
    status: str
    delivered_on: datetime.date | None
    overdue: bool
    version: int


class DeliveryList(Schema):
    items: list[DeliveryOut]
    count: int


class DeliveryIn(Schema):
    kind: str
    deadline: datetime.date | None = None
    description: str = Field("", max_length=10_000)


class DeliveryPatch(Schema):
    version: int
    status: str | None = None
    deadline: datetime.date | None = None
    description: str | None = Field(None, max_length=10_000)


# Surveys -------------------------------------------------------------------------------------


class CellOut(Schema):
    shown: bool = Field(
        ...,
        description=(
            "False while the survey is open, when fewer than 3 answered on the scale, or "
            "(a group) when another group that answered has fewer than 3"
        ),
    )
    reason: Reason | None = Field(None, description="why the cell is not shown; null if shown")
    answers: int | None
    mean: Decimal | None
    counts: dict[str, int] | None
    dont_know: int | None


class QuestionResultOut(Schema):
    code: str
    text: str
    total: CellOut
    groups: dict[str, CellOut]


class SurveyOut(Schema):
    id: int
    cooperation: int
    kind: str
    status: str
    answer_path: str = Field(..., description="The public answer page the employer shares")
    responses: int = Field(..., description="The number of responses, shown while open too")
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None
    results: list[QuestionResultOut]


class SurveyList(Schema):
    items: list[SurveyOut]
    count: int


class SurveyIn(Schema):
    kind: str = Field(..., description="needs_assessment or evaluation")


class QuestionOut(Schema):
    code: str
    text: str


class SurveyFormOut(Schema):
    kind: str
    enterprise_name: str
    open: bool
    questions: list[QuestionOut]
    scale: list[int]


class AnswersIn(Schema):
    group: str = Field(..., description="employee or manager")
    answers: dict[str, int | str] = Field(..., description='Every question: 1–5, or "dont_know"')


class ReceiptOut(Schema):
    received: bool


# Subsidies -----------------------------------------------------------------------------------


class SubsidyOut(Schema):
    id: int
    organisation_number: str
    enterprise_name: str
    purpose: str
    amount_applied: Decimal
    amount_granted: Decimal | None
    status: str
    refusal_reason: str
    applied_on: datetime.date
    decided_on: datetime.date | None
    paid_on: datetime.date | None
    budget_year: int | None
    version: int


class SubsidyList(Schema):
    items: list[SubsidyOut]
    count: int


class SubsidyIn(Schema):
    purpose: str = Field(..., max_length=10_000)
    amount: Decimal = Field(..., description="Kroner with at most two decimals")


class VersionIn(Schema):
    version: int


class GrantIn(Schema):
    version: int
    amount: Decimal | None = Field(
        None, description="Less than applied for is a partial grant; left out, all of it"
    )


class RefuseIn(Schema):
    version: int
    reason: str = Field(..., max_length=2000)


class BudgetOut(Schema):
    county: str
    county_name: str
    year: int
    amount: Decimal
    granted: Decimal
    paid: Decimal
    remaining: Decimal
    version: int | None


class BudgetList(Schema):
    items: list[BudgetOut]
    count: int


class BudgetIn(Schema):
    amount: Decimal = Field(..., ge=0)
    version: int | None = Field(None, description="The budget's version; left out to create")
