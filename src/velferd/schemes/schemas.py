"""The schemes API's shapes for the catalogue and the suppliers."""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Schema

from velferd.core.api import VersionIn as VersionIn
from velferd.core.constraints import (
    NOT_BLANK,
    Declared,
    MunicipalityNumber,
    OrganisationNumber,
    one_of,
)

from .choices import NeedGroup
from .models import ArrangedAs, PriceModel, SupplierKind

SchemeCode = Annotated[str, Declared(pattern=r"^[A-Z0-9_]{1,60}$")]
Name = Annotated[str, NOT_BLANK, Declared(maxLength=200)]
LongText = Annotated[str, Declared(maxLength=4000)]
NeedGroupCode = Annotated[str, one_of(NeedGroup)]
PriceModelCode = Annotated[str, one_of(PriceModel)]
KindCode = Annotated[str, one_of(SupplierKind)]
ArrangedAsFilter = Annotated[str, one_of(ArrangedAs, blank=True)]
KindFilter = Annotated[str, one_of(SupplierKind, blank=True)]

# The catalogue ------------------------------------------------------------------------------


class SchemeTypeOut(Schema):
    code: str
    arena_code: str
    name_nb: str
    name_en: str
    arranged_as: str
    is_active: bool
    legal_basis_nb: str | None = Field(None, description="Staff only")
    legal_basis_en: str | None = None
    target_group_nb: str | None = None
    target_group_en: str | None = None
    need_groups: list[str] | None = Field(None, description="Need groups of a sent §14a decision")
    requires_sent_decision: bool | None = None
    min_age: int | None = None
    max_age: int | None = None
    other_rules_nb: str | None = None
    other_rules_en: str | None = None
    max_duration_months: int | None = None
    extension_nb: str | None = None
    extension_en: str | None = None
    price_models: list[str] | None = None
    for_caseworkers_nb: str | None = None
    for_caseworkers_en: str | None = None
    for_citizens_nb: str
    for_citizens_en: str
    citizens_lix: float
    version: int


class SchemeTypeList(Schema):
    items: list[SchemeTypeOut]
    count: int


class SchemeTypePatch(Schema):
    version: int = Field(..., ge=1)
    name_nb: Name | None = None
    name_en: Name | None = None
    legal_basis_nb: Annotated[str, Declared(maxLength=300)] | None = None
    legal_basis_en: Annotated[str, Declared(maxLength=300)] | None = None
    target_group_nb: LongText | None = None
    target_group_en: LongText | None = None
    other_rules_nb: LongText | None = None
    other_rules_en: LongText | None = None
    extension_nb: LongText | None = None
    extension_en: LongText | None = None
    for_caseworkers_nb: LongText | None = None
    for_caseworkers_en: LongText | None = None
    for_citizens_nb: LongText | None = None
    for_citizens_en: LongText | None = None
    need_groups: list[NeedGroupCode] | None = None
    price_models: list[PriceModelCode] | None = None
    min_age: int | None = Field(None, ge=1, le=99)
    max_age: int | None = Field(None, ge=1, le=99)
    max_duration_months: int | None = Field(None, ge=1, le=600)
    is_active: bool | None = None


# Suppliers ----------------------------------------------------------------------------------


class SupplierIn(Schema):
    organisation_number: OrganisationNumber
    name: Name
    kind: KindCode


class SupplierPatch(Schema):
    version: int = Field(..., ge=1)
    name: Name | None = None
    kind: KindCode | None = None
    is_active: bool | None = None


class UnitIn(Schema):
    version: int = Field(..., ge=1, description="The supplier's version")
    organisation_number: OrganisationNumber
    name: Name
    street: Name
    postcode: Annotated[str, Declared(pattern=r"^[0-9]{4}$")]
    place: Annotated[str, NOT_BLANK, Declared(maxLength=100)]
    municipality: MunicipalityNumber


class ContactIn(Schema):
    version: int = Field(..., ge=1, description="The supplier's version")
    name: Name
    title: Annotated[str, Declared(maxLength=200)] = ""
    email: Annotated[str, Declared(maxLength=254)]
    phone: Annotated[str, Declared(maxLength=20)] = ""


class UnitOut(Schema):
    id: int
    organisation_number: str
    name: str
    street: str
    postcode: str
    place: str
    municipality: str
    municipality_name: str


class ContactOut(Schema):
    id: int
    name: str
    title: str
    email: str
    phone: str


class SupplierOut(Schema):
    organisation_number: str
    name: str
    kind: str
    is_active: bool
    units: list[UnitOut]
    contacts: list[ContactOut]
    staff: list[str] = Field(..., description="The users who hold the supplier role for it")
    version: int


class SupplierSummary(Schema):
    organisation_number: str
    name: str
    kind: str
    is_active: bool


class SupplierList(Schema):
    items: list[SupplierSummary]
    count: int
