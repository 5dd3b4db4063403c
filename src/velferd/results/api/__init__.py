from . import effects  # noqa: F401  (its routes join the router)
from .router import router

__all__ = ["router"]
