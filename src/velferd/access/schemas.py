from __future__ import annotations

import datetime

from ninja import Field, Schema


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
    name: str = Field(..., max_length=100)
    role_assignment: int
    valid_days: int | None = Field(90, description="1–365 days, or null for no expiry.")


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
    username: str = Field(..., max_length=150)
    full_name: str = Field(..., max_length=200)
    email: str = Field("", max_length=254)
    password: str | None = Field(None, description="Leave out for users who log in with OIDC.")


class UserPatch(Schema):
    is_active: bool


class UserOut(Schema):
    id: str
    username: str
    full_name: str
    is_active: bool
    roles: list[RoleOut]


class UserList(Schema):
    items: list[UserOut]
    count: int


class RoleIn(Schema):
    role: str
    office: str | None = Field(None, description="Office unit number, for office roles.")
    iw_centre: str | None = Field(None, description="County number, for IW advisors.")
    municipality: str | None = Field(None, description="Municipality number, for partners.")
    partner_service: str | None = None
    organisation_number: str | None = None
    department: str | None = Field(None, description="Department slug, for ministry staff.")
