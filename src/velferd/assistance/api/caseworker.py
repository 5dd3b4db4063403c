"""The office's casework in the API: the queue, the case, documentation requests and
decisions. Amounts and days are taken as text and checked by the services, which name the
field and the mistake in both languages."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import UnitNumber, one_of
from velferd.core.pagination import MAX_PAGE
from velferd.organisation import selectors as organisation_selectors

from ..letters import letter_readability
from ..models import Application, ApplicationStatus, Decision, DecisionReason, DocumentationRequest
from ..selectors.cases import case, decision_of
from ..selectors.queue import queue
from ..services.decision_checks import DecisionInput
from ..services.decisions import decision_make, decision_replace
from ..services.documentation_requests import documentation_request_create

router = Router()
Text = Annotated[str, Field(max_length=4000)]
Short = Annotated[str, Field(max_length=500)]
QueueStatus = Annotated[str, one_of(ApplicationStatus, blank=True)]


def operation(function: str) -> str:
    return f"velferd_assistance_api_caseworker_{function}"


class AssistanceQueueRow(Schema):
    id: uuid.UUID
    reference: str | None
    person: str
    status: str
    emergency: bool
    submitted_at: Any
    amount_applied: str | None


class AssistanceQueueOut(Schema):
    office: str
    status: str
    counts: dict[str, int]
    items: list[AssistanceQueueRow]
    count: int
    page: int
    pages: int


class AssistanceRequestOut(Schema):
    id: uuid.UUID
    what: str
    deadline: Any
    status: str
    answered_at: Any
    answer_comment: str
    version: int


class AssistanceDecisionOut(Schema):
    id: uuid.UUID
    application: uuid.UUID
    replaces: uuid.UUID | None
    reason: str
    outcome: str
    amount: str
    frequency: str
    period_start: Any
    period_end: Any
    reasoning: str
    conditions: list[str]
    activity_condition: str
    activity: str
    exemption_reason: str
    exemption_explanation: str
    calculation: dict[str, Any]
    letter: str
    lix: float
    decided_on: Any


class AssistanceCaseOut(Schema):
    id: uuid.UUID
    reference: str | None
    person: str
    office: str
    status: str
    emergency: bool
    purposes: list[str]
    amount_applied: str | None
    explanation: str
    housing_kind: str
    housing_cost: str | None
    electricity_cost: str | None
    bank_account: str
    household: list[dict[str, Any]]
    money: list[dict[str, Any]]
    attachments: list[dict[str, Any]]
    documentation_requests: list[AssistanceRequestOut]
    decisions: list[AssistanceDecisionOut]
    calculation: dict[str, Any]
    may_decide: bool
    version: int


class AssistanceRequestIn(Schema):
    version: int = Field(..., ge=1)
    what: Text
    deadline: Annotated[str, Field(max_length=20)]


class AssistanceDecisionIn(Schema):
    outcome: Annotated[str, Field(max_length=20)]
    amount: Annotated[str, Field(max_length=20)]
    frequency: Annotated[str, Field(max_length=20)]
    period_start: Annotated[str, Field(max_length=20)]
    period_end: Annotated[str, Field(max_length=20)]
    reasoning: Text
    conditions: list[Short] = Field(default_factory=list, max_length=20)
    activity: Short = ""
    exemption_reason: Annotated[str, Field(max_length=40)] = ""
    exemption_explanation: Short = ""


class AssistanceNewDecisionIn(AssistanceDecisionIn):
    version: int = Field(..., ge=1)


class AssistanceReplacementIn(AssistanceDecisionIn):
    reason: Annotated[
        str,
        Field(pattern="^(breach_of_condition|appeal_reassessed)$"),
    ] = DecisionReason.BREACH_OF_CONDITION
    breached_condition: Annotated[str, Field(max_length=20)] = ""


def _money(value: Any) -> str | None:
    return None if value is None else str(value)


def request_out(request: DocumentationRequest) -> dict[str, Any]:
    return {
        "id": request.pk,
        "what": request.what,
        "deadline": request.deadline,
        "status": request.status,
        "answered_at": request.answered_at,
        "answer_comment": request.answer_comment,
        "version": request.version,
    }


def decision_out(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "application": decision.application_id,
        "replaces": decision.replaces_id,
        "reason": decision.reason,
        "outcome": decision.outcome,
        "amount": str(decision.amount),
        "frequency": decision.frequency,
        "period_start": decision.period_start,
        "period_end": decision.period_end,
        "reasoning": decision.reasoning,
        "conditions": [c.text for c in decision.conditions.all()],
        "activity_condition": decision.activity_condition,
        "activity": decision.activity,
        "exemption_reason": decision.exemption_reason,
        "exemption_explanation": decision.exemption_explanation,
        "calculation": decision.calculation,
        "letter": decision.letter,
        "lix": letter_readability(decision.letter).score,
        "decided_on": decision.decided_on,
    }


def _case_out(application: Application, may_decide: bool, calculation: Any) -> dict[str, Any]:
    return {
        "id": application.pk,
        "reference": application.reference,
        "person": application.person.full_name,
        "office": application.office.unit_number if application.office else "",
        "status": application.status,
        "emergency": application.emergency,
        "purposes": list(application.purposes),
        "amount_applied": _money(application.amount_applied),
        "explanation": application.explanation,
        "housing_kind": application.housing_kind,
        "housing_cost": _money(application.housing_cost),
        "electricity_cost": _money(application.electricity_cost),
        "bank_account": application.bank_account,
        "household": [
            {"relation": m.relation, "name": m.name, "birth_date": str(m.birth_date)}
            for m in application.household.all()
        ],
        "money": [{"kind": m.kind, "amount": str(m.amount)} for m in application.money.all()],
        "attachments": [
            {
                "id": str(f.pk),
                "file_name": f.file_name,
                "size": f.size,
                "url": f"/assistance/attachments/{f.pk}/",
            }
            for f in application.attachments.all()
        ],
        "documentation_requests": [
            request_out(r) for r in application.documentation_requests.all()
        ],
        "decisions": [decision_out(d) for d in application.decisions.all()],
        "calculation": calculation.as_record(),
        "may_decide": may_decide,
        "version": application.version,
    }


@router.get(
    "/offices/{unit_number}/queue",
    response={200: AssistanceQueueOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("queue"),
)
def office_queue(
    request: HttpRequest,
    unit_number: UnitNumber,
    status: QueueStatus = "",
    page: int = Query(1, ge=1, le=MAX_PAGE),
) -> Any:
    """The office's open applications: emergencies first, then the oldest; a count per
    state."""
    office = organisation_selectors.office(unit_number)
    found = queue(actor_of(request), office, status, page)
    return {
        "office": office.unit_number,
        "status": found.status,
        "counts": found.counts,
        "items": [
            {
                "id": a.pk,
                "reference": a.reference,
                "person": a.person.full_name,
                "status": a.status,
                "emergency": a.emergency,
                "submitted_at": a.submitted_at,
                "amount_applied": _money(a.amount_applied),
            }
            for a in found.rows
        ],
        "count": found.count,
        "page": found.page,
        "pages": found.pages,
    }


@router.get(
    "/applications/{application_id}/case",
    response={200: AssistanceCaseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("case"),
)
def application_case(request: HttpRequest, application_id: uuid.UUID) -> Any:
    """Everything in the application, its requests, decisions and the calculation aid."""
    found = case(actor_of(request), application_id)
    return _case_out(found.application, found.may_decide, found.calculation)


@router.post(
    "/applications/{application_id}/documentation-requests",
    response={201: AssistanceRequestOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("request_documentation"),
)
def request_documentation(
    request: HttpRequest, application_id: uuid.UUID, payload: AssistanceRequestIn
) -> Any:
    """Ask the applicant for documentation by a deadline; the application waits for it."""
    made = documentation_request_create(
        actor=actor_of(request),
        application_id=application_id,
        version=payload.version,
        what=payload.what,
        deadline=payload.deadline,
    )
    return Status(201, request_out(made))


def _input(payload: AssistanceDecisionIn) -> DecisionInput:
    return DecisionInput(
        outcome=payload.outcome,
        amount=payload.amount,
        frequency=payload.frequency,
        period_start=payload.period_start,
        period_end=payload.period_end,
        reasoning=payload.reasoning,
        conditions=list(payload.conditions),
        activity=payload.activity,
        exemption_reason=payload.exemption_reason,
        exemption_explanation=payload.exemption_explanation,
    )


@router.post(
    "/applications/{application_id}/decisions",
    response={201: AssistanceDecisionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("decide"),
)
def decide(
    request: HttpRequest, application_id: uuid.UUID, payload: AssistanceNewDecisionIn
) -> Any:
    """Decide the application; the letter, the benefit on record, the § 20 a record and the
    payments follow from it."""
    made = decision_make(
        actor=actor_of(request),
        application_id=application_id,
        version=payload.version,
        data=_input(payload),
    )
    return Status(201, decision_out(made))


@router.post(
    "/decisions/{decision_id}/replacements",
    response={201: AssistanceDecisionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("replace_decision"),
)
def replace_decision(
    request: HttpRequest, decision_id: uuid.UUID, payload: AssistanceReplacementIn
) -> Any:
    """A new decision in place of the current one: a reduction after a breach of a condition
    (name the condition's id, or "activity"), or a change after an appeal."""
    made = decision_replace(
        actor=actor_of(request),
        decision_id=decision_id,
        reason=payload.reason,
        data=_input(payload),
        breached_condition=payload.breached_condition,
    )
    return Status(201, decision_out(made))


@router.get(
    "/decisions/{decision_id}",
    response={200: AssistanceDecisionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("decision"),
)
def decision(request: HttpRequest, decision_id: uuid.UUID) -> Any:
    """A decision with its conditions, its letter and the letter's LIX."""
    found, _case = decision_of(actor_of(request), decision_id)
    return decision_out(found)
