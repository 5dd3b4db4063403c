"""The demo's past: follow-up periods that ended before the demo's present, so that the
outcomes after follow-up have something to show. Demo data only, written directly."""

from __future__ import annotations

import datetime

from velferd.people.register_selectors import person_ids_by_national_id

from .models import FollowUpPeriod

# (national id, started on, ended on)
PastPeriod = tuple[str, datetime.date, datetime.date]


def record_past_periods(rows: list[PastPeriod]) -> int:
    """Create the ended periods not already there, at the person's current period's office;
    returns how many were created."""
    persons = person_ids_by_national_id(row[0] for row in rows)
    created = 0
    for national_id, started_on, ended_on in rows:
        person_id = persons[national_id]
        current = FollowUpPeriod.objects.filter(person_id=person_id).order_by("-started_on").first()
        if current is None:
            continue
        _, made = FollowUpPeriod.objects.get_or_create(
            person_id=person_id,
            started_on=started_on,
            defaults={
                "ended_on": ended_on,
                "office_id": current.office_id,
                "end_reason": "Avsluttet",
            },
        )
        created += made
    return created
