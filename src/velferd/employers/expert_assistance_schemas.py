"""The API's shapes for the expert assistance subsidy (tilskudd til ekspertbistand)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from velferd.core.constraints import one_of

from .models import ExpertAssistanceStatus, SickLeavePattern
from .schemas import Amount, Text

ExpertAssistanceStatusFilter = Annotated[str, one_of(ExpertAssistanceStatus, blank=True)]


class ExpertAssistanceOut(Schema):
    id: int
    organisation_number: str
    enterprise_name: str
    status: str
    employee_name: str
    employee_agreed_on: datetime.date
    sick_leave: str
    measures_tried: str
    expert_name: str
    expert_organisation: str
    expert_organisation_number: str
    assignment: str
    amount_applied: Decimal
    max_amount: Decimal = Field(..., description="NAV's maximum rate per case that year")
    amount_granted: Decimal | None
    decision_reason: str = Field(..., description="The reasons for a refusal; a grant's note")
    applied_on: datetime.date
    decided_on: datetime.date | None
    budget_year: int | None
    version: int


class ExpertAssistanceSummary(Schema):
    """An application in a list: no employee, no sick leave."""

    id: int
    organisation_number: str
    enterprise_name: str
    status: str
    expert_organisation: str
    amount_applied: Decimal
    amount_granted: Decimal | None
    applied_on: datetime.date
    decided_on: datetime.date | None


class ExpertAssistanceList(Schema):
    items: list[ExpertAssistanceSummary]
    count: int


class ExpertAssistanceIn(Schema):
    employee_name: Text = Field(..., max_length=200)
    employee_agreed: bool = Field(..., description="The employee agrees to the application")
    employee_agreed_on: datetime.date
    sick_leave: Annotated[str, one_of(SickLeavePattern)]
    measures_tried: Text = Field(
        ..., max_length=10_000, description="The follow-up and facilitation tried or considered"
    )
    expert_name: Text = Field(..., max_length=200)
    expert_organisation: Text = Field(..., max_length=200)
    expert_organisation_number: str = Field("", max_length=11)
    expert_independent: bool = Field(
        ...,
        description=(
            "The expert is not employed by the enterprise nor by its own occupational "
            "health service"
        ),
    )
    assignment: Text = Field(..., max_length=10_000)
    amount: Amount = Field(..., description="The cost in kroner, at most the year's rate")


class ExpertGrantIn(Schema):
    version: int
    amount: Amount | None = Field(None, description="Left out: all that was applied for")
    reason: str = Field("", max_length=2000, description="An optional note")


class ExpertRefuseIn(Schema):
    version: int
    reason: Text = Field(..., max_length=2000)
