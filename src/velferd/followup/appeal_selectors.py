"""Reads of appeals against §14a decisions, for the person and for the staff allowed to see
them: one appeal (a staff read is logged, as every read of one person's follow-up), the
office's list, the lists the API gives, and the person's own decisions with their appeals
and the last day to appeal each."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import forbidden
from velferd.core.identifiers import as_uuid

from .models import Appeal, AppealStatus, AssessmentStatus, NeedsAssessment
from .models.appeals import appeal_deadline
from .selectors import _of_visible_person, assessments_of

if TYPE_CHECKING:
    from velferd.people.models import Person


def _appeals() -> QuerySet[Appeal]:
    return Appeal.objects.select_related(
        "person", "person__office", "decision", "new_decision", "registered_by", "prepared_by"
    )


def appeal_for(*, actor: Actor, appeal_id: object) -> Appeal:
    """One appeal, for the person and the staff who may see them; staff reads are logged."""
    key = as_uuid(appeal_id)
    record = _appeals().filter(pk=key).first() if key else None
    found = _of_visible_person(actor, record, "klagen", "the appeal", "appeal", "appeal")
    if not policies.can_view_appeal(actor, found):
        raise forbidden()
    return found


def appeal_as_written(appeal: Appeal) -> Appeal:
    """The appeal as a write has just left it (not logged: see `assessment_as_written`)."""
    return _appeals().get(pk=appeal.pk)


def appeals_to_prepare(*, actor: Actor, statuses: tuple[str, ...] = ()) -> QuerySet[Appeal]:
    """The office's list of appeals: those the actor may prepare (policies.appeals_preparable),
    in `statuses` (all if none), oldest first. Not logged per row, as other lists."""
    found = _appeals().filter(policies.appeals_preparable(actor))
    if statuses:
        found = found.filter(status__in=statuses)
    return found.order_by("received_on", "created_at", "pk")


def appeals_visible_to(*, actor: Actor, status: str = "") -> QuerySet[Appeal]:
    """The appeals the actor may see one by one (policies.appeals_visible): the person's own,
    the staff's of the people they may see. Newest first."""
    found = _appeals().filter(policies.appeals_visible(actor))
    if status:
        found = found.filter(status=status)
    return found.order_by("-received_on", "-created_at", "pk")


def appeals_against(decision: NeedsAssessment) -> QuerySet[Appeal]:
    """The appeals against one decision, for the page of the decision (read with it)."""
    return _appeals().filter(decision=decision)


def appeals_of(person: Person) -> QuerySet[Appeal]:
    """The person's own appeals, for their own pages."""
    return _appeals().filter(person=person)


@dataclass(frozen=True)
class SentDecision:
    """A decision as the person sees it on their own pages: its letter, the last day to
    appeal it, its appeals, and whether one is being prepared (then no second one)."""

    decision: NeedsAssessment
    deadline: datetime.date
    appeals: list[Appeal]

    @property
    def appeal_open(self) -> bool:
        return any(appeal.status == AppealStatus.RECEIVED for appeal in self.appeals)


def sent_decision(decision: NeedsAssessment) -> SentDecision:
    assert decision.sent_at is not None
    return SentDecision(
        decision=decision,
        deadline=appeal_deadline(timezone.localdate(decision.sent_at)),
        appeals=list(appeals_against(decision)),
    )


def sent_decisions_of(person: Person) -> list[SentDecision]:
    """The person's sent decisions, newest first, with their appeals."""
    sent = assessments_of(person).filter(status=AssessmentStatus.SENT).order_by("-sent_at")
    return [sent_decision(decision) for decision in sent]
