"""Needs assessments (§14a): the draft, its edits, the approver's second signature for the
permanent need groups, and sending the decision with its letter.

A draft has the main goal its group takes (none for permanent adaptation; get or keep work
for the others, as NAV's decision support offers today) and may still lack its sources;
it goes to an approver or is sent only with at least one (lifecycles.ready_to_decide)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import MAX_TEXT, invalid, required_text
from velferd.letters import services as letter_services

from .. import lifecycles
from ..locking import lock_person
from ..models import AssessmentStatus, NeedGroup, NeedsAssessment
from .changes import changing, moved, moving, require_user
from .periods import open_period_of

if TYPE_CHECKING:
    from velferd.people.models import Person

ASSESSMENT_FIELDS = ("need_group", "main_goal", "reasoning", "sources", "evidence", "status")


def _check_assessment_values(need_group: str, main_goal: str) -> None:
    if need_group not in NeedGroup.values:
        raise invalid(
            "unknown_need_group", "need_group", "Ukjent innsatsgruppe.", "Unknown need group."
        )
    lifecycles.check_main_goal(need_group, main_goal)


def _checked_sources(sources: list[str] | None, evidence: str) -> list[str]:
    """The sources as codes, each once, in the order of the list of sources."""
    chosen = list(dict.fromkeys(sources or []))
    lifecycles.check_sources(chosen, evidence)
    return chosen


def _no_open_period() -> DomainError:
    return invalid(
        "no_open_period",
        None,
        "Start oppfølging før du vurderer bistandsbehovet.",
        "Start the follow-up before assessing the needs.",
        status=CONFLICT,
    )


def assessment_create_refusals(person: Person) -> list[DomainError]:
    """What refuses a new assessment whatever its fields say (no open follow-up), for the
    page to name with the fields' own mistakes."""
    return [] if open_period_of(person) is not None else [_no_open_period()]


@retried_atomic
def assessment_create(
    *,
    actor: Actor,
    person: Person,
    need_group: str,
    main_goal: str = "",
    reasoning: str,
    sources: list[str] | None = None,
    evidence: str = "",
) -> NeedsAssessment:
    policies.require(actor, policies.can_follow_up, person)
    lock_person(person.pk)
    period = open_period_of(person)
    if period is None:
        raise _no_open_period()
    main_goal = main_goal or ""
    _check_assessment_values(need_group, main_goal)
    evidence = (evidence or "").strip()[:MAX_TEXT]
    assessment = NeedsAssessment.objects.create(
        person=person,
        period=period,
        need_group=need_group,
        main_goal=main_goal,
        reasoning=required_text(reasoning, "reasoning", "Begrunnelsen", "reasoning"),
        sources=_checked_sources(sources, evidence),
        evidence=evidence,
        author=require_user(actor),
    )
    audit.record(
        actor=actor,
        action="assessment.created",
        target=assessment,
        after=audit.snapshot(assessment, *ASSESSMENT_FIELDS),
    )
    return assessment


@retried_atomic
def assessment_update(
    *, actor: Actor, assessment: NeedsAssessment, version: int, **changes: Any
) -> NeedsAssessment:
    """Edit a draft, a returned or an approved assessment; an approved one goes back to draft
    and must be approved again."""
    policies.require(actor, policies.can_follow_up, assessment.person)
    with changing(
        actor, assessment, "assessment.updated", version=version, watch=ASSESSMENT_FIELDS
    ) as step:
        assessment = step.record
        if assessment.status in (AssessmentStatus.SENT, AssessmentStatus.AWAITING_APPROVAL):
            raise invalid(
                "assessment_locked",
                None,
                "Vurderingen kan ikke endres nå.",
                "The assessment cannot be changed now.",
                status=CONFLICT,
            )
        _apply_changes(assessment, changes)
        if assessment.status == AssessmentStatus.APPROVED:
            lifecycles.ASSESSMENT.require(assessment.status, AssessmentStatus.DRAFT)
            assessment.status = AssessmentStatus.DRAFT
            assessment.approver = None
    return assessment


def _apply_changes(assessment: NeedsAssessment, changes: dict[str, Any]) -> None:
    """The fields sent, checked together: the main goal against the group as it will be,
    the sources against the free text as it will be."""
    if "main_goal" in changes:
        changes["main_goal"] = changes["main_goal"] or ""
    _check_assessment_values(
        changes.get("need_group", assessment.need_group),
        changes.get("main_goal", assessment.main_goal),
    )
    for field in ("need_group", "main_goal"):
        if field in changes:
            setattr(assessment, field, changes[field])
    if "reasoning" in changes:
        assessment.reasoning = required_text(
            changes["reasoning"], "reasoning", "Begrunnelsen", "reasoning"
        )
    if "evidence" in changes:
        assessment.evidence = (changes["evidence"] or "").strip()[:MAX_TEXT]
    if "sources" in changes or "evidence" in changes:
        assessment.sources = _checked_sources(
            changes.get("sources", assessment.sources), assessment.evidence
        )


# The moves (lifecycles.ASSESSMENT), a service each --------------------------------------------


@lifecycles.ASSESSMENT.service("submit")
@retried_atomic
def assessment_submit(
    *, actor: Actor, assessment: NeedsAssessment, version: int
) -> NeedsAssessment:
    """Send a permanent-group assessment to an approver."""
    policies.require(actor, policies.can_follow_up, assessment.person)
    return moved(actor, assessment, lifecycles.ASSESSMENT, "submit", version=version)


def _refuse_own_approval(actor: Actor, assessment: NeedsAssessment) -> None:
    if policies.is_own_assessment(actor, assessment):
        raise invalid(
            "own_assessment",
            None,
            "Du kan ikke være beslutter for din egen vurdering.",
            "You cannot approve your own assessment.",
            status=403,
        )


@lifecycles.ASSESSMENT.service("approve")
@retried_atomic
def assessment_approve(
    *, actor: Actor, assessment: NeedsAssessment, version: int
) -> NeedsAssessment:
    _refuse_own_approval(actor, assessment)
    policies.require(actor, policies.can_approve_assessment, assessment)
    with moving(actor, assessment, lifecycles.ASSESSMENT, "approve", version=version) as step:
        step.record.approver = require_user(actor)
        step.record.approver_comment = ""
    return step.record


@lifecycles.ASSESSMENT.service("return")
@retried_atomic
def assessment_return(
    *, actor: Actor, assessment: NeedsAssessment, version: int, comment: str
) -> NeedsAssessment:
    _refuse_own_approval(actor, assessment)
    policies.require(actor, policies.can_approve_assessment, assessment)
    with moving(actor, assessment, lifecycles.ASSESSMENT, "return", version=version) as step:
        step.record.approver_comment = required_text(comment, "comment", "Kommentaren", "comment")
        step.after = {"comment": step.record.approver_comment}
    return step.record


@lifecycles.ASSESSMENT.service("send")
@retried_atomic
def assessment_send(*, actor: Actor, assessment: NeedsAssessment, version: int) -> NeedsAssessment:
    """Send the decision: a permanent group only once approved. Sending writes the
    decision letter."""
    policies.require(actor, policies.can_follow_up, assessment.person)
    with moving(actor, assessment, lifecycles.ASSESSMENT, "send", version=version) as step:
        assessment = step.record
        assessment.sent_at = timezone.now()
        assessment.letter = letter_services.decision_letter_send(actor=actor, assessment=assessment)
        step.after = {"letter": str(assessment.letter.pk)}
    return assessment
