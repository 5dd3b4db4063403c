"""A date a service is given by a page (dd.mm.yyyy or yyyy-mm-dd) or by the API (a date)."""

from __future__ import annotations

import datetime

from velferd.core.validation import invalid


def given_date(value: object, field: str) -> datetime.date | None:
    """The date, None when nothing is given; refused (422) when it is not a date."""
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise invalid(
        "invalid_date", field, "Skriv datoen som dd.mm.åååå.", "Write the date as dd.mm.yyyy."
    )
