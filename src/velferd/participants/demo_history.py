"""The demo's past: participations that ended before the demo's present, so that the
outcomes after schemes have something to show. Demo data only, written directly (history is
not made through the moves of today)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from velferd.people.register_selectors import person_ids_by_national_id

from .models import Participation, ParticipationStatus

# (national id, scheme type code, starts on, ends on, status, end reason): the participation
# is in the earliest delivery of that type
History = tuple[str, str, datetime.date, datetime.date, str, str]


def record_past_participations(rows: list[History]) -> int:
    """Create the participations not already there; returns how many were created."""
    deliveries = Participation._meta.get_field("delivery").related_model._default_manager
    caseworker = get_user_model().objects.get(username="veileder")
    persons = person_ids_by_national_id(row[0] for row in rows)
    created = 0
    for national_id, code, starts_on, ends_on, status, reason in rows:
        delivery = deliveries.filter(scheme_type__code=code).order_by("starts_on", "pk").first()
        if delivery is None:
            continue
        _, made = Participation.objects.get_or_create(
            person_id=persons[national_id],
            delivery_id=delivery.pk,
            starts_on=starts_on,
            defaults={
                "ends_on": ends_on,
                "status": status,
                "reason": reason,
                "content": "Tidligere deltakelse",
                "caseworker": caseworker,
                "ended_at": timezone.make_aware(
                    datetime.datetime.combine(ends_on, datetime.time(15))
                ),
            },
        )
        created += made
    return created


ENDED, COMPLETED = ParticipationStatus.ENDED.value, ParticipationStatus.COMPLETED.value
