"""The funding API, at /api/v1/funding/: a module per capability on one router."""

from . import claims, money  # noqa: F401  (their routes join the router)
from .router import router

__all__ = ["router"]
