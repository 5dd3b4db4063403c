"""The schemes API, at /api/v1/schemes/: a module per capability on one router."""

from . import agreements, catalogue, deliveries, outcomes, suppliers  # noqa: F401  (their routes)  # noqa: F401  (their routes)
from .router import router

__all__ = ["router"]
