"""Reads for a caseworker's working day: the people they follow up who wait for an answer,
their meetings today, activities past their deadline, their decisions waiting for a second
signature and the people newly given to them; and the office's people without a caseworker.
A read room of followup (see selectors.py).

Every list is built on the list filter of `can_view_person` for staff
(`policies.persons_visible_as_staff`), the rule the person's page and the detail pages
apply, so a line never leads to a page that answers 403 or 404. Lists of people are not
logged per row, as the portfolio and the people list are not; opening a line is the read
that is logged."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.audit import selectors as audit_selectors

from .models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    AssessmentStatus,
    FollowUpPeriod,
    NeedsAssessment,
    Thread,
    Waiting,
)
from .portfolio import NEW_FOR_DAYS
from .portfolio_state import OPEN_ACTIVITY


def _followed_by(actor: Actor, via: str) -> Q:
    """The people the actor follows up (the caseworker of their open period) and may see."""
    if actor.user is None:
        return Q(pk__in=[])
    return policies.persons_visible_as_staff(actor, via) & Q(
        **{
            f"{via}periods__caseworker": actor.user.pk,
            f"{via}periods__ended_on__isnull": True,
        }
    )


def waiting_for_answer(*, actor: Actor) -> QuerySet[Thread]:
    """Conversations where the person wrote last: waiting for the office, oldest first."""
    return (
        Thread.objects.filter(_followed_by(actor, "person__"), waiting_for=Waiting.OFFICE)
        .select_related("person")
        .order_by("last_message_at", "pk")
    )


def meetings_on(*, actor: Actor, day: datetime.date | None = None) -> QuerySet[Activity]:
    """The actor's meetings with their people on `day` (today), in the order of the day."""
    start = timezone.make_aware(
        datetime.datetime.combine(day or timezone.localdate(), datetime.time())
    )
    return (
        Activity.objects.filter(
            _followed_by(actor, "person__"),
            kind=ActivityKind.MEETING,
            meeting_at__gte=start,
            meeting_at__lt=start + datetime.timedelta(days=1),
        )
        .exclude(status=ActivityStatus.CANCELLED)
        .select_related("person")
        .order_by("meeting_at", "pk")
    )


def activities_past_deadline(*, actor: Actor) -> QuerySet[Activity]:
    """Planned or running activities of the actor's people whose end date has passed, the
    longest overdue first."""
    return (
        Activity.objects.filter(
            _followed_by(actor, "person__"),
            status__in=OPEN_ACTIVITY,
            ends_on__lt=timezone.localdate(),
        )
        .select_related("person")
        .order_by("ends_on", "pk")
    )


def own_decisions_awaiting_approval(*, actor: Actor) -> QuerySet[NeedsAssessment]:
    """The decisions the actor wrote that wait for an approver's signature, oldest first."""
    if actor.user is None:
        return NeedsAssessment.objects.none()
    return (
        NeedsAssessment.objects.filter(
            policies.persons_visible_as_staff(actor, "person__"),
            author=actor.user.pk,
            status=AssessmentStatus.AWAITING_APPROVAL,
        )
        .select_related("person")
        .order_by("updated_at", "pk")
    )


def newly_assigned(*, actor: Actor, days: int = NEW_FOR_DAYS) -> QuerySet[FollowUpPeriod]:
    """The open follow-up periods of the actor's people that started within `days` (the
    portfolio's "new") or were given to the actor within them (the audit trail's
    `period.assigned`), the latest started first."""
    if actor.user is None:
        return FollowUpPeriod.objects.none()
    today = timezone.localdate()
    since = today - datetime.timedelta(days=days)
    mine = FollowUpPeriod.objects.filter(
        policies.persons_visible_as_staff(actor, "person__"),
        caseworker=actor.user.pk,
        ended_on__isnull=True,
    )
    assigned = audit_selectors.targets_with_recent_action(
        model=FollowUpPeriod,
        ids=mine.filter(started_on__lt=since).values_list("pk", flat=True),
        action="period.assigned",
        since=timezone.make_aware(datetime.datetime.combine(since, datetime.time())),
    )
    return (
        mine.filter(Q(started_on__gte=since) | Q(pk__in=list(assigned)))
        .select_related("person")
        .order_by("-started_on", "pk")
    )


def unassigned_at_offices(*, actor: Actor) -> QuerySet[FollowUpPeriod]:
    """The open follow-up periods at the offices the actor manages with no caseworker, the
    longest waiting first: for the office manager to give out."""
    offices = actor.office_ids(Role.OFFICE_MANAGER)
    return (
        FollowUpPeriod.objects.filter(
            policies.persons_visible_as_staff(actor, "person__"),
            office__in=offices,
            caseworker__isnull=True,
            ended_on__isnull=True,
        )
        .select_related("person")
        .order_by("started_on", "pk")
    )
