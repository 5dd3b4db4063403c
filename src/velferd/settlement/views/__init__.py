"""The settlement pages, under /settlement/."""

from .coordinator import municipality
from .officer import case, index, run, run_send, run_start
from .requests import requests_from_file

__all__ = [
    "case",
    "index",
    "municipality",
    "requests_from_file",
    "run",
    "run_send",
    "run_start",
]
