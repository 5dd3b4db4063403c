"""A change to a versioned record: its version goes up with every save."""

from __future__ import annotations

from typing import Any


def stamp(record: Any) -> None:
    record.bump_version()
    record.save()
