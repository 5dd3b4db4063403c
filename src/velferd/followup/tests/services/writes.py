"""What the tests of follow-up writes share: `refused` and `refused_in_coordination`, which
check that a refused write wrote nothing at all, and consents to coordinate. The audit
trail's marks, a record read again and the logins' actors are core.testing's, taken from
here too."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import Model
from django.utils import timezone

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import (
    Lookup as Lookup,
    actions_since as actions_since,
    audit_mark as audit_mark,
    last_event as last_event,
    refusal,
    reread as reread,
    stored_fields as row_of,
)
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

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
REASONING = "Du vil tilbake i jobb og trenger litt hjelp til å søke."


def user(username: str) -> User:
    return User.objects.get(username=username)


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
    return refusal(
        call,
        unchanged=lambda: (
            AuditEvent.objects.count(),
            followup_rows(),
            [row_of(r) for r in records],
        ),
    )


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
    return refusal(
        call,
        unchanged=lambda: (
            AuditEvent.objects.count(),
            coordination_rows(),
            [row_of(r) for r in records],
        ),
    )


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
