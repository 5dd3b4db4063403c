"""Enrolment: the caseworker, with the person, chooses a delivery their office may enrol in
and makes a draft to share with them, or applies at once; an application can be admitted
straight away — a free place (awaiting start) or the delivery's waiting list."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import MAX_TEXT, invalid
from velferd.people import selectors as people_selectors
from velferd.schemes import selectors as schemes_selectors, services as schemes

from .. import eligibility
from ..models import CLOSED, Participation, ParticipationStatus
from .changes import WATCHED, require_user
from .claims_sync import keep_claims_in_step
from .dates import check_dates
from .places import place_or_waiting_list
from .plan_sync import sync_plan

S = ParticipationStatus


def _require_office_may_enrol(person: Any, delivery: Any) -> None:
    if person.office_id not in schemes_selectors.delivery_office_ids(delivery):
        raise invalid(
            "delivery_not_for_office",
            "delivery",
            "Personens NAV-kontor kan ikke melde på til denne gjennomføringen.",
            "The person's NAV office cannot enrol people in this delivery.",
        )


def _require_not_enrolled(person: Any, delivery: Any) -> None:
    taken = Participation.objects.filter(person=person, delivery=delivery).exclude(
        status__in=CLOSED
    )
    if taken.exists():
        raise invalid(
            "already_enrolled",
            "delivery",
            "Personen er allerede påmeldt denne gjennomføringen.",
            "The person is already enrolled in this delivery.",
            status=CONFLICT,
        )


def _number(value: Any, field: str, top: Decimal) -> Decimal | None:
    if value in (None, ""):
        return None
    number = Decimal(str(value))
    if number <= 0 or number > top:
        raise invalid(
            "out_of_range",
            field,
            f"Skriv et tall over 0 og høyst {top}.",
            f"Write a number above 0 and at most {top}.",
        )
    return number


@retried_atomic
def enrol(
    *,
    actor: Actor,
    person: Any,
    delivery: Any,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    content: str = "",
    percentage: Any = None,
    days_per_week: Any = None,
    as_draft: bool = False,
    admit: bool = False,
    extension_reason: str = "",
) -> Participation:
    """Enrol the person in the delivery, by the catalogue's rules (participants.eligibility).
    A draft is shared with the person to read and comment on; an application with `admit`
    takes a free place, or joins the waiting list when the delivery is full."""
    policies.require(actor, policies.can_enrol, person)
    _require_office_may_enrol(person, delivery)
    eligibility.require_eligible(person, delivery, starts_on)
    extended = check_dates(delivery.scheme_type, starts_on, ends_on, extension_reason)
    fields = {
        "percentage": _number(percentage, "percentage", Decimal(100)),
        "days_per_week": _number(days_per_week, "days_per_week", Decimal(7)),
    }
    people_selectors.lock_person(person.pk)
    schemes.lock_delivery(delivery.pk)
    _require_not_enrolled(person, delivery)
    participation = Participation.objects.create(
        person=person,
        delivery=delivery,
        status=S.DRAFT if as_draft else S.APPLIED,
        content=(content or "").strip()[:MAX_TEXT],
        starts_on=starts_on,
        ends_on=ends_on,
        caseworker=require_user(actor),
        **fields,
    )
    if admit and not as_draft:
        place_or_waiting_list(participation)
        participation.save()
    sync_plan(actor, participation)
    keep_claims_in_step(participation)
    after = audit.snapshot(participation, *WATCHED)
    if extended:
        after["extension_reason"] = extension_reason.strip()[:2000]
    audit.record(actor=actor, action="participation.created", target=participation, after=after)
    return participation
