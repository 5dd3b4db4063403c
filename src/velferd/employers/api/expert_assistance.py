"""The expert assistance subsidy: the employer's application and NAV's decision."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import OrganisationNumber

from .. import selectors, services
from ..expert_assistance_schemas import (
    ExpertAssistanceIn,
    ExpertAssistanceList,
    ExpertAssistanceOut,
    ExpertAssistanceStatusFilter,
    ExpertGrantIn,
    ExpertRefuseIn,
)
from ..models import ExpertAssistance
from .router import enterprise_named, operation, paged, router


def summary_out(application: ExpertAssistance) -> dict[str, Any]:
    return {
        "id": application.pk,
        "organisation_number": application.enterprise.organisation_number,
        "enterprise_name": application.enterprise.name,
        "status": application.status,
        "expert_organisation": application.expert_organisation,
        "amount_applied": application.amount_applied,
        "amount_granted": application.amount_granted,
        "applied_on": application.applied_on,
        "decided_on": application.decided_on,
    }


def application_out(application: ExpertAssistance) -> dict[str, Any]:
    return {
        **summary_out(application),
        "employee_name": application.employee_name,
        "employee_agreed_on": application.employee_agreed_on,
        "sick_leave": application.sick_leave,
        "measures_tried": application.measures_tried,
        "expert_name": application.expert_name,
        "expert_organisation_number": application.expert_organisation_number,
        "assignment": application.assignment,
        "max_amount": application.max_amount,
        "decision_reason": application.decision_reason,
        "budget_year": application.budget_year,
        "version": application.version,
    }


@router.get(
    "/expert-assistance",
    response={200: ExpertAssistanceList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_expert_assistance"),
)
def list_expert_assistance(
    request: HttpRequest, paging: Query[PageParams], status: ExpertAssistanceStatusFilter = ""
) -> Any:
    """Advisors: the applications of their county's enterprises; an employer: their own.
    The list names no employee."""
    found = selectors.expert_assistance_visible_to(actor=actor_of(request), status=status)
    return paged(found, paging, summary_out)


@router.post(
    "/enterprises/{organisation_number}/expert-assistance",
    response={201: ExpertAssistanceOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("apply_for_expert_assistance"),
)
def apply_for_expert_assistance(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: ExpertAssistanceIn
) -> Any:
    """The employer applies, with the employee agreeing, for an independent expert in the
    case of an employee with long or frequent sick leave; the cost at most the year's rate."""
    application = services.expert_assistance_apply(
        actor=actor_of(request),
        enterprise=enterprise_named(request, organisation_number),
        **payload.dict(),
    )
    return Status(201, application_out(application))


def _application(request: HttpRequest, application_id: int) -> ExpertAssistance:
    return selectors.expert_assistance_for(actor=actor_of(request), application_id=application_id)


@router.get(
    "/expert-assistance/{application_id}",
    response={200: ExpertAssistanceOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_expert_assistance"),
)
def get_expert_assistance(request: HttpRequest, application_id: int) -> Any:
    """One application, for the employer and the county's advisors; the read is logged."""
    return application_out(_application(request, application_id))


@router.post(
    "/expert-assistance/{application_id}/grant",
    response={200: ExpertAssistanceOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("grant_expert_assistance"),
)
def grant_expert_assistance(
    request: HttpRequest, application_id: int, payload: ExpertGrantIn
) -> Any:
    """Grant from this year's expert-assistance budget of the county; 409 naming what
    remains when it would be exceeded."""
    return application_out(
        services.expert_assistance_grant(
            actor=actor_of(request),
            application=_application(request, application_id),
            version=payload.version,
            amount=payload.amount,
            reason=payload.reason,
        )
    )


@router.post(
    "/expert-assistance/{application_id}/refuse",
    response={200: ExpertAssistanceOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("refuse_expert_assistance"),
)
def refuse_expert_assistance(
    request: HttpRequest, application_id: int, payload: ExpertRefuseIn
) -> Any:
    return application_out(
        services.expert_assistance_refuse(
            actor=actor_of(request),
            application=_application(request, application_id),
            version=payload.version,
            reason=payload.reason,
        )
    )
