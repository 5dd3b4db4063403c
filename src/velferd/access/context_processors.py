from typing import Any

from django.http import HttpRequest

from .selectors import actor_for_request


def roles(request: HttpRequest) -> dict[str, Any]:
    """Puts `actor` (who is acting, in which roles) in every template."""
    return {"actor": actor_for_request(request)}
