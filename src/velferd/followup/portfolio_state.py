"""The upkeep of the portfolio's state rows (models.PortfolioState): one per open follow-up
period, rewritten in the same transaction whenever one of the records it sums up is saved or
deleted. The records are listed once, in SOURCES, and followed by signals (apps.py), so that
no write path — a service, a loader, the admin — can leave a row behind.

Bulk loads that bypass the ORM run `velferd refresh-portfolio --all` afterwards; the nightly
`velferd refresh-portfolio` rewrites the rows whose benefit or consent stretch has run out
while a later one is on record (`stale_after`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils import timezone

from velferd.people import selectors as people_selectors

from .models import (
    OPEN_ENDED,
    Activity,
    ActivityKind,
    ActivityRequirement,
    ActivityStatus,
    AssessmentStatus,
    Benefit,
    BenefitKind,
    FollowUpPeriod,
    NeedsAssessment,
    PlanMeasure,
    PortfolioState,
    QualificationAssessment,
    Thread,
    Waiting,
)

if TYPE_CHECKING:
    from velferd.people.models import Person

OPEN_ACTIVITY = (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS)
WAITING_ACTIVITY = (ActivityStatus.PROPOSED, ActivityStatus.PLANNED)
NAV_STATE = "nav_state"
# The state's benefits for a living, under the National Insurance Act: a person who has one
# is not in the qualification programme's target group, which has "no or very limited"
# such benefits (Social Services Act § 29). Financial, qualification and introduction
# benefits are not the state's.
STATE_LIVELIHOOD_BENEFITS = (
    BenefitKind.WORK_ASSESSMENT_ALLOWANCE,
    BenefitKind.DISABILITY_BENEFIT,
    BenefitKind.UNEMPLOYMENT_BENEFIT,
    BenefitKind.SICKNESS_BENEFIT,
    BenefitKind.TRANSITIONAL_BENEFIT,
)

Stretch = tuple[datetime.date, datetime.date]


# The people domain's records, by label: follow-up reads them through its selectors.
PERSON = "people.Person"


def _person_of(instance: models.Model) -> Any:
    if instance._meta.label == PERSON:
        return instance.pk
    if isinstance(instance, PlanMeasure):
        return instance.plan.person_id
    return getattr(instance, "person_id", None)


# The records the state sums up (the people domain's by their label, for the signals' lazy
# senders), and how to find the person each one belongs to.
SOURCES: tuple[type[models.Model] | str, ...] = (
    PERSON,
    "people.Child",
    "people.Consent",
    FollowUpPeriod,
    NeedsAssessment,
    Thread,
    Activity,
    Benefit,
    QualificationAssessment,
    ActivityRequirement,
    PlanMeasure,
)


def on_source_changed(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    person_id = _person_of(instance)
    if person_id is not None:
        refresh(person_id)


def stretches(periods: Iterable[tuple[datetime.date, datetime.date | None]]) -> list[Stretch]:
    """Periods joined into stretches where they overlap or follow on the next day."""
    joined: list[list[datetime.date]] = []
    for start, end in sorted((s, e or OPEN_ENDED) for s, e in periods):
        if joined and start <= _next_day(joined[-1][1]):
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return [(start, end) for start, end in joined]


def _next_day(day: datetime.date) -> datetime.date:
    return day if day == OPEN_ENDED else day + datetime.timedelta(days=1)


def current_stretch(
    found: list[Stretch], today: datetime.date
) -> tuple[Stretch | None, datetime.date | None]:
    """The stretch that holds today, else the next one, else the last; and the day after
    which a later stretch takes over (None when none will)."""
    for index, (start, end) in enumerate(found):
        if end >= today:
            later = index + 1 < len(found)
            return (start, end), (end if later else None)
    return (found[-1] if found else None), None


def _benefit_stretch(
    person: Person, kinds: Iterable[str], today: datetime.date
) -> tuple[Stretch | None, datetime.date | None]:
    """The stretch of the person's benefits of these kinds that holds today (current_stretch)."""
    periods = Benefit.objects.filter(person=person, kind__in=list(kinds))
    return current_stretch(stretches(periods.values_list("starts_on", "ends_on")), today)


