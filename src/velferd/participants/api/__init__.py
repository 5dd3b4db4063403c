"""The participants API, at /api/v1/participants/: a module per capability on one router."""

from .router import router

__all__ = ["router"]
