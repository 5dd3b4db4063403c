"""The settlement router and what its routes share: operation ids and the records' shapes."""

from __future__ import annotations

from typing import Any

from ninja import Router

from .. import selectors
from ..models import Proposal, SettlementCase

router = Router(tags=["settlement"])


def operation(function: str) -> str:
    return f"velferd_settlement_api_{function}"


def proposal_out(proposal: Proposal) -> dict[str, Any]:
    return {
        "id": proposal.pk,
        "case": proposal.case_id,
        "municipality": proposal.municipality_id,
        "status": proposal.status,
        "expected_employed": proposal.expected_employed,
        "override_reason": proposal.override_reason,
        "sent_on": proposal.sent_on,
        "answer_by": proposal.answer_by,
        "settle_on": proposal.settle_on,
        "decline_reason": proposal.decline_reason,
        "version": proposal.version,
    }


def _visible_proposals(case: SettlementCase, officer: bool) -> list[Proposal]:
    """An officer sees every proposal of the case; a coordinator only the one they see the
    case by."""
    found = list(case.proposals.all())
    return found if officer else [p for p in found if p.status in ("sent", "accepted")]


def case_out(case: SettlementCase, officer: bool = True) -> dict[str, Any]:
    waiting = selectors.waiting_of(case)
    return {
        "id": case.pk,
        "udi_reference": case.udi_reference,
        "status": case.status,
        "residence_permit_on": case.residence_permit_on,
        "waited_days": waiting.days,
        "waiting_flag": waiting.flag,
        "goal_on": waiting.goal_on,
        "tie_municipality": case.tie_municipality_id,
        "locked_municipality": case.locked_municipality_id,
        "lock_reason": case.lock_reason,
        "settled_municipality": case.settled_municipality_id,
        "settled_on": case.settled_on,
        "persons": [
            {
                "id": p.pk,
                "identity_number": p.identity_number,
                "given_name": p.given_name,
                "family_name": p.family_name,
                "birth_date": p.birth_date,
                "gender": p.gender,
                "family_role": p.family_role,
                "unaccompanied_minor": p.unaccompanied_minor,
                "health_need": p.health_need,
            }
            for p in case.persons.all()
        ],
        "proposals": [proposal_out(p) for p in _visible_proposals(case, officer)],
        "version": case.version,
    }
