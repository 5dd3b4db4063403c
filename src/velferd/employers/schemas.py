"""The employers API's shapes. Amounts are exact decimals, written as strings ("85000.00")."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict

from velferd.core.api import VersionIn as VersionIn
from velferd.core.constraints import (
    NOT_BLANK,
    Declared,
    MunicipalityNumber,
    OrganisationNumber,
    Username,
    decimal_number,
    one_of,
    requires,
)
from velferd.core.disclosure import Reason

from . import lifecycles
from .models import (
    CooperationReason,
    CooperationStatus,
    DeliveryKind,
    DeliveryStatus,
    PlanTheme,
    RespondentGroup,
    Sector,
    SubsidyStatus,
    SubThemeStatus,
    SurveyKind,
)
from .services import MAX_AMOUNT

Text = Annotated[str, NOT_BLANK]
SectorValue = Annotated[str, one_of(Sector)]
IndustryCode = Annotated[str, Declared(pattern=r"^[0-9]{2}\.[0-9]{1,3}$")]
# A PositiveIntegerField: what every database stores.
MAX_EMPLOYEES = 2_147_483_647
# Kroner with at most two decimals (øre), more than 0.
Amount = Annotated[Decimal, decimal_number(minimum=0.01, maximum=float(MAX_AMOUNT))]
Year = Annotated[int, Declared(minimum=2000, maximum=2100)]

# Query filters of the lists; "" is no filter.
MunicipalityFilter = Annotated[str, Declared(pattern="^([0-9]{4})?$")]
SectorFilter = Annotated[str, one_of(Sector, blank=True)]
CooperationStatusFilter = Annotated[
    str, one_of(["none", "deferred_due", *CooperationStatus.values], blank=True)
]
SubsidyStatusFilter = Annotated[str, one_of(SubsidyStatus, blank=True)]
# The secret in a survey's public answer link.
SurveyToken = Annotated[str, Declared(pattern="^[-A-Za-z0-9_]+$", maxLength=64)]

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
    deferred_until: datetime.date | None = Field(
        None, description="While the cooperation is deferred: the day it comes back"
    )
    version: int


class EnterpriseList(Schema):
    items: list[EnterpriseOut]
    count: int


class EnterpriseIn(Schema):
    organisation_number: OrganisationNumber = Field(..., max_length=20)
    name: Text = Field(..., max_length=200)
    municipality: MunicipalityNumber = Field(
        ..., max_length=4, description="Municipality number, 4601"
    )
    industry_code: IndustryCode = Field(..., max_length=6, description="NACE, 86.101")
    sector: SectorValue = Field(..., description="state, municipal or private")
    employees: int = Field(..., ge=0, le=MAX_EMPLOYEES)
    has_iw_agreement: bool = False


class EnterprisePatch(Schema):
    """A field left out or null stays as it is."""

    version: int
    name: Text | None = Field(None, max_length=200)
    municipality: MunicipalityNumber | None = Field(None, max_length=4)
    industry_code: IndustryCode | None = Field(None, max_length=6)
    sector: SectorValue | None = None
    employees: int | None = Field(None, ge=0, le=MAX_EMPLOYEES)
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
    deferred_until: datetime.date | None = Field(
        None, description="While deferred: the day it comes back for the advisor's assessment"
    )
    deferral_due: bool = Field(False, description="Deferred, and that day has come")
    started_at: datetime.datetime
    completion_blockers: list[str] = Field(
        ..., description="What keeps the cooperation from being completed; empty when nothing"
    )
    version: int


class CooperationList(Schema):
    items: list[CooperationOut]
    count: int


class CooperationIn(Schema):
    owner: Username | None = Field(None, description="Username of an advisor of the county")
    comment: str = Field("", max_length=2000)


_WITH_REASONS = [move for move in lifecycles.COOPERATION.moves if move.reasons]
REASONS_DESCRIPTION = (
    "Needed to "
    + ", ".join(move.name for move in _WITH_REASONS[:-1])
    + f" or {_WITH_REASONS[-1].name} (a coded reason): "
    + "; ".join(f"{move.name}: " + ", ".join(move.reasons) for move in _WITH_REASONS)
)


class TransitionIn(Schema):
    version: int
    reason: Annotated[str, one_of(CooperationReason, blank=True)] = Field(
        "", description=REASONS_DESCRIPTION
    )
    comment: str = Field("", max_length=2000)
    deferred_until: datetime.date | None = Field(
        None, description="Needed to defer: the day, after today, it comes back for assessment"
    )


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
    deferred_until: datetime.date | None = None


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
    model_config = ConfigDict(json_schema_extra=requires("starts_on", "ends_on"))

    theme: Annotated[str, one_of(PlanTheme)]
    title: Text = Field(..., max_length=200)
    goal: Text = Field(..., max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None


class SubThemePatch(Schema):
    """A field left out or null stays as it is."""

    version: int
    theme: Annotated[str, one_of(PlanTheme)] | None = None
    title: Text | None = Field(None, max_length=200)
    goal: Text | None = Field(None, max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    status: Annotated[str, one_of(SubThemeStatus)] | None = None


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
    model_config = ConfigDict(json_schema_extra=requires("deadline"))

    kind: Annotated[str, one_of(DeliveryKind)]
    deadline: datetime.date | None = None
    description: str = Field("", max_length=10_000)


class DeliveryPatch(Schema):
    """A field left out or null stays as it is."""

    version: int
    status: Annotated[str, one_of(DeliveryStatus)] | None = None
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
    kind: Annotated[str, one_of(SurveyKind)] = Field(
        ..., description="needs_assessment or evaluation"
    )


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
    group: Annotated[str, one_of(RespondentGroup)] = Field(..., description="employee or manager")
    answers: dict[
        str,
        Annotated[int, Declared(minimum=1, maximum=5)] | Annotated[str, one_of(["dont_know"])],
    ] = Field(..., description='Every question of the survey, by its code: 1–5, or "dont_know"')


class SurveyReceiptOut(Schema):
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
    purpose: Text = Field(..., max_length=10_000)
    amount: Amount = Field(..., description="Kroner with at most two decimals")


class GrantIn(Schema):
    version: int
    amount: Amount | None = Field(
        None,
        description=(
            "Kroner with at most two decimals; less than applied for is a partial grant; "
            "left out, all of it"
        ),
    )


class RefuseIn(Schema):
    version: int
    reason: Text = Field(..., max_length=2000)


class BudgetOut(Schema):
    county: str
    county_name: str
    year: int
    scheme: str = Field(
        ...,
        description=(
            "The subsidy of the year: prevention_facilitation up to 2018, "
            "expert_assistance from 2019"
        ),
    )
    amount: Decimal
    granted: Decimal
    paid: Decimal
    remaining: Decimal
    version: int | None


class BudgetList(Schema):
    items: list[BudgetOut]
    count: int


class BudgetIn(Schema):
    amount: Annotated[Decimal, decimal_number(minimum=0, maximum=float(MAX_AMOUNT))] = Field(
        ..., ge=0, description="Kroner with at most two decimals; 0 for no budget"
    )
    version: int | None = Field(None, description="The budget's version; left out to create")
