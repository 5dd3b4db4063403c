"""The participants API, at /api/v1/participants/: a module per capability on one router."""

from . import enrolment as enrolment, overview as overview, supplier as supplier
from .router import router

__all__ = ["router"]
