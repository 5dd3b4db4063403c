from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from velferd.core.constraints import NOT_BLANK, Declared, one_of
from velferd.organisation import selectors as organisation_selectors

from .models import EnquiryStatus

Text = Annotated[str, NOT_BLANK]
Email = Annotated[str, NOT_BLANK, Declared(format="email")]
StatusFilter = Annotated[str, one_of(EnquiryStatus, blank=True)]
DepartmentFilter = Annotated[str, one_of(organisation_selectors.DEPARTMENT_SLUGS, blank=True)]


class EnquiryIn(Schema):
    name: Text = Field(..., max_length=200)
    email: Email = Field(..., max_length=254)
    organisation: str = Field("", max_length=200)
    is_press: bool = False
    subject: Text = Field(..., max_length=200)
    text: Text = Field(..., max_length=10_000)


class ReceiptOut(Schema):
    reference: str
    received_at: datetime.datetime
    department: str
    deadline: datetime.date


class RouteIn(Schema):
    text: Text = Field(..., min_length=1, max_length=10_000)


class AlternativeOut(Schema):
    department: str
    confidence: float


class RoutingOut(Schema):
    department: str
    confidence: float = Field(..., ge=0, le=1)
    alternatives: list[AlternativeOut]


class EnquiryOut(Schema):
    id: str
    reference: str
    name: str
    email: str
    organisation: str
    is_press: bool
    subject: str
    text: str
    received_at: datetime.datetime
    department: str
    routed_by: str
    suggested_department: str
    confidence: float
    alternatives: list[AlternativeOut]
    status: str
    assignee: str | None
    deadline: datetime.date
    overdue: bool
    reply: str
    version: int


class EnquiryList(Schema):
    items: list[EnquiryOut]
    count: int


class AssignIn(Schema):
    assignee: str = Field(..., max_length=150, description="Username of the case officer.")
    version: int


class RerouteIn(Schema):
    department: Annotated[str, one_of(organisation_selectors.DEPARTMENT_SLUGS)] = Field(
        ..., description="Department slug."
    )
    version: int


class ReplyIn(Schema):
    text: Text = Field(..., max_length=10_000)
    version: int


class VersionIn(Schema):
    version: int
