"""The participants API, at /api/v1/participants/: a module per capability on one router."""

from . import enrolment as enrolment
from . import overview as overview
from . import supplier as supplier
from .router import router

__all__ = ["router"]
