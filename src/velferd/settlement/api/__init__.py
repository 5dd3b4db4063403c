"""The settlement API, at /api/v1/settlement/: a module per capability on one router."""

from . import cases, round  # noqa: F401  (their routes join the router)
from .router import router

__all__ = ["router"]
