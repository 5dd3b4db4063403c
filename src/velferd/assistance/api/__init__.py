"""The financial assistance API, at /api/v1/assistance/: one router for each part of the
work (the citizen's applications, the office's casework and rates, payments and appeals)."""

from ninja import Router

router = Router(tags=["assistance"])

__all__ = ["router"]
