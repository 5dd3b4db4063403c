"""The financial assistance API, at /api/v1/assistance/: one router for each part of the
work (the citizen's applications, the office's casework and rates, payments and appeals)."""

from ninja import Router

from .appeals import router as appeals_router
from .caseworker import router as caseworker_router
from .citizen import router as citizen_router
from .payments import router as payments_router
from .rates import router as rates_router

router = Router(tags=["assistance"])
router.add_router("", caseworker_router)
router.add_router("", rates_router)
router.add_router("", payments_router)
router.add_router("", appeals_router)
router.add_router("", citizen_router)

__all__ = ["router"]
