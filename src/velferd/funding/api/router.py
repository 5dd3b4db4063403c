"""The funding router and what its routes share: operation ids, months and paging."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from ninja import Router

from velferd.core.api import PageParams
from velferd.core.errors import DomainError
from velferd.core.pagination import paginate

from ..calculation import parse_month

router = Router(tags=["funding"])


def operation(function: str) -> str:
    return f"velferd_funding_api_{function}"


def paged(found: Any, paging: PageParams, out: Callable[[Any], dict[str, Any]]) -> Any:
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [out(item) for item in page.items], "count": page.count}


def month_of(value: str, field: str = "month") -> datetime.date:
    try:
        month = parse_month(value)
    except ValueError:
        month = None
    if month is None or not 2000 <= month.year <= 2100:
        raise DomainError(
            code="invalid_month",
            field=field,
            message_nb="Skriv måneden som åååå-mm, for eksempel 2026-11.",
            message_en="Write the month as yyyy-mm, for example 2026-11.",
        )
    return month
