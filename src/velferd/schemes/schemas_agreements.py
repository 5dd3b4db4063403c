"""The API's shapes for agreements, deliveries, the caseworkers' delivery catalogue and
outcome contracts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from velferd.core.api import VersionIn
from velferd.core.constraints import (
    NOT_BLANK,
    CountyNumber,
    Declared,
    OrganisationNumber,
    UnitNumber,
    decimal_number,
    one_of,
)

from .lifecycles import AGREEMENT, DELIVERY
from .models import AgreementStatus, DeliveryStatus, EnrolmentMode, OutcomeMetric, PriceModel
from .services.agreements import MAX_AMOUNT

Text = Annotated[str, NOT_BLANK]
Amount = Annotated[Decimal, decimal_number(minimum=0.01, maximum=float(MAX_AMOUNT))]
Rate = Annotated[Decimal, decimal_number(minimum=0, maximum=1)]
SchemeTypeCode = Annotated[str, Declared(maxLength=60)]
SchemeTypeFilter = Annotated[str, Declared(maxLength=60)]
SupplierFilter = Annotated[str, Declared(pattern="^([0-9]{9})?$")]
UnitFilter = Annotated[str, Declared(pattern="^([0-9]{4})?$")]
AgreementStatusFilter = Annotated[str, one_of(AgreementStatus, blank=True)]
DeliveryStatusFilter = Annotated[str, one_of(DeliveryStatus, blank=True)]
AgreementMove = Annotated[str, Declared(enum=list(AGREEMENT.names))]
DeliveryMove = Annotated[str, Declared(enum=list(DELIVERY.names))]
CatalogueSort = Annotated[str, Declared(enum=["starts_on", "free_places"])]
PriceModelValue = Annotated[str, one_of(PriceModel)]
EnrolmentModeValue = Annotated[str, one_of(EnrolmentMode)]
MetricValue = Annotated[str, one_of(OutcomeMetric)]


class RateIn(Schema):
    valid_from: datetime.date
    amount: Amount


class SchemeAgreementIn(Schema):
    supplier: OrganisationNumber = Field(..., max_length=9)
    scheme_type: SchemeTypeCode = Field(..., max_length=60)
    name: Text = Field(..., max_length=200)
    starts_on: datetime.date
    ends_on: datetime.date
    price_model: PriceModelValue
    counties: list[CountyNumber] = Field(..., min_length=1, max_length=20)
    offices: list[UnitNumber] = Field(default_factory=list, max_length=500)
    is_framework: bool = False
    framework_id: int | None = Field(None, ge=1, description="The framework of a call-off")
    options: list[datetime.date] = Field(
        default_factory=list, max_length=10, description="The dates the options extend to"
    )
    rates: list[RateIn] = Field(default_factory=list, max_length=50)
    signed_on: datetime.date | None = None


class RateOut(Schema):
    valid_from: datetime.date
    amount: Decimal


class OptionOut(Schema):
    number: int
    extends_to: datetime.date
    exercised_on: datetime.date | None


class NationalRateOut(Schema):
    year: int
    monthly_rate: Decimal


class SchemeAgreementOut(Schema):
    id: int
    number: str
    name: str
    supplier: str = Field(..., description="The supplier's organisation number")
    supplier_name: str
    scheme_type: str
    scheme_type_name: str
    starts_on: datetime.date
    ends_on: datetime.date
    price_model: str
    price_model_label: str
    status: str
    status_label: str
    status_reason: str
    is_framework: bool
    framework_id: int | None
    counties: list[str]
    offices: list[str]
    version: int


class AgreementDetailOut(SchemeAgreementOut):
    rates: list[RateOut]
    national_rates: list[NationalRateOut]
    options: list[OptionOut]
    call_offs: list[int]
    deliveries: list[int]
    moves: list[str] = Field(..., description="The moves the agreement's status allows now")


class AgreementList(Schema):
    items: list[SchemeAgreementOut]
    count: int


class SchemeMoveIn(VersionIn):
    reason: str = Field("", max_length=2000, description="Why (cancel needs one)")


class RateAddIn(VersionIn):
    valid_from: datetime.date
    amount: Amount


class ExerciseIn(VersionIn):
    exercised_on: datetime.date | None = Field(None, description="Today when left out")


class SchemeDeliveryIn(Schema):
    agreement_id: int = Field(..., ge=1)
    name: Text = Field(..., max_length=200)
    places: int = Field(..., ge=1, le=10_000)
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    enrolment_mode: EnrolmentModeValue
    offices: list[UnitNumber] = Field(..., min_length=1, max_length=100)
    supplier_unit: SupplierFilter = Field("", max_length=9, description="A sub-unit's number")


class SchemeDeliveryOut(Schema):
    id: int
    number: str
    name: str
    agreement_id: int
    agreement_number: str
    scheme_type: str
    scheme_type_name: str
    supplier: str
    supplier_name: str
    county: str
    places: int
    places_taken: int = Field(..., description="0 until participants are enrolled here")
    free_places: int
    starts_on: datetime.date
    ends_on: datetime.date | None
    enrolment_mode: str
    enrolment_mode_label: str
    status: str
    status_label: str
    status_reason: str
    offices: list[str]
    version: int


class SchemeDeliveryList(Schema):
    items: list[SchemeDeliveryOut]
    count: int


class CatalogueOut(Schema):
    office: str = Field(..., description="The office searched, by unit number")
    items: list[SchemeDeliveryOut]
    count: int


class OutcomeContractIn(Schema):
    metric: MetricValue
    price_per_outcome: Amount
    cap: Amount
    investor_name: Text = Field(..., max_length=200)
    investor_organisation_number: OrganisationNumber = Field(..., max_length=9)
    has_comparison_group: bool
    comparison_description: str = Field("", max_length=2000)
    measurement_dates: list[datetime.date] = Field(..., min_length=1, max_length=20)


class MeasurementIn(VersionIn):
    participants: int = Field(..., ge=0, le=1_000_000)
    outcomes: int = Field(..., ge=0, le=1_000_000)
    comparison_rate: Rate | None = None


class MeasurementOut(Schema):
    id: int
    measured_on: datetime.date
    status: str
    status_label: str
    participants: int | None
    outcomes: int | None
    comparison_rate: Decimal | None
    settlement: Decimal | None


class OutcomeContractOut(Schema):
    agreement_id: int
    metric: str
    metric_label: str
    price_per_outcome: Decimal
    cap: Decimal
    settled: Decimal
    left_under_cap: Decimal
    investor_name: str
    investor_organisation_number: str
    has_comparison_group: bool
    comparison_description: str
    measurements: list[MeasurementOut]
    version: int
