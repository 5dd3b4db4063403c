"""The API's shapes for procurement. A bid's content is only ever given to whom
`policies.can_view_bid` lets see it; a competition's shape holds no count of bids."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from velferd.core.api import VersionIn as VersionIn
from velferd.core.constraints import (
    NOT_BLANK,
    CountyNumber,
    Declared,
    OrganisationNumber,
    UnitNumber,
    Username,
    decimal_number,
    one_of,
)

from .models import CompetitionStatus, Procedure

Text = Annotated[str, NOT_BLANK]
Price = Annotated[Decimal, decimal_number(minimum=0.01, maximum=9_999_999_999.99)]
Places = Annotated[int, Declared(minimum=1, maximum=100_000)]
StatusFilter = Annotated[str, one_of(CompetitionStatus, blank=True)]


class CriterionIn(Schema):
    name: Text = Field(..., max_length=200)
    description: str = Field("", max_length=2000)
    weight: int = Field(..., description="Whole percent; the weights sum to 100")
    is_price: bool = False


class CompetitionIn(Schema):
    title: Text = Field(..., max_length=200)
    description: str = Field("", max_length=10_000)
    scheme_type: str = Field(..., max_length=60, description="The scheme type's code")
    procedure: Annotated[str, one_of(Procedure)]
    county: CountyNumber = Field(..., max_length=2)
    office: UnitNumber | None = Field(
        None, max_length=4, description="An office's small tender: the office's unit number"
    )
    price_model: str = Field(..., max_length=30)
    places: Places
    bid_deadline: datetime.datetime
    agreement_starts_on: datetime.date
    agreement_ends_on: datetime.date
    criteria: list[CriterionIn] = Field(..., max_length=10)


class CriterionOut(Schema):
    id: int
    position: int
    name: str
    description: str
    weight: int
    is_price: bool


class EvaluatorOut(Schema):
    username: str
    name: str
    declared: bool
    has_conflict: bool
    replaced: bool


class CompetitionOut(Schema):
    id: int
    number: str
    title: str
    description: str
    scheme_type: str
    procedure: str
    county: str
    office: str | None
    price_model: str
    places: int
    bid_deadline: datetime.datetime
    agreement_starts_on: datetime.date
    agreement_ends_on: datetime.date
    status: str
    status_reason: str
    awarded_on: datetime.date | None
    standstill_ends_on: datetime.date | None
    concluded_on: datetime.date | None
    criteria: list[CriterionOut]
    version: int


class CompetitionSummary(Schema):
    id: int
    number: str
    title: str
    scheme_type: str
    procedure: str
    county: str
    status: str
    bid_deadline: datetime.datetime


class CompetitionList(Schema):
    items: list[CompetitionSummary]
    count: int


class ReasonIn(Schema):
    version: int
    reason: Text = Field(..., max_length=2000)


class AwardIn(Schema):
    version: int
    bids: list[int] = Field(..., max_length=100, description="The winning bids' ids")


class EvaluatorIn(Schema):
    username: Username = Field(..., max_length=150)


class DeclarationIn(Schema):
    has_conflict: bool
    note: str = Field("", max_length=2000)


class AnswerIn(Schema):
    criterion: int
    text: Text = Field(..., max_length=5000)


class BidIn(Schema):
    organisation_number: OrganisationNumber | None = Field(
        None, max_length=9, description="The supplier, when the caller is bound to several"
    )
    price: Price
    places: Places
    answers: list[AnswerIn] = Field(..., max_length=10)


class BidChangeIn(Schema):
    version: int
    price: Price
    places: Places
    answers: list[AnswerIn] = Field(..., max_length=10)


class AnswerOut(Schema):
    criterion: int
    text: str


class BidOut(Schema):
    id: int
    competition: int
    organisation_number: OrganisationNumber
    supplier_name: str
    status: str
    price: Decimal
    places: int
    submitted_at: datetime.datetime
    answers: list[AnswerOut]
    rank: int | None = Field(None, description="Given by the award")
    total_score: Decimal | None
    is_winner: bool
    version: int


class BidList(Schema):
    items: list[BidOut]
    count: int


class ScoreIn(Schema):
    criterion: int
    score: int = Field(..., description="0–10")


class ScoresIn(Schema):
    scores: list[ScoreIn] = Field(..., max_length=10)


class RankedOut(Schema):
    bid: int
    organisation_number: str
    supplier_name: str
    price: Decimal
    rank: int
    total: Decimal
    scores: dict[str, Decimal]


class RankingOut(Schema):
    items: list[RankedOut]
    scores_missing: int
