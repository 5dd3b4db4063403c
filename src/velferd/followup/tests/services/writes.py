"""What the tests of follow-up writes share: the logins by name, a record read again, the
audit trail's marks, and `refused`, which checks that a refused write wrote nothing at all."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypeVar

import pytest
from django.db.models import Model
from django.utils import timezone

from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.followup.models import (
    Activity,
    ActivityChange,
    ActivityComment,
    Benefit,
    FollowUpPeriod,
    IndividualPlan,
    Message,
    NeedsAssessment,
    PlanMeasure,
    PlanMember,
    QualificationAssessment,
    ReminderNote,
    SavedFilter,
    Thread,
)
from velferd.letters.models import Letter
from velferd.people.models import Consent, Person
from velferd.people.services import consent_give

Lookup = Callable[[str], Actor]
M = TypeVar("M", bound=Model)

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
REASONING = "Du vil tilbake i jobb og trenger litt hjelp til å søke."


def user(username: str) -> User:
    return User.objects.get(username=username)


def reread(record: M) -> M:
    """The record as it is stored now."""
    return type(record)._default_manager.get(pk=record.pk)


def audit_mark() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def actions_after(mark: int) -> list[str]:
    return list(AuditEvent.objects.filter(seq__gt=mark).values_list("action", flat=True))


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


def row_of(record: Model) -> dict[str, object]:
    """The record as it is stored now."""
    stored = type(record)._default_manager.get(pk=record.pk)
    return {f.attname: getattr(stored, f.attname) for f in stored._meta.concrete_fields}


def followup_rows() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            FollowUpPeriod,
            NeedsAssessment,
            Activity,
            ActivityChange,
            ActivityComment,
            Thread,
            Message,
            Letter,
        )
    )


def refused(call: Callable[[], object], *records: Model) -> DomainError:
    """Run a write that must be refused; return the refusal, having checked that nothing was
    written: no audit event, no new follow-up row, the given records unchanged."""
    events, rows, before = AuditEvent.objects.count(), followup_rows(), [row_of(r) for r in records]
    with pytest.raises(DomainError) as caught:
        call()
    assert AuditEvent.objects.count() == events, "a refused write left an audit event"
    assert followup_rows() == rows, "a refused write created a record"
    assert [row_of(r) for r in records] == before, "a refused write changed a record"
    return caught.value


def members_of(plan: IndividualPlan) -> dict[str, bool]:
    """The plan's member services, each with whether it is the coordinator."""
    return dict(PlanMember.objects.filter(plan=plan).values_list("service", "is_coordinator"))


def coordination_rows() -> tuple[object, ...]:
    return (
        *(
            model.objects.count()
            for model in (
                Benefit,
                QualificationAssessment,
                IndividualPlan,
                PlanMeasure,
                SavedFilter,
                ReminderNote,
            )
        ),
        sorted(PlanMember.objects.values_list("plan_id", "service", "is_coordinator")),
    )


def refused_in_coordination(call: Callable[[], object], *records: Model) -> DomainError:
    """Run a write that must be refused; return the refusal, having checked that nothing was
    written: no audit event, no coordination row added, removed or moved, the given
    records unchanged."""
    events, rows = AuditEvent.objects.count(), coordination_rows()
    before = [row_of(r) for r in records]
    with pytest.raises(DomainError) as caught:
        call()
    assert AuditEvent.objects.count() == events, "a refused write left an audit event"
    assert coordination_rows() == rows, "a refused write changed the coordination rows"
    assert [row_of(r) for r in records] == before, "a refused write changed a record"
    return caught.value


def give_consent(
    who: Person,
    service: str,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Consent:
    return consent_give(
        actor=system_actor("tests"),
        person=who,
        partner_service=service,
        purpose="Samarbeid om individuell plan",
        starts_on=starts_on or TODAY(),
        ends_on=ends_on or TODAY() + 180 * DAY,
    )
