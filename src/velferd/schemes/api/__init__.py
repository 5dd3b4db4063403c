"""The schemes API, at /api/v1/schemes/: a module per capability on one router."""

from .router import router

__all__ = ["router"]
