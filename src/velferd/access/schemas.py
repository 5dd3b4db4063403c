from __future__ import annotations

import datetime
from typing import Annotated

from django.contrib.auth.password_validation import (
    MinimumLengthValidator,
    get_default_password_validators,
)
from ninja import Field, Schema

from velferd.core.constraints import (
    NOT_BLANK,
    CountyNumber,
    Declared,
    MunicipalityNumber,
    OrganisationNumber,
    UnitNumber,
    one_of,
)

from . import units
from .roles import PartnerService, Role


def _shortest_password() -> int:
    return max(
        (
            v.min_length
            for v in get_default_password_validators()
            if isinstance(v, MinimumLengthValidator)
        ),
        default=1,
    )


class RoleOut(Schema):
    id: int
    role: str
    role_name: str
    unit: str


class MeOut(Schema):
    username: str
    full_name: str
    roles: list[RoleOut]
    via_token: bool


class TokenIn(Schema):
    name: Annotated[str, NOT_BLANK] = Field(..., max_length=100)
    role_assignment: int = Field(..., description="The id of one of the caller's own roles.")
    valid_days: Annotated[int, Declared(minimum=1, maximum=365)] | None = Field(
        90, description="1–365 days, or null for no expiry."
    )


class TokenOut(Schema):
    id: str
    name: str
    prefix: str
    role: str
    created_at: datetime.datetime
    expires_at: datetime.datetime | None
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None


class TokenCreatedOut(TokenOut):
    token: str = Field(..., description="The secret. Shown this once; store it safely.")


class UserIn(Schema):
    username: Annotated[str, NOT_BLANK] = Field(..., max_length=150)
    full_name: str = Field(..., max_length=200)
    email: str = Field("", max_length=254)
    password: Annotated[str, Declared(minLength=_shortest_password())] | None = Field(
        None,
        description=(
            "Leave out for users who log in with OIDC. Not a common password, not only "
            "digits, not like the username."
        ),
    )


class UserPatch(Schema):
    is_active: bool | None = Field(None, description="Deactivate or reactivate the user.")
    employee_object_id: str | None = Field(
        None,
        max_length=64,
        pattern=r"^[A-Za-z0-9-]*$",
        description=(
            "The employee's immutable object id at the identity provider (Entra ID's oid): "
            "their work-account login finds them by it. Empty clears it."
        ),
    )


class UserOut(Schema):
    id: str
    username: str
    full_name: str
    is_active: bool
    employee_object_id: str | None
    roles: list[RoleOut]


class UserList(Schema):
    items: list[UserOut]
    count: int


class RoleIn(Schema):
    role: Annotated[str, one_of(Role)]
    office: UnitNumber | None = Field(None, description="Office unit number, for office roles.")
    iw_centre: CountyNumber | None = Field(None, description="County number, for IW advisors.")
    municipality: MunicipalityNumber | None = Field(
        None, description="Municipality number, for partners."
    )
    partner_service: Annotated[str, one_of(PartnerService)] | None = Field(
        None, description="For partners."
    )
    organisation_number: OrganisationNumber | None = Field(
        None, description="For suppliers and employers."
    )
    department: Annotated[str, Declared(enum=lambda: units.keys("department"))] | None = Field(
        None, description="Department slug, for ministry staff."
    )
    county: CountyNumber | None = Field(
        None, description="County number, for a county's scheme managers (none: national)."
    )
