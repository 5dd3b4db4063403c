"""Follow-up periods: starting to follow a person up at their office, assigning a
caseworker, taking the follow-up along when the person moves, and ending it."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from velferd.access import policies, selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid, required_text

from ..locking import lock_person
from ..models import FollowUpPeriod
from .changes import changing

if TYPE_CHECKING:
    from velferd.organisation.models import Office
    from velferd.people.models import Person


def open_period_of(person: Person) -> FollowUpPeriod | None:
    return FollowUpPeriod.objects.filter(person=person, ended_on__isnull=True).first()


@retried_atomic
def period_start(
    *,
    actor: Actor,
    person: Person,
    started_on: datetime.date | None = None,
    caseworker: User | None = None,
) -> FollowUpPeriod:
    """Start following the person up at their office; unassigned unless a caseworker is
    named (the office manager assigns new people)."""
    policies.require(actor, policies.can_follow_up, person)
    if caseworker is not None and caseworker != actor.user:
        policies.require(actor, policies.can_assign_caseworker, person)
    lock_person(person.pk)
    if open_period_of(person) is not None:
        raise invalid(
            "period_already_open",
            None,
            "Personen følges allerede opp.",
            "The person is already being followed up.",
            status=CONFLICT,
        )
    if caseworker is not None:
        _check_caseworker(caseworker, person)
    period = FollowUpPeriod.objects.create(
        person=person,
        office=person.office,
        caseworker=caseworker,
        started_on=started_on or timezone.localdate(),
    )
    audit.record(
        actor=actor,
        action="period.started",
        target=period,
        after=audit.snapshot(period, "person", "office", "caseworker", "started_on"),
    )
    return period


def _check_caseworker(user: User, person: Person) -> None:
    if not access_selectors.holds_role_at_office(user, person.office, policies.CASEWORKERS):
        raise invalid(
            "not_a_caseworker_here",
            "caseworker",
            f"{user} er ikke veileder ved {person.office}.",
            f"{user} is not a caseworker at {person.office}.",
        )


@retried_atomic
def period_assign(
    *, actor: Actor, period: FollowUpPeriod, caseworker: User, version: int
) -> FollowUpPeriod:
    policies.require(actor, policies.can_assign_caseworker, period.person)
    with changing(actor, period, "period.assigned", version=version, watch=("caseworker",)) as step:
        if not step.record.is_open:
            raise invalid(
                "period_ended",
                None,
                "Oppfølgingen er avsluttet.",
                "The follow-up has ended.",
                status=CONFLICT,
            )
        _check_caseworker(caseworker, step.record.person)
        step.record.caseworker = caseworker
    return step.record


def period_transfer(
    *, actor: Actor, person: Person, from_office: Office, to_office: Office, **_: object
) -> FollowUpPeriod | None:
    """When a person moves to another office's area their open follow-up goes with them,
    unassigned: the new office's manager gives it a caseworker. Runs in the transaction of
    the move (people.signals.person_moved)."""
    period = open_period_of(person)
    if period is None or period.office_id == to_office.pk:
        return period
    with changing(
        actor,
        period,
        "period.transferred",
        version=None,
        watch=("office", "caseworker"),
        related=(),
    ) as step:
        step.record.office = to_office
        step.record.caseworker = None
    return step.record


@retried_atomic
def period_end(
    *,
    actor: Actor,
    period: FollowUpPeriod,
    version: int,
    reason: str,
    ended_on: datetime.date | None = None,
) -> FollowUpPeriod:
    policies.require(actor, policies.can_follow_up, period.person)
    with changing(actor, period, "period.ended", version=version) as step:
        period = step.record
        if not period.is_open:
            raise invalid(
                "period_ended",
                None,
                "Oppfølgingen er allerede avsluttet.",
                "The follow-up has already ended.",
                status=CONFLICT,
            )
        day = ended_on or timezone.localdate()
        if day < period.started_on:
            raise invalid(
                "ends_before_start",
                "ended_on",
                "Oppfølgingen kan ikke slutte før den begynte.",
                "The follow-up cannot end before it started.",
            )
        period.ended_on = day
        period.end_reason = required_text(reason, "reason", "Årsaken", "reason", 200)
        step.after = audit.snapshot(period, "ended_on", "end_reason")
    return period
