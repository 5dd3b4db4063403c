"""The enquiries router and what its routes share: the operation ids, and the errors of
the public routes (which add 429 for too many submissions)."""

from __future__ import annotations

from ninja import Router

from velferd.core.api import ERRORS

router = Router(tags=["enquiries"])
LIMITED = {**ERRORS, 429: ERRORS[422]}


def operation(function: str) -> str:
    """The operation id of a route: `velferd_enquiries_api_<function>`, whichever module of
    the API holds it, so that clients generated from the schema keep their method names."""
    return f"velferd_enquiries_api_{function}"
