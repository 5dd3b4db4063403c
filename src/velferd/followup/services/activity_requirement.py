"""The activity requirement for recipients of financial assistance under 30 (Social Services
Act § 20 a): the municipality's caseworker records that the condition of activity was set, or
that weighty reasons exempt the person. Records are never changed: a new decision is a new
record, so the history stays."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.validation import invalid, required_text

from ..locking import lock_person
from ..models import (
    ACTIVITY_REQUIREMENT_AGE,
    ActivityRequirement,
    ExemptionReason,
    RequirementOutcome,
)

if TYPE_CHECKING:
    from velferd.people.models import Person

MAX_TEXT = 500


def _age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _check_decided_on(person: Person, decided_on: datetime.date) -> None:
    if decided_on > timezone.localdate():
        raise invalid(
            "decided_in_future",
            "decided_on",
            "Datoen kan ikke være fram i tid.",
            "The date cannot be in the future.",
        )
    if _age_on(person.birth_date, decided_on) >= ACTIVITY_REQUIREMENT_AGE:
        raise invalid(
            "not_under_30",
            "decided_on",
            "Kravet om aktivitet i sosialtjenesteloven § 20 a gjelder mottakere under 30 år; "
            "personen var 30 år eller eldre denne dagen.",
            "The activity requirement of the Social Services Act section 20 a applies to "
            "recipients under 30; the person was 30 or older on that day.",
        )


def _fields(outcome: str, activity: str, reason: str, other: str) -> dict[str, str]:
    """The record's own fields for its outcome, checked."""
    if outcome == RequirementOutcome.CONDITION_SET:
        return {
            "activity": required_text(activity, "activity", "Aktiviteten", "activity", MAX_TEXT)
        }
    if outcome != RequirementOutcome.EXEMPT:
        raise invalid("unknown_outcome", "outcome", "Ukjent utfall.", "Unknown outcome.")
    if reason not in ExemptionReason.values:
        raise invalid(
            "exemption_reason_required",
            "exemption_reason",
            "Velg den tungtveiende grunnen til unntaket.",
            "Choose the weighty reason for the exemption.",
        )
    if reason != ExemptionReason.OTHER:
        return {"exemption_reason": reason}
    text = required_text(other, "exemption_other", "Grunnen", "reason", MAX_TEXT)
    return {"exemption_reason": reason, "exemption_other": text}


@retried_atomic
def activity_requirement_record(
    *,
    actor: Actor,
    person: Person,
    outcome: str,
    decided_on: datetime.date | None = None,
    activity: str = "",
    exemption_reason: str = "",
    exemption_other: str = "",
) -> ActivityRequirement:
    """Record that the condition of activity was set (`condition_set`, with the activity) or
    that weighty reasons exempt the person (`exempt`, with the coded reason, and the reason
    written out for `other`). The municipality's caseworkers at the person's office only."""
    policies.require(actor, policies.can_record_activity_requirement, person)
    day = decided_on or timezone.localdate()
    fields = _fields(outcome, activity, exemption_reason, exemption_other)
    _check_decided_on(person, day)
    lock_person(person.pk)
    record = ActivityRequirement.objects.create(
        person=person, outcome=outcome, decided_on=day, recorded_by=actor.user, **fields
    )
    audit.record(
        actor=actor,
        action="activity_requirement.recorded",
        target=record,
        after={"outcome": outcome, "decided_on": day, **fields},
    )
    return record
