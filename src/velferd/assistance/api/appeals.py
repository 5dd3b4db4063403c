"""Appeals against decisions on financial assistance in the API: the person (or the office)
appeals a decision; the office re-assesses it and changes the decision, or sends the case
to the County Governor and records the outcome."""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import one_of

from ..models import Appeal
from ..selectors import appeals as selectors
from ..services import appeals as services
from .caseworker import AssistanceDecisionIn, _input

router = Router()
Text = Annotated[str, Field(max_length=10_000)]
Version = Annotated[int, Field(ge=1, le=2_147_483_647)]
CountyGovernorOutcome = Annotated[str, one_of(list(services.COUNTY_GOVERNOR_OUTCOMES))]


def operation(function: str) -> str:
    return f"velferd_assistance_api_appeals_{function}"


class AssistanceAppealIn(Schema):
    grounds: Text


class AssistanceAppealOut(Schema):
    id: uuid.UUID
    decision: uuid.UUID
    reference: str | None
    received_on: datetime.date
    deadline: datetime.date
    late: bool
    status: str
    grounds: str
    office_assessment: str
    new_decision: uuid.UUID | None
    sent_on: datetime.date | None
    version: int


class AssistanceAppealList(Schema):
    items: list[AssistanceAppealOut]


class AssistanceAppealSendIn(Schema):
    version: Version
    assessment: Text


class AssistanceAppealChangeIn(Schema):
    version: Version
    assessment: Text
    decision: AssistanceDecisionIn


class AssistanceAppealOutcomeIn(Schema):
    version: Version
    outcome: CountyGovernorOutcome


def appeal_out(appeal: Appeal) -> dict[str, Any]:
    return {
        "id": appeal.pk,
        "decision": appeal.decision_id,
        "reference": appeal.decision.application.reference,
        "received_on": appeal.received_on,
        "deadline": services.appeal_deadline(appeal.decision),
        "late": appeal.late,
        "status": appeal.status,
        "grounds": appeal.grounds,
        "office_assessment": appeal.office_assessment,
        "new_decision": appeal.new_decision_id,
        "sent_on": appeal.sent_on,
        "version": appeal.version,
    }


@router.post(
    "/decisions/{decision_id}/appeals",
    response={201: AssistanceAppealOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("lodge"),
)
def lodge(request: HttpRequest, decision_id: uuid.UUID, payload: AssistanceAppealIn) -> Any:
    """Appeal a decision; after three weeks the appeal is accepted and marked late."""
    made = services.appeal_lodge(
        actor=actor_of(request), decision_id=decision_id, grounds=payload.grounds
    )
    return 201, appeal_out(made)


@router.get(
    "/appeals",
    response={200: AssistanceAppealList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list"),
)
def list_appeals(request: HttpRequest) -> Any:
    """The open appeals at the caller's offices, the oldest first; every person is logged."""
    actor = actor_of(request)
    rows = selectors.logged_appeals(actor, list(selectors.office_appeals(actor)[:200]))
    return {"items": [appeal_out(a) for a in rows]}


@router.get(
    "/appeals/{appeal_id}",
    response={200: AssistanceAppealOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get"),
)
def get_appeal(request: HttpRequest, appeal_id: uuid.UUID) -> Any:
    return appeal_out(selectors.appeal(actor_of(request), appeal_id))


@router.post(
    "/appeals/{appeal_id}/send",
    response={200: AssistanceAppealOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("send"),
)
def send(request: HttpRequest, appeal_id: uuid.UUID, payload: AssistanceAppealSendIn) -> Any:
    """The office upholds its decision and sends the case to the County Governor."""
    sent = services.appeal_send_to_county_governor(
        actor=actor_of(request),
        appeal_id=appeal_id,
        version=payload.version,
        assessment=payload.assessment,
    )
    return appeal_out(sent)


@router.post(
    "/appeals/{appeal_id}/change",
    response={200: AssistanceAppealOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("change"),
)
def change(request: HttpRequest, appeal_id: uuid.UUID, payload: AssistanceAppealChangeIn) -> Any:
    """The office finds the appeal right and makes a new decision in place of the one
    appealed."""
    changed = services.appeal_change(
        actor=actor_of(request),
        appeal_id=appeal_id,
        version=payload.version,
        assessment=payload.assessment,
        data=_input(payload.decision),
    )
    return appeal_out(changed)


@router.post(
    "/appeals/{appeal_id}/county-governor",
    response={200: AssistanceAppealOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("county_governor"),
)
def county_governor(
    request: HttpRequest, appeal_id: uuid.UUID, payload: AssistanceAppealOutcomeIn
) -> Any:
    """Record the County Governor's outcome."""
    decided = services.appeal_record_county_governor(
        actor=actor_of(request),
        appeal_id=appeal_id,
        version=payload.version,
        outcome=payload.outcome,
    )
    return appeal_out(decided)
