"""Appeals against a §14a decision (forvaltningsloven §§ 28–33): registering one, by the
person on their own pages or by the office for them, and the office's preparation of it
(§ 33): upheld, with a new decision drafted from the one appealed, or sent on to NAV
Klageinstans. The moves are declared in lifecycles.APPEAL, a service each."""

from __future__ import annotations

import datetime

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid, required_text

from .. import lifecycles
from ..locking import lock_person
from ..models import OFFERED_MAIN_GOALS, Appeal, AppealStatus, AssessmentStatus, NeedsAssessment
from ..models.appeals import appeal_deadline
from .changes import moving, require_user
from .periods import open_period_of

APPEAL_FIELDS = ("status", "received_on", "deadline", "late", "lodged_by_person")


def _refuse_unsent(decision: NeedsAssessment) -> None:
    if decision.status != AssessmentStatus.SENT:
        raise invalid(
            "decision_not_sent",
            None,
            "Bare et vedtak som er sendt, kan påklages.",
            "Only a decision that has been sent can be appealed.",
            status=CONFLICT,
        )


def _refuse_second_open_appeal(decision: NeedsAssessment) -> None:
    if Appeal.objects.filter(decision=decision, status=AppealStatus.RECEIVED).exists():
        raise invalid(
            "appeal_exists",
            None,
            "Det er allerede en klage på dette vedtaket som NAV-kontoret behandler.",
            "The office is already preparing an appeal against this decision.",
            status=CONFLICT,
        )


def _received_on(
    value: datetime.date | None, decision: NeedsAssessment, by_person: bool
) -> datetime.date:
    """The day the appeal came in: today when the person sends it; the office may give an
    earlier day (an appeal that came by post), never one in the future or before the
    decision was sent."""
    today = timezone.localdate()
    if by_person or value is None:
        return today
    if value > today:
        raise invalid(
            "received_in_future",
            "received_on",
            "Datoen klagen kom inn, kan ikke være fram i tid.",
            "The day the appeal came in cannot be in the future.",
        )
    if decision.sent_at is not None and value < timezone.localdate(decision.sent_at):
        raise invalid(
            "received_before_decision",
            "received_on",
            "Klagen kan ikke ha kommet inn før vedtaket ble sendt.",
            "The appeal cannot have come in before the decision was sent.",
        )
    return value


@retried_atomic
def appeal_register(
    *,
    actor: Actor,
    decision: NeedsAssessment,
    grounds: str,
    received_on: datetime.date | None = None,
) -> Appeal:
    """Register an appeal against a sent decision. One that comes after the deadline is
    registered too, flagged `late` for the office to consider § 31."""
    person = decision.person
    if not policies.is_the_person(actor, person):
        policies.require(actor, policies.can_follow_up, person)
    _refuse_unsent(decision)
    policies.require(actor, policies.can_appeal_decision, decision)
    lock_person(person.pk)
    _refuse_second_open_appeal(decision)
    by_person = policies.is_the_person(actor, person)
    came_in = _received_on(received_on, decision, by_person)
    assert decision.sent_at is not None
    deadline = appeal_deadline(timezone.localdate(decision.sent_at))
    appeal = Appeal.objects.create(
        person=person,
        decision=decision,
        grounds=required_text(grounds, "grounds", "Begrunnelsen for klagen", "grounds"),
        received_on=came_in,
        deadline=deadline,
        late=came_in > deadline,
        lodged_by_person=by_person,
        registered_by=require_user(actor),
    )
    audit.record(
        actor=actor,
        action="appeal.registered",
        target=appeal,
        after={**audit.snapshot(appeal, *APPEAL_FIELDS), "decision": str(decision.pk)},
    )
    return appeal


def _office_assessment(comment: str) -> str:
    return required_text(comment, "comment", "Kontorets vurdering", "office's assessment")


def _new_decision_draft(actor: Actor, appealed: NeedsAssessment) -> NeedsAssessment:
    """A draft of the new decision, from the one appealed, for the caseworker to change
    and send (a permanent group through the approver again)."""
    person = appealed.person
    draft = NeedsAssessment.objects.create(
        person=person,
        period=open_period_of(person) or appealed.period,
        need_group=appealed.need_group,
        main_goal=appealed.main_goal if appealed.main_goal in OFFERED_MAIN_GOALS else "",
        reasoning=appealed.reasoning,
        sources=list(appealed.sources),
        evidence=appealed.evidence,
        author=require_user(actor),
    )
    audit.record(
        actor=actor,
        action="assessment.created",
        target=draft,
        after={"status": draft.status, "after_appeal_against": str(appealed.pk)},
    )
    return draft


@lifecycles.APPEAL.service("uphold")
@retried_atomic
def appeal_uphold(*, actor: Actor, appeal: Appeal, version: int, comment: str) -> Appeal:
    """The office finds the appeal right (§ 33) and makes a new decision: a draft from the
    one appealed, linked to the appeal."""
    policies.require(actor, policies.can_prepare_appeal, appeal)
    with moving(actor, appeal, lifecycles.APPEAL, "uphold", version=version) as step:
        record = step.record
        record.office_assessment = _office_assessment(comment)
        record.prepared_by = require_user(actor)
        record.new_decision = _new_decision_draft(actor, record.decision)
        step.after = {"new_decision": str(record.new_decision.pk)}
    return step.record


def _forwarded_on(value: datetime.date | None, appeal: Appeal) -> datetime.date:
    today = timezone.localdate()
    day = value or today
    if day > today or day < appeal.received_on:
        raise invalid(
            "invalid_forwarded_on",
            "forwarded_on",
            "Datoen må være mellom dagen klagen kom inn og i dag.",
            "The date must be between the day the appeal came in and today.",
        )
    return day


@lifecycles.APPEAL.service("forward")
@retried_atomic
def appeal_forward(
    *,
    actor: Actor,
    appeal: Appeal,
    version: int,
    comment: str,
    forwarded_on: datetime.date | None = None,
) -> Appeal:
    """The office keeps its decision and sends the appeal on to NAV Klageinstans with its
    assessment (§ 33), on the day given (today unless said)."""
    policies.require(actor, policies.can_prepare_appeal, appeal)
    with moving(actor, appeal, lifecycles.APPEAL, "forward", version=version) as step:
        record = step.record
        record.office_assessment = _office_assessment(comment)
        record.forwarded_on = _forwarded_on(forwarded_on, record)
        record.prepared_by = require_user(actor)
        step.after = {"forwarded_on": record.forwarded_on.isoformat()}
    return step.record
