"""The settlement records with a lifecycle: a case and its proposal.

A case waits for a municipality → is proposed (a proposal of it is sent) → accepted by the
municipality → settled on the agreed date. A declined or expired proposal, or one IMDi
withdraws, sends the case back to waiting. A proposal: a draft of a matching run (or of the
officer's override) → sent to the municipality, with a date to answer by → accepted (with
the settling date) or declined (with a reason) or, with no answer by the date, expired;
IMDi may withdraw a draft or a sent proposal."""

from __future__ import annotations

from velferd.core.lifecycles import require_transition

from .models import CaseStatus, ProposalStatus

C = CaseStatus
CASE: dict[str, set[str]] = {
    C.WAITING: {C.PROPOSED, C.WITHDRAWN},
    C.PROPOSED: {C.WAITING, C.ACCEPTED},
    C.ACCEPTED: {C.SETTLED, C.WAITING},
    C.SETTLED: set(),
    C.WITHDRAWN: set(),
}

P = ProposalStatus
PROPOSAL: dict[str, set[str]] = {
    P.DRAFT: {P.SENT, P.WITHDRAWN},
    P.SENT: {P.ACCEPTED, P.DECLINED, P.EXPIRED, P.WITHDRAWN},
    P.ACCEPTED: set(),
    P.DECLINED: set(),
    P.EXPIRED: set(),
    P.WITHDRAWN: set(),
}


def move_case(case: object, target: str) -> None:
    require_transition(CASE, CaseStatus, case.status, target)  # type: ignore[attr-defined]
    case.status = target  # type: ignore[attr-defined]


def move_proposal(proposal: object, target: str) -> None:
    require_transition(PROPOSAL, ProposalStatus, proposal.status, target)  # type: ignore[attr-defined]
    proposal.status = target  # type: ignore[attr-defined]
