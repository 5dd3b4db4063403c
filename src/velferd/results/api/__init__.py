from . import effects, employment, outcomes  # noqa: F401  (their routes join the router)
from .router import router

__all__ = ["router"]
