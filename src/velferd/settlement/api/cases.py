"""Cases, matching runs and proposals: IMDi's side and the municipality's answers."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Query

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.pagination import paginate

from .. import selectors, services
from ..schemas import (
    CaseStatusFilter,
    SettlementAcceptIn,
    SettlementCaseIn,
    SettlementCaseList,
    SettlementCaseOut,
    SettlementDeclineIn,
    SettlementExclusionIn,
    SettlementLockIn,
    SettlementProposalList,
    SettlementProposalOut,
    SettlementRunOut,
    SettlementSentOut,
    SettlementWithdrawIn,
    SettlementYearNumber,
)
from ..services.common import year_of
from .router import case_out, operation, proposal_out, router


def _officer(request: HttpRequest) -> bool:
    return policies.allows(actor_of(request), policies.can_manage_settlement_round)


@router.post(
    "/years/{year}/cases",
    response={201: SettlementCaseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("import_case"),
)
def import_case(request: HttpRequest, year: SettlementYearNumber, payload: SettlementCaseIn) -> Any:
    """A case from reception with its persons (identity numbers checked, D-numbers allowed)."""
    actor = actor_of(request)
    case = services.case_import(
        actor=actor,
        year=year,
        udi_reference=payload.udi_reference,
        residence_permit_on=payload.residence_permit_on,
        reception_centre=payload.reception_centre,
        wishes=payload.wishes,
        tie_municipality=payload.tie_municipality,
        persons=[p.dict() for p in payload.persons],
    )
    return 201, case_out(selectors.case_for(actor=actor, case_id=case.pk))


@router.get(
    "/years/{year}/cases",
    response={200: SettlementCaseList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_cases"),
)
def list_cases(
    request: HttpRequest,
    year: SettlementYearNumber,
    paging: Query[PageParams],
    status: CaseStatusFilter = "",
) -> Any:
    """The cases the caller may see (a coordinator: those sent to or accepted by their
    municipality); each case listed is in the access log."""
    actor = actor_of(request)
    policies.require(actor, policies.can_work_with_settlement)
    found = selectors.cases_visible(actor, year_of(year).pk, status)
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    cases = list(page.items)
    selectors.log_case_list(actor, cases, "settlement")
    officer = _officer(request)
    return {"items": [case_out(c, officer) for c in cases], "count": page.count}


@router.get(
    "/cases/{case_id}",
    response={200: SettlementCaseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_case"),
)
def get_case(request: HttpRequest, case_id: UUID) -> Any:
    """One case with its persons; the read is logged. Not visible to the caller: 404."""
    case = selectors.case_for(actor=actor_of(request), case_id=case_id)
    return case_out(case, _officer(request))


@router.post(
    "/cases/{case_id}/lock",
    response={200: SettlementCaseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("lock_case"),
)
def lock_case(request: HttpRequest, case_id: UUID, payload: SettlementLockIn) -> Any:
    """Keep a waiting case in a municipality in the runs to come, with a reason."""
    actor = actor_of(request)
    services.case_lock(
        actor=actor,
        case_id=case_id,
        municipality_number=payload.municipality,
        reason=payload.reason,
        version=payload.version,
    )
    return case_out(selectors.case_for(actor=actor, case_id=case_id))


@router.post(
    "/cases/{case_id}/exclusions",
    response={200: SettlementCaseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("exclude_municipality"),
)
def exclude_municipality(
    request: HttpRequest, case_id: UUID, payload: SettlementExclusionIn
) -> Any:
    """Rule a municipality out for the case, with a reason."""
    actor = actor_of(request)
    services.case_exclude(
        actor=actor,
        case_id=case_id,
        municipality_number=payload.municipality,
        reason=payload.reason,
    )
    return case_out(selectors.case_for(actor=actor, case_id=case_id))


def run_out(request: HttpRequest, run: Any) -> dict[str, Any]:
    proposals = selectors.run_proposals(actor_of(request), run)
    return {
        "id": run.pk,
        "year": run.year.year,
        "cases": run.cases,
        "persons": run.persons,
        "objective": run.objective,
        "bound": run.bound,
        "gap": run.gap,
        "seconds": run.seconds,
        "problems": run.problems,
        "proposals": [proposal_out(p) for p in proposals],
    }


@router.post(
    "/cases/{case_id}/override",
    response={201: SettlementRunOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("override_case"),
)
def override_case(request: HttpRequest, case_id: UUID, payload: SettlementLockIn) -> Any:
    """Place the case in the municipality given, with a reason, and match the rest again."""
    run = services.case_override(
        actor=actor_of(request),
        case_id=case_id,
        municipality_number=payload.municipality,
        reason=payload.reason,
        version=payload.version,
    )
    return 201, run_out(request, run)


@router.post(
    "/years/{year}/runs",
    response={201: SettlementRunOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("start_run"),
)
def start_run(request: HttpRequest, year: SettlementYearNumber) -> Any:
    """Match the waiting cases to the remaining capacities; the result is draft proposals."""
    run = services.matching_run(actor=actor_of(request), year=year)
    return 201, run_out(request, run)


@router.get(
    "/runs/{run_id}",
    response={200: SettlementRunOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_run"),
)
def get_run(request: HttpRequest, run_id: UUID) -> Any:
    return run_out(request, selectors.run_for(actor=actor_of(request), run_id=run_id))


@router.post(
    "/runs/{run_id}/send",
    response={200: SettlementSentOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("send_run"),
)
def send_run(request: HttpRequest, run_id: UUID) -> Any:
    """Send every draft of the run to its municipality, to answer by the deadline."""
    return {"sent": services.run_send(actor=actor_of(request), run_id=run_id)}


@router.get(
    "/proposals",
    response={200: SettlementProposalList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_proposals"),
)
def list_proposals(request: HttpRequest) -> Any:
    """The proposals sent to (or accepted by) the coordinator's municipality."""
    actor = actor_of(request)
    policies.require(actor, policies.can_work_with_settlement)
    found = [proposal_out(p) for p in selectors.proposals_to_answer(actor)]
    return {"items": found, "count": len(found)}


