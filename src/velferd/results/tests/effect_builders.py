"""Builders for the effect tests: people with a follow-up period or a participation that
ended, and their outcome a year later, written directly (past the services)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, cast

from django.utils import timezone

from velferd.followup.models import AssessmentStatus, Benefit, NeedGroup
from velferd.followup.tests.factories import FollowUpPeriodFactory, NeedsAssessmentFactory
from velferd.participants.models import ParticipationStatus
from velferd.participants.tests.factories import a_participation
from velferd.people.models import Person
from velferd.people.tests.factories import a_person
from velferd.results.models import EmploymentImport, EmploymentMonth, Outcome, OutcomeOrigin
from velferd.schemes.tests.factories import DeliveryFactory

START = datetime.date(2024, 3, 1)
END = datetime.date(2024, 8, 31)


@dataclass
class Cohort:
    scheme_type: str
    treated: list[Person] = field(default_factory=list)
    controls: list[Person] = field(default_factory=list)


def clear_outcomes() -> None:
    """Leave only the test's own outcomes (the demo has some)."""
    Outcome.objects.all().delete()


def _outcome(person: Person, origin: str, origin_id: Any, scheme: str, status: str) -> None:
    Outcome.objects.create(
        person=person,
        origin=origin,
        origin_id=origin_id,
        scheme_type=scheme,
        ended_on=END,
        horizon_months=12,
        status=status,
        derived_at=timezone.now(),
    )


def a_treated(delivery: Any, status: str, **person: Any) -> Person:
    someone = a_person(**person)
    FollowUpPeriodFactory(person=someone, started_on=START - datetime.timedelta(days=60))
    participation = a_participation(
        person=someone,
        delivery=delivery,
        status=ParticipationStatus.COMPLETED,
        starts_on=START,
        ends_on=END,
    )
    _outcome(
        someone,
        OutcomeOrigin.PARTICIPATION,
        participation.pk,
        delivery.scheme_type.code,
        status,
    )
    return someone


def a_control(status: str, **person: Any) -> Person:
    someone = a_person(**person)
    period = cast(Any, FollowUpPeriodFactory(person=someone, started_on=START, ended_on=END))
    _outcome(someone, OutcomeOrigin.FOLLOW_UP_PERIOD, period.pk, "", status)
    return someone


def a_cohort(treated: int, controls: int) -> Cohort:
    """Treated people in one scheme type (every third in work) and controls with no scheme
    (every second in work)."""
    delivery: Any = DeliveryFactory()
    cohort = Cohort(scheme_type=delivery.scheme_type.code)
    for n in range(treated):
        cohort.treated.append(a_treated(delivery, "in_work" if n % 3 == 0 else "none"))
    for n in range(controls):
        cohort.controls.append(a_control("in_work" if n % 2 == 0 else "on_benefit"))
    return cohort


def employed(person: Person, *months: datetime.date) -> None:
    source, _ = EmploymentImport.objects.get_or_create(
        file_name="effect-test.csv",
        defaults={
            "imported_by": None,
            "rows": 0,
            "first_month": months[0],
            "last_month": months[-1],
        },
    )
    EmploymentMonth.objects.bulk_create(
        EmploymentMonth(person=person, month=m, employed=True, source=source) for m in months
    )


def decision_sent(person: Person, group: str = NeedGroup.SITUATION_SPECIFIC) -> None:
    period = person.periods.order_by("started_on").first()
    NeedsAssessmentFactory(
        period=period,
        person=person,
        need_group=group,
        status=AssessmentStatus.SENT,
        sent_at=timezone.make_aware(datetime.datetime(2024, 1, 15, 12)),
    )


def on_benefit(person: Person, kind: str) -> None:
    Benefit.objects.create(person=person, kind=kind, starts_on=datetime.date(2023, 12, 1))