def _facts(person: Person, today: datetime.date) -> dict[str, Any]:
    decision = (
        NeedsAssessment.objects.filter(person=person, status=AssessmentStatus.SENT)
        .order_by("-sent_at")
        .values("need_group", "main_goal")
        .first()
    ) or {"need_group": "", "main_goal": ""}
    waiting = set(
        Thread.objects.filter(person=person)
        .exclude(waiting_for=Waiting.NOBODY)
        .values_list("waiting_for", flat=True)
    )
    activities = Activity.objects.filter(person=person, status__in=OPEN_ACTIVITY).aggregate(
        next_deadline=Min("ends_on"),
        agreed_open_ends=Max("ends_on", filter=Q(agreed_with_office=True)),
        agreed_open_ended=Count("pk", filter=Q(agreed_with_office=True, ends_on__isnull=True)),
    )
    if activities["agreed_open_ended"]:
        agreed_open_until: datetime.date | None = OPEN_ENDED
    else:
        agreed_open_until = activities["agreed_open_ends"]
    assistance, assistance_stale = _benefit_stretch(
        person, (BenefitKind.FINANCIAL_ASSISTANCE,), today
    )
    livelihood, livelihood_stale = _benefit_stretch(person, STATE_LIVELIHOOD_BENEFITS, today)
    consent, consent_stale = current_stretch(
        stretches(people_selectors.consent_spans(person, NAV_STATE)),
        today,
    )
    stale = [day for day in (assistance_stale, livelihood_stale, consent_stale) if day is not None]
    return {
        **decision,
        "waiting_for_office": Waiting.OFFICE in waiting,
        "waiting_for_person": Waiting.PERSON in waiting,
        "next_deadline": activities["next_deadline"],
        "agreed_open_until": agreed_open_until,
        "youngest_child_born": people_selectors.youngest_child_born(person),
        "financial_assistance_from": assistance[0] if assistance else None,
        "financial_assistance_until": assistance[1] if assistance else None,
        "nav_state_consent_from": consent[0] if consent else None,
        "nav_state_consent_until": consent[1] if consent else None,
        "qualification_assessed": QualificationAssessment.objects.filter(person=person).exists(),
        "livelihood_benefit_from": livelihood[0] if livelihood else None,
        "livelihood_benefit_until": livelihood[1] if livelihood else None,
        "activity_requirement_recorded": ActivityRequirement.objects.filter(person=person).exists(),
        "plan_overdue_from": PlanMeasure.objects.filter(
            plan__person=person, done_on__isnull=True
        ).aggregate(first=Min("deadline"))["first"],
        **_scheme_facts(person),
        "stale_after": min(stale) if stale else None,
    }


def _scheme_facts(person: Person) -> dict[str, Any]:
    """Whether one of the person's scheme activities waits for a place, and the first end
    date of those running."""
    found = Activity.objects.filter(person=person, kind=ActivityKind.SCHEME).aggregate(
        waiting=Count("pk", filter=Q(on_waiting_list=True, status__in=WAITING_ACTIVITY)),
        ends_on=Min("ends_on", filter=Q(status=ActivityStatus.IN_PROGRESS)),
    )
    return {"scheme_waiting": bool(found["waiting"]), "scheme_ends_on": found["ends_on"]}


def refresh(person_id: Any, today: datetime.date | None = None) -> PortfolioState | None:
    """Rewrite the person's state row from their records; remove it when they have no open
    follow-up period."""
    period = (
        FollowUpPeriod.objects.select_related("person")
        .filter(person_id=person_id, ended_on__isnull=True)
        .first()
    )
    if period is None:
        PortfolioState.objects.filter(person_id=person_id).delete()
        return None
    person = period.person
    PortfolioState.objects.filter(person_id=person_id).exclude(period=period).delete()
    state, _ = PortfolioState.objects.update_or_create(
        period=period,
        defaults={
            "office_id": period.office_id,
            "person": person,
            "person_office_id": person.office_id,
            "caseworker_id": period.caseworker_id,
            "started_on": period.started_on,
            "family_name": person.family_name,
            "given_name": person.given_name,
            "birth_date": person.birth_date,
            "needs_interpreter": person.needs_interpreter,
            "strictly_confidential": person.is_strictly_confidential,
            "office_employee": person.is_office_employee,
            **_facts(person, today or timezone.localdate()),
        },
    )
    return state


def _chunks(ids: Iterable[Any], size: int = 1000) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in ids:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def refresh_all(*, only_stale: bool, today: datetime.date | None = None) -> Iterator[int]:
    """Rewrite every state row (after a bulk load), or only those gone stale by today;
    yields how many rows each committed chunk rewrote."""
    day = today or timezone.localdate()
    people: QuerySet[Any, Any]
    if only_stale:
        people = PortfolioState.objects.filter(stale_after__lt=day).values_list(
            "person_id", flat=True
        )
    else:
        people = FollowUpPeriod.objects.filter(ended_on__isnull=True).values_list(
            "person_id", flat=True
        )
    for chunk in _chunks(list(people.iterator())):
        with transaction.atomic():
            for person_id in chunk:
                refresh(person_id, day)
        yield len(chunk)