@router.post(
    "/proposals/{proposal_id}/send",
    response={200: SettlementProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("send_proposal"),
)
def send_proposal(request: HttpRequest, proposal_id: UUID) -> Any:
    return proposal_out(services.proposal_send(actor=actor_of(request), proposal_id=proposal_id))


@router.post(
    "/proposals/{proposal_id}/withdraw",
    response={200: SettlementProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("withdraw_proposal"),
)
def withdraw_proposal(
    request: HttpRequest, proposal_id: UUID, payload: SettlementWithdrawIn
) -> Any:
    proposal = services.proposal_withdraw(
        actor=actor_of(request), proposal_id=proposal_id, reason=payload.reason
    )
    return proposal_out(proposal)


@router.post(
    "/proposals/{proposal_id}/accept",
    response={200: SettlementProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("accept_proposal"),
)
def accept_proposal(request: HttpRequest, proposal_id: UUID, payload: SettlementAcceptIn) -> Any:
    """The municipality takes the case, to settle on the date given."""
    proposal = services.proposal_accept(
        actor=actor_of(request),
        proposal_id=proposal_id,
        settle_on=payload.settle_on,
        version=payload.version,
    )
    return proposal_out(proposal)


@router.post(
    "/proposals/{proposal_id}/decline",
    response={200: SettlementProposalOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("decline_proposal"),
)
def decline_proposal(request: HttpRequest, proposal_id: UUID, payload: SettlementDeclineIn) -> Any:
    """The municipality says no, with a reason; the case waits again."""
    proposal = services.proposal_decline(
        actor=actor_of(request),
        proposal_id=proposal_id,
        reason=payload.reason,
        version=payload.version,
    )
    return proposal_out(proposal)


@router.post(
    "/cases/{case_id}/settle",
    response={200: SettlementCaseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("settle_case"),
)
def settle_case(request: HttpRequest, case_id: UUID) -> Any:
    """Settle an accepted case whose date has come: its persons into the registry."""
    actor = actor_of(request)
    services.case_settle(actor=actor, case_id=case_id)
    return case_out(selectors.case_for(actor=actor, case_id=case_id), _officer(request))
