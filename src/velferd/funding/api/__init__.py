"""The funding API, at /api/v1/funding/: a module per capability on one router."""

from .router import router

__all__ = ["router"]
