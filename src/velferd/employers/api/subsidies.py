"""Prevention and facilitation subsidies: the application and its lifecycle."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import OrganisationNumber

from .. import selectors, services
from ..models import Subsidy
from ..schemas import (
    GrantIn,
    RefuseIn,
    SubsidyIn,
    SubsidyList,
    SubsidyOut,
    SubsidyStatusFilter,
    VersionIn,
)
from .router import enterprise_named, operation, paged, router


def subsidy_out(subsidy: Subsidy) -> dict[str, Any]:
    return {
        "id": subsidy.pk,
        "organisation_number": subsidy.enterprise.organisation_number,
        "enterprise_name": subsidy.enterprise.name,
        "purpose": subsidy.purpose,
        "amount_applied": subsidy.amount_applied,
        "amount_granted": subsidy.amount_granted,
        "status": subsidy.status,
        "refusal_reason": subsidy.refusal_reason,
        "applied_on": subsidy.applied_on,
        "decided_on": subsidy.decided_on,
        "paid_on": subsidy.paid_on,
        "budget_year": subsidy.budget_year,
        "version": subsidy.version,
    }


@router.get(
    "/enterprises/{organisation_number}/subsidies",
    response={200: SubsidyList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_enterprise_subsidies"),
)
def list_enterprise_subsidies(
    request: HttpRequest, organisation_number: OrganisationNumber, paging: Query[PageParams]
) -> Any:
    enterprise = enterprise_named(request, organisation_number)
    return paged(selectors.subsidies_of(enterprise), paging, subsidy_out)


@router.post(
    "/enterprises/{organisation_number}/subsidies",
    response={201: SubsidyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("apply_for_subsidy"),
)
def apply_for_subsidy(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: SubsidyIn
) -> Any:
    """Apply for a prevention and facilitation subsidy: the employer, or an advisor on the
    enterprise's behalf."""
    subsidy = services.subsidy_apply(
        actor=actor_of(request),
        enterprise=enterprise_named(request, organisation_number),
        purpose=payload.purpose,
        amount=payload.amount,
    )
    return Status(201, subsidy_out(subsidy))


@router.get(
    "/subsidies",
    response={200: SubsidyList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_subsidies"),
)
def list_subsidies(
    request: HttpRequest, paging: Query[PageParams], status: SubsidyStatusFilter = ""
) -> Any:
    """Advisors: the applications of their county; an employer: their own."""
    return paged(
        selectors.subsidies_visible_to(actor=actor_of(request), status=status),
        paging,
        subsidy_out,
    )


def _subsidy(request: HttpRequest, subsidy_id: int) -> Subsidy:
    return selectors.subsidy_for(actor=actor_of(request), subsidy_id=subsidy_id)


@router.get(
    "/subsidies/{subsidy_id}",
    response={200: SubsidyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_subsidy"),
)
def get_subsidy(request: HttpRequest, subsidy_id: int) -> Any:
    return subsidy_out(_subsidy(request, subsidy_id))


@router.post(
    "/subsidies/{subsidy_id}/assess",
    response={200: SubsidyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("assess_subsidy"),
)
def assess_subsidy(request: HttpRequest, subsidy_id: int, payload: VersionIn) -> Any:
    return subsidy_out(
        services.subsidy_assess(
            actor=actor_of(request), subsidy=_subsidy(request, subsidy_id), version=payload.version
        )
    )


@router.post(
    "/subsidies/{subsidy_id}/grant",
    response={200: SubsidyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("grant_subsidy"),
)
def grant_subsidy(request: HttpRequest, subsidy_id: int, payload: GrantIn) -> Any:
    """Grant all (granted) or part (partly granted) of the amount; 409 naming the remaining
    budget when the county's budget for the year would be exceeded."""
    return subsidy_out(
        services.subsidy_grant(
            actor=actor_of(request),
            subsidy=_subsidy(request, subsidy_id),
            version=payload.version,
            amount=payload.amount,
        )
    )


@router.post(
    "/subsidies/{subsidy_id}/refuse",
    response={200: SubsidyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("refuse_subsidy"),
)
def refuse_subsidy(request: HttpRequest, subsidy_id: int, payload: RefuseIn) -> Any:
    return subsidy_out(
        services.subsidy_refuse(
            actor=actor_of(request),
            subsidy=_subsidy(request, subsidy_id),
            version=payload.version,
            reason=payload.reason,
        )
    )


@router.post(
    "/subsidies/{subsidy_id}/pay",
    response={200: SubsidyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("pay_subsidy"),
)
def pay_subsidy(request: HttpRequest, subsidy_id: int, payload: VersionIn) -> Any:
    return subsidy_out(
        services.subsidy_pay(
            actor=actor_of(request), subsidy=_subsidy(request, subsidy_id), version=payload.version
        )
    )
