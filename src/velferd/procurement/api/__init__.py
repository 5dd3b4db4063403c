"""The procurement API, at /api/v1/procurement/: a module per capability on one router."""

from . import bids, competitions
from .router import router

__all__ = ["bids", "competitions", "router"]
