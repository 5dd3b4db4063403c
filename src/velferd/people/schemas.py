from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from velferd.access.roles import PartnerService
from velferd.core.constraints import (
    NOT_BLANK,
    MunicipalityNumber,
    NationalId,
    omissible,
    one_of,
)

from .models import AddressProtection
from .services import LANGUAGE_CODES

Language = Annotated[str, one_of(sorted(LANGUAGE_CODES))]
Protection = Annotated[str, one_of(AddressProtection)]
Name = Annotated[str, NOT_BLANK]


class ChildIn(Schema):
    given_name: str = Field("", max_length=100)
    birth_date: datetime.date


class PersonIn(Schema):
    national_id: NationalId = Field(..., description="11 digits: fødselsnummer or D-number.")
    birth_date: datetime.date | None = Field(
        None,
        description="The birth date in the National Population Register. Left out, it is read "
        "from the number; required where the number cannot tell the century (numbers issued "
        "from 2032). Refused when it does not match the date written in the number.",
    )
    given_name: Name = Field(..., max_length=100)
    family_name: Name = Field(..., max_length=100)
    municipality: MunicipalityNumber = Field(..., description="Municipality number of residence.")
    district: str = Field(
        "", max_length=100, description="Needed where the municipality has several offices."
    )
    address_line: str = Field("", max_length=200)
    postal_code: str = Field("", max_length=4)
    postal_town: str = Field("", max_length=100)
    address_protection: Protection = "none"
    is_office_employee: bool = False
    language: Language = "nb"
    needs_interpreter: bool = False
    children: list[ChildIn] = []


class PersonPatch(Schema):
    """Only the fields sent are changed; a field cannot be sent as null, except `district`
    (null or "" for none)."""

    version: int
    given_name: Name = omissible(max_length=100)
    family_name: Name = omissible(max_length=100)
    municipality: MunicipalityNumber = omissible()
    district: str | None = Field(None, max_length=100)
    address_line: str = omissible(max_length=200)
    postal_code: str = omissible(max_length=4)
    postal_town: str = omissible(max_length=100)
    address_protection: Protection = omissible()
    language: Language = omissible()
    needs_interpreter: bool = omissible()


class PersonSummary(Schema):
    id: str
    national_id: str = Field(..., description="Masked in lists: birth date and *****.")
    name: str
    age: int
    office: str
    children_under_18: int
    needs_interpreter: bool
    protected_address: bool


class PersonList(Schema):
    items: list[PersonSummary]
    count: int


class AddressOut(Schema):
    line: str
    postal_code: str
    postal_town: str


class PersonOut(Schema):
    id: str
    national_id: str
    given_name: str
    family_name: str
    birth_date: datetime.date
    age: int
    municipality: str
    district: str
    office: str
    office_unit_number: str
    address: AddressOut | None = Field(None, description="Left out when the address is protected.")
    address_protection: str
    language: str
    needs_interpreter: bool
    children_under_18: list[datetime.date]
    version: int


class ConsentIn(Schema):
    partner_service: Annotated[str, one_of(PartnerService)]
    purpose: Annotated[str, NOT_BLANK] = Field(..., max_length=300)
    starts_on: datetime.date
    ends_on: datetime.date
    document: str = Field(
        "",
        max_length=200,
        description="The document the consent rests on; needed when staff record the "
        "consent that opens the municipal records to the state side (nav_state).",
    )


class ConsentOut(Schema):
    id: str
    partner_service: str
    purpose: str
    starts_on: datetime.date
    ends_on: datetime.date
    document: str
    withdrawn_at: datetime.datetime | None
    holds: bool


class AccessLogEntry(Schema):
    occurred_at: datetime.datetime
    unit: str
    role: str
    what: str
    purpose: str


class AccessLogList(Schema):
    items: list[AccessLogEntry]
    count: int
