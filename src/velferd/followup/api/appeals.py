"""Appeals against a §14a decision (forvaltningsloven §§ 28–33): registering one against a
sent decision (the person on their own, or the office for them), the list and one appeal,
and the office's moves: uphold it (a new decision is drafted) or send it on to NAV
Klageinstans."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import RecordId, one_of
from velferd.core.pagination import paginate

from .. import appeal_selectors, selectors, services
from ..models import Appeal, AppealStatus
from ..schemas import AppealForwardIn, AppealIn, AppealMoveIn, AppealOut, AppealsOut

router = Router()

AppealStatusFilter = Annotated[str, one_of(AppealStatus, blank=True)]


def appeal_out(appeal: Appeal) -> dict[str, Any]:
    return {
        "id": str(appeal.pk),
        "person": str(appeal.person_id),
        "decision": str(appeal.decision_id),
        "status": appeal.status,
        "grounds": appeal.grounds,
        "received_on": appeal.received_on,
        "deadline": appeal.deadline,
        "late": appeal.late,
        "lodged_by_person": appeal.lodged_by_person,
        "office_assessment": appeal.office_assessment,
        "new_decision": str(appeal.new_decision_id) if appeal.new_decision_id else None,
        "forwarded_on": appeal.forwarded_on,
        "version": appeal.version,
    }


def _appeal(request: HttpRequest, appeal_id: str) -> Appeal:
    return appeal_selectors.appeal_for(actor=actor_of(request), appeal_id=appeal_id)


@router.post(
    "/assessments/{assessment_id}/appeals",
    response={201: AppealOut, **ERRORS},
    operation_id="velferd_followup_api_register_appeal",
)
def register_appeal(request: HttpRequest, assessment_id: RecordId, payload: AppealIn) -> Any:
    """Appeal a sent decision: the person themself, or the office for them (with the day it
    came in). One after the six weeks is registered too, flagged `late`."""
    appeal = services.appeal_register(
        actor=actor_of(request),
        decision=selectors.assessment_for(actor=actor_of(request), assessment_id=assessment_id),
        grounds=payload.grounds,
        received_on=payload.received_on,
    )
    return Status(201, appeal_out(appeal_selectors.appeal_as_written(appeal)))


@router.get(
    "/appeals",
    response={200: AppealsOut, **ERRORS},
    operation_id="velferd_followup_api_list_appeals",
)
def list_appeals(
    request: HttpRequest, paging: Query[PageParams], status: AppealStatusFilter = ""
) -> Any:
    """The appeals the caller may see: the person's own; the staff's, of the people at
    their offices they may see."""
    found = paginate(
        appeal_selectors.appeals_visible_to(actor=actor_of(request), status=status),
        page=paging.page,
        page_size=paging.page_size,
    )
    return {"items": [appeal_out(a) for a in found.items], "count": found.count}


@router.get(
    "/appeals/{appeal_id}",
    response={200: AppealOut, **ERRORS},
    operation_id="velferd_followup_api_get_appeal",
)
def get_appeal(request: HttpRequest, appeal_id: RecordId) -> Any:
    return appeal_out(_appeal(request, appeal_id))


@router.post(
    "/appeals/{appeal_id}/uphold",
    response={200: AppealOut, **ERRORS},
    operation_id="velferd_followup_api_uphold_appeal",
)
def uphold_appeal(request: HttpRequest, appeal_id: RecordId, payload: AppealMoveIn) -> Any:
    """The office finds the appeal right: a new decision is drafted from the one appealed
    (`new_decision`), to be changed and sent."""
    written = services.appeal_uphold(
        actor=actor_of(request),
        appeal=_appeal(request, appeal_id),
        version=payload.version,
        comment=payload.comment,
    )
    return appeal_out(appeal_selectors.appeal_as_written(written))


@router.post(
    "/appeals/{appeal_id}/forward",
    response={200: AppealOut, **ERRORS},
    operation_id="velferd_followup_api_forward_appeal",
)
def forward_appeal(request: HttpRequest, appeal_id: RecordId, payload: AppealForwardIn) -> Any:
    """The office keeps its decision and sends the appeal to NAV Klageinstans."""
    written = services.appeal_forward(
        actor=actor_of(request),
        appeal=_appeal(request, appeal_id),
        version=payload.version,
        comment=payload.comment,
        forwarded_on=payload.forwarded_on,
    )
    return appeal_out(appeal_selectors.appeal_as_written(written))
