"""Pieces every domain's API uses: paging parameters and the error shape. Who is calling
is the access domain's (`velferd.access.api_auth`)."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema

from velferd.core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class VersionIn(Schema):
    """The version of the record as the writer read it; a stale one is refused (409)."""

    version: int = Field(..., ge=1, description="The record's version as read")


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


ERRORS: dict[int, Any] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
}
