"""The employers router and what its routes share: paging, finding the enterprise or
cooperation a path names for the caller, naming a user, and the operation ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from ninja import Router

from velferd.access import selectors as access_selectors
from velferd.access.api_auth import actor_of
from velferd.core.api import PageParams
from velferd.core.errors import DomainError
from velferd.core.pagination import paginate

from .. import selectors
from ..models import Cooperation, Enterprise

router = Router(tags=["employers"])


def operation(function: str) -> str:
    """The operation id of a route: `velferd_employers_api_<function>`, whichever module of
    the API holds it, so that clients generated from the schema keep their method names."""
    return f"velferd_employers_api_{function}"


def paged(found: Any, paging: PageParams, out: Callable[[Any], dict[str, Any]]) -> Any:
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [out(item) for item in page.items], "count": page.count}


def in_english() -> bool:
    return (translation.get_language() or "nb").startswith("en")


def enterprise_named(request: HttpRequest, organisation_number: str) -> Enterprise:
    return selectors.enterprise_for(
        actor=actor_of(request), organisation_number=organisation_number
    )


def user_named(username: str, field: str) -> Any:
    try:
        return access_selectors.active_user_named(username)
    except DomainError as error:
        error.field = field
        raise


def cooperation_of(request: HttpRequest, cooperation_id: int) -> Cooperation:
    return selectors.cooperation_for(actor=actor_of(request), cooperation_id=cooperation_id)
