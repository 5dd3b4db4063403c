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
