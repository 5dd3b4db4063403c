from __future__ import annotations

import datetime

from ninja import Field, Schema


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


class AreaOut(Schema):
    municipality_number: str
    municipality_name: str
    district: str


class OfficeSummary(Schema):
    unit_number: str
    name: str
    county: CountyOut


class OfficeOut(OfficeSummary):
    areas: list[AreaOut]
    services: list[ServiceTypeOut]
    version: int
    is_active: bool


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
    notes: str
    version: int


class AgreementIn(Schema):
    services: list[str] = Field(..., description="Service codes, the minimum ones included.")
    signed_on: datetime.date
    notes: str = Field("", max_length=4000)
    version: int


class AreaIn(Schema):
    municipality: str
    district: str = Field("", max_length=100)


class OfficeIn(Schema):
    unit_number: str
    name: str = Field(..., max_length=200)
    county: str
    areas: list[AreaIn]
    services: list[str]
    signed_on: datetime.date


class OfficePatch(Schema):
    name: str | None = Field(None, max_length=200)
    is_active: bool | None = None
    version: int


class IWCentreOut(Schema):
    name: str
    name_en: str
    county: CountyOut
    advisors: list[str]
