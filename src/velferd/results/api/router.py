"""The results router: employment imports, outcomes and effect runs."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["results"])


def operation(function: str) -> str:
    return f"velferd_results_api_{function}"
