"""Reading the schemes domain, as far as the reader may see, a module per capability.
Other domains (procurement, funding) use this package: `from velferd.schemes import
selectors`."""

__all__: list[str] = []

from . import funding_support
from .funding_support import *  # noqa: F403

__all__ += funding_support.__all__
