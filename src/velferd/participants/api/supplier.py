"""The supplier's side of the API: the participants of the supplier's deliveries (the
minimum they need), change proposals and monthly reports; and NAV's side of the proposals,
the caseworkers' queue and their decisions, and the reports as the caseworker and the
person read them. Someone else's participant, or one whose access has ended, is 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..models import ChangeProposal, ProgressReport
from ..schemas_supplier import (
    DecisionIn,
    ParticipantOut,
    ProposalIn,
    ProposalOut,
    ReportIn,
    ReportOut,
    SupplierDeliveryOut,
    VersionIn,
)
from ..selectors.supplier import SupplierParticipant
from ..services.reports import parse_month
from .router import router

P = "/supplier/participants/{participation_id}"


def _operation(name: str) -> str:
    return f"velferd_participants_api_{name}"


def participant_out(seen: SupplierParticipant) -> dict[str, Any]:
    return {name: getattr(seen, name) for name in ParticipantOut.model_fields}


def proposal_out(proposal: ChangeProposal) -> dict[str, Any]:
    participation = proposal.participation
    return {
        "id": proposal.pk,
        "participation_id": str(participation.pk),
        "participant_name": participation.person.full_name,
        "delivery_name": participation.delivery.name,
        "supplier_name": participation.delivery.supplier.name,
        "kind": proposal.kind,
        "starts_on": proposal.starts_on,
        "ends_on": proposal.ends_on,
        "percentage": proposal.percentage,
        "days_per_week": proposal.days_per_week,
        "reason": proposal.reason,
        "explanation": proposal.explanation,
        "status": proposal.status,
        "proposed_at": proposal.created_at,
        "decided_at": proposal.decided_at,
        "decision_comment": proposal.decision_comment,
        "version": proposal.version,
    }


def report_out(report: ProgressReport) -> dict[str, Any]:
    return {
        "id": report.pk,
        "month": f"{report.month:%Y-%m}",
        "days_attended": report.days_attended,
        "days_planned": report.days_planned,
        "text": report.text,
        "sent_at": report.created_at,
    }


@router.get(
    "/supplier/deliveries",
    response={200: list[SupplierDeliveryOut], **ERRORS},
    auth=AUTH,
    operation_id=_operation("supplier_deliveries"),
)
def supplier_deliveries(request: HttpRequest) -> Any:
    """Supplier staff: their deliveries with participants, and how many."""
    return [
        {
            "delivery_id": row["delivery_id"],
            "number": row["delivery__number"],
            "name": row["delivery__name"],
            "participants": row["participants"],
        }
        for row in selectors.supplier_deliveries(actor=actor_of(request))
    ]


@router.get(
    "/supplier/deliveries/{delivery_id}/participants",
    response={200: list[ParticipantOut], **ERRORS},
    auth=AUTH,
    operation_id=_operation("supplier_delivery_participants"),
)
def supplier_delivery_participants(request: HttpRequest, delivery_id: int) -> Any:
    """The participants of one of the supplier's deliveries (none for anyone else's)."""
    found = selectors.participants_of_delivery(actor=actor_of(request), delivery_id=delivery_id)
    return [participant_out(seen) for seen in found]


@router.get(
    P,
    response={200: ParticipantOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("supplier_participant"),
)
def supplier_participant(request: HttpRequest, participation_id: RecordId) -> Any:
    """One participant, as the supplier sees them; the read is in the person's log."""
    seen = selectors.participant_for_supplier(
        actor=actor_of(request), participation_id=participation_id
    )
    return participant_out(seen)


def _for_supplier(request: HttpRequest, participation_id: str) -> Any:
    return selectors.participation_for_supplier(
        actor=actor_of(request), participation_id=participation_id
    )


@router.post(
    f"{P}/proposals",
    response={201: ProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("propose_change"),
)
def propose_change(request: HttpRequest, participation_id: RecordId, payload: ProposalIn) -> Any:
    """A change proposal: a closed participation is 409, an end before the start 422."""
    proposal = services.proposal_submit(
        actor=actor_of(request),
        participation=_for_supplier(request, participation_id),
        **payload.dict(),
    )
    return Status(201, proposal_out(proposal))


@router.post(
    f"{P}/reports",
    response={201: ReportOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("send_report"),
)
def send_report(request: HttpRequest, participation_id: RecordId, payload: ReportIn) -> Any:
    """The month's progress report; a second for the same month is 409."""
    values = payload.dict()
    values["month"] = parse_month(values["month"])
    report = services.report_submit(
        actor=actor_of(request), participation=_for_supplier(request, participation_id), **values
    )
    return Status(201, report_out(report))


@router.post(
    "/supplier/proposals/{proposal_id}/withdraw",
    response={200: ProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("withdraw_proposal"),
)
def withdraw_proposal(request: HttpRequest, proposal_id: int, payload: VersionIn) -> Any:
    """The supplier takes back a proposal still waiting; a decided one is 409."""
    actor = actor_of(request)
    proposal = selectors.proposal_for(actor=actor, proposal_id=proposal_id)
    withdrawn = services.proposal_withdraw(actor=actor, proposal=proposal, version=payload.version)
    return proposal_out(withdrawn)


@router.get(
    "/proposals",
    response={200: list[ProposalOut], **ERRORS},
    auth=AUTH,
    operation_id=_operation("proposals_waiting"),
)
def proposals_waiting(request: HttpRequest) -> Any:
    """The caseworkers' queue: the proposals waiting for NAV at their offices."""
    return [proposal_out(p) for p in selectors.proposals_waiting(actor=actor_of(request))]


@router.get(
    "/proposals/{proposal_id}",
    response={200: ProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("get_proposal"),
)
def get_proposal(request: HttpRequest, proposal_id: int) -> Any:
    return proposal_out(selectors.proposal_for(actor=actor_of(request), proposal_id=proposal_id))


@router.post(
    "/proposals/{proposal_id}/approve",
    response={200: ProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("approve_proposal"),
)
def approve_proposal(request: HttpRequest, proposal_id: int, payload: DecisionIn) -> Any:
    """The participation takes the change, and the person's plan with it; a proposal
    already decided is 409, naming its state."""
    actor = actor_of(request)
    proposal = selectors.proposal_for(actor=actor, proposal_id=proposal_id)
    decided = services.proposal_approve(
        actor=actor, proposal=proposal, version=payload.version, comment=payload.comment
    )
    return proposal_out(decided)


@router.post(
    "/proposals/{proposal_id}/reject",
    response={200: ProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("reject_proposal"),
)
def reject_proposal(request: HttpRequest, proposal_id: int, payload: DecisionIn) -> Any:
    """Rejected with a comment; the participation stays as it is."""
    actor = actor_of(request)
    proposal = selectors.proposal_for(actor=actor, proposal_id=proposal_id)
    decided = services.proposal_reject(
        actor=actor, proposal=proposal, version=payload.version, comment=payload.comment
    )
    return proposal_out(decided)


@router.get(
    "/participations/{participation_id}/reports",
    response={200: list[ReportOut], **ERRORS},
    auth=AUTH,
    operation_id=_operation("participation_reports"),
)
def participation_reports(request: HttpRequest, participation_id: RecordId) -> Any:
    """The supplier's monthly reports: for the person, their caseworkers and the supplier."""
    actor = actor_of(request)
    participation = selectors.participation_with_reports(
        actor=actor, participation_id=participation_id
    )
    return [report_out(r) for r in selectors.reports_of(actor=actor, participation=participation)]
