"""The schemes API, at /api/v1/schemes/: a module per capability on one router."""

from . import agreements, deliveries, outcomes  # noqa: F401  (their routes)
from . import catalogue, suppliers  # noqa: F401  (their routes)
from .router import router

__all__ = ["router"]
