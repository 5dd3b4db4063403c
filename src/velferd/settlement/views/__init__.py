"""The settlement pages, under /settlement/."""

from .coordinator import municipality
from .officer import case, index, run, run_send, run_start

__all__ = ["case", "index", "municipality", "run", "run_send", "run_start"]
