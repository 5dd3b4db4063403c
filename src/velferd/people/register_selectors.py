"""Reads for registers that name people by their identity number (the employers' monthly
reports): which of the numbers velferd knows, as person ids. No access check: the caller's
service has asked its own policy, and nothing of the person is returned but the id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .models import Person

CHUNK = 900  # under SQLite's limit of host parameters in one statement


def person_ids_by_national_id(numbers: Iterable[str]) -> dict[str, Any]:
    """The persons among `numbers`, as {national id: person id}."""
    wanted = sorted(set(numbers))
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), CHUNK):
        rows = Person.objects.filter(national_id__in=wanted[start : start + CHUNK])
        found.update(rows.values_list("national_id", "id"))
    return found
