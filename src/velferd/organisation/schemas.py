from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import WithJsonSchema

from velferd.core.constraints import (
    NOT_BLANK,
    CountyNumber,
    Declared,
    MunicipalityNumber,
    UnitNumber,
    one_of,
)

from . import selectors
from .reference import SERVICE_TYPES

# A service an office offers, by its code; the minimum ones every agreement must include.
ServiceCode = Annotated[str, one_of(s["code"] for s in SERVICE_TYPES)]
DepartmentSlug = Annotated[str, one_of(selectors.DEPARTMENT_SLUGS)]
District = Annotated[str, Declared(maxLength=100)]
MINIMUM_SERVICES = [s["code"] for s in SERVICE_TYPES if s.get("is_minimum")]
SERVICES_DESCRIPTION = (
    "Service codes; every office offers at least " + ", ".join(MINIMUM_SERVICES) + "."
)


class DepartmentOut(Schema):
    slug: str
    kind: str
    name: str
    name_nb: str
    name_en: str
    responsibilities_nb: str
    responsibilities_en: str
    part_of_secretary_general_staff: bool


class AgencyOut(Schema):
    slug: str
    abbreviation: str
    name_nb: str
    name_en: str


class CountyOut(Schema):
    number: str
    name: str


class MunicipalityOut(Schema):
    number: str
    name: str
    county: CountyOut


class MunicipalityList(Schema):
    items: list[MunicipalityOut]
    count: int


class ServiceTypeOut(Schema):
    code: str
    name_nb: str
    name_en: str
    is_minimum: bool
    legal_basis_nb: str = Field(..., description="The provision that requires a minimum service")
    legal_basis_en: str


class AreaOut(Schema):
    municipality_number: str
    municipality_name: str
    district: str


class OfficeSummary(Schema):
    unit_number: str
    name: str
    county: CountyOut


Weekday = Annotated[int, Field(ge=1, le=7, description="1 is Monday, 7 Sunday")]


class VisitingAddress(Schema):
    street: str = Field("", max_length=200)
    postcode: str = Field("", max_length=4, description="Four digits")
    place: str = Field("", max_length=100)


# A wall-clock time in Norway, with no offset: JSON Schema's "time" format demands one, so the
# document names RFC 3339's partial-time and gives its form.
LocalTime = Annotated[
    datetime.time,
    WithJsonSchema(
        {
            "type": "string",
            "format": "partial-time",
            "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
        }
    ),
]


class OpeningHoursRow(Schema):
    weekday: Weekday
    opens: LocalTime = Field(..., description="HH:MM, local time")
    closes: LocalTime = Field(..., description="After `opens`")


class OfficeOut(OfficeSummary):
    areas: list[AreaOut]
    services: list[ServiceTypeOut]
    minimum_missing: list[ServiceTypeOut] = Field(
        ..., description="Minimum services the office's agreement lacks"
    )
    version: int
    is_active: bool
    visiting_address: VisitingAddress
    phone: str
    opening_hours: list[OpeningHoursRow] = Field(
        ..., description="A row per weekday the office is open; a day without one is closed"
    )
    opening_note: str = Field(
        ..., description='Beside the hours, e.g. "Timeavtale utenom åpningstid"'
    )


class OfficeList(Schema):
    items: list[OfficeOut]
    count: int


class ServingOfficeOut(Schema):
    municipality: MunicipalityOut
    district: str
    office: OfficeOut


class AgreementOut(Schema):
    office: OfficeSummary
    signed_on: datetime.date
    services: list[ServiceTypeOut]
    meets_minimum: bool = Field(
        ..., description="False for an agreement signed before a minimum service was required"
    )
    minimum_missing: list[ServiceTypeOut]
    notes: str
    version: int


class AgreementIn(Schema):
    services: list[ServiceCode] = Field(..., description=SERVICES_DESCRIPTION)
    signed_on: datetime.date
    notes: str = Field("", max_length=4000)
    version: int


class AreaIn(Schema):
    municipality: MunicipalityNumber
    district: str = Field("", max_length=100)


class OfficeIn(Schema):
    unit_number: UnitNumber
    name: Annotated[str, NOT_BLANK] = Field(..., max_length=200)
    county: CountyNumber
    areas: Annotated[list[AreaIn], Declared(minItems=1)]
    services: list[ServiceCode] = Field(..., description=SERVICES_DESCRIPTION)
    signed_on: datetime.date


class OfficePatch(Schema):
    name: Annotated[str, NOT_BLANK] | None = Field(None, max_length=200)
    is_active: bool | None = None
    version: int


class OfficeVisitingIn(Schema):
    visiting_address: VisitingAddress
    phone: str = Field("", max_length=20)
    opening_hours: list[OpeningHoursRow] = Field(
        ..., description="Replaces the office's hours: one row per weekday it is open"
    )
    opening_note: str = Field("", max_length=300)
    version: int


class IWCentreOut(Schema):
    name: str
    name_en: str
    county: CountyOut
    advisors: list[str]
