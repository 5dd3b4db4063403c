"""The procurement router and what its routes share: paging, finding the competition or
bid a path names for the caller, the operation ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja import Router

from velferd.access.api_auth import actor_of
from velferd.core.api import PageParams
from velferd.core.pagination import paginate

from .. import selectors
from ..models import Bid, Competition

router = Router(tags=["procurement"])


def operation(function: str) -> str:
    return f"velferd_procurement_api_{function}"


def paged(found: Any, paging: PageParams, out: Callable[[Any], dict[str, Any]]) -> Any:
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [out(item) for item in page.items], "count": page.count}


def competition_of(request: HttpRequest, competition_id: int) -> Competition:
    return selectors.competition_for(actor=actor_of(request), competition_id=competition_id)


def bid_of(request: HttpRequest, bid_id: int) -> Bid:
    return selectors.bid_for(actor=actor_of(request), bid_id=bid_id)
