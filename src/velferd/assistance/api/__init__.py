"""The financial assistance API, at /api/v1/assistance/: one router for each part of the
work (the citizen's applications, the office's casework and rates, payments and appeals)."""

from ninja import Router

from .caseworker import router as caseworker_router
from .citizen import router as citizen_router
from .rates import router as rates_router

router = Router(tags=["assistance"])
router.add_router("", caseworker_router)
router.add_router("", rates_router)
router.add_router("", citizen_router)

__all__ = ["router"]
