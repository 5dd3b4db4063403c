"""Needs assessments (§14a): the draft, its letter and LIX, sending it to the approver,
approving or returning it, and sending the decision."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..models import NeedsAssessment
from ..schemas import AssessmentIn, AssessmentOut, AssessmentPatch, ReturnIn, VersionIn
from .reads import read_person

router = Router()


def assessment_out(assessment: NeedsAssessment) -> dict[str, Any]:
    if assessment.letter is not None:
        letter = assessment.letter
        text, lix_score, sent_at = letter.body, letter.lix, letter.sent_at
    else:
        text, readability = selectors.letter_preview(assessment)
        lix_score, sent_at = readability.score, None
    return {
        "id": str(assessment.pk),
        "person": str(assessment.person_id),
        "need_group": assessment.need_group,
        "main_goal": assessment.main_goal or None,
        "reasoning": assessment.reasoning,
        "sources": list(assessment.sources),
        "evidence": assessment.evidence,
        "status": assessment.status,
        "needs_approval": assessment.needs_approval,
        "author": str(assessment.author),
        "approver": str(assessment.approver) if assessment.approver else None,
        "approver_comment": assessment.approver_comment,
        "letter": {
            "title": "Vedtak om oppfølging fra NAV",
            "body": text,
            "lix": lix_score,
            "too_hard": lix_score > 45,
            "sent_at": sent_at,
        },
        "version": assessment.version,
    }


def _assessment(request: HttpRequest, assessment_id: str) -> NeedsAssessment:
    return selectors.assessment_for(actor=actor_of(request), assessment_id=assessment_id)


@router.post(
    "/assessments",
    response={201: AssessmentOut, **ERRORS},
    operation_id="velferd_followup_api_create_assessment",
)
def create_assessment(request: HttpRequest, payload: AssessmentIn) -> Any:
    assessment = services.assessment_create(
        actor=actor_of(request),
        person=read_person(request, payload.person, "needs_assessment"),
        need_group=payload.need_group,
        main_goal=payload.main_goal or "",
        reasoning=payload.reasoning,
        sources=payload.sources,
        evidence=payload.evidence,
    )
    return Status(201, assessment_out(selectors.assessment_as_written(assessment)))


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, **ERRORS},
    operation_id="velferd_followup_api_get_assessment",
)
def get_assessment(request: HttpRequest, assessment_id: RecordId) -> Any:
    """The assessment with its decision letter (a preview with its LIX before sending)."""
    return assessment_out(_assessment(request, assessment_id))


@router.patch(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, **ERRORS},
    operation_id="velferd_followup_api_update_assessment",
)
def update_assessment(
    request: HttpRequest, assessment_id: RecordId, payload: AssessmentPatch
) -> Any:
    written = services.assessment_update(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
        **payload.dict(exclude_unset=True, exclude={"version"}),
    )
    return assessment_out(selectors.assessment_as_written(written))


@router.post(
    "/assessments/{assessment_id}/submit",
    response={200: AssessmentOut, **ERRORS},
    operation_id="velferd_followup_api_submit_assessment",
)
def submit_assessment(request: HttpRequest, assessment_id: RecordId, payload: VersionIn) -> Any:
    """Send a permanent-group assessment to an approver."""
    written = services.assessment_submit(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(selectors.assessment_as_written(written))


@router.post(
    "/assessments/{assessment_id}/approve",
    response={200: AssessmentOut, **ERRORS},
    operation_id="velferd_followup_api_approve_assessment",
)
def approve_assessment(request: HttpRequest, assessment_id: RecordId, payload: VersionIn) -> Any:
    written = services.assessment_approve(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(selectors.assessment_as_written(written))


@router.post(
    "/assessments/{assessment_id}/return",
    response={200: AssessmentOut, **ERRORS},
    operation_id="velferd_followup_api_return_assessment",
)
def return_assessment(request: HttpRequest, assessment_id: RecordId, payload: ReturnIn) -> Any:
    written = services.assessment_return(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
        comment=payload.comment,
    )
    return assessment_out(selectors.assessment_as_written(written))


@router.post(
    "/assessments/{assessment_id}/send",
    response={200: AssessmentOut, **ERRORS},
    operation_id="velferd_followup_api_send_assessment",
)
def send_assessment(request: HttpRequest, assessment_id: RecordId, payload: VersionIn) -> Any:
    """Send the decision and its letter. A permanent group must be approved first (409)."""
    written = services.assessment_send(
        actor=actor_of(request),
        assessment=_assessment(request, assessment_id),
        version=payload.version,
    )
    return assessment_out(selectors.assessment_as_written(written))
