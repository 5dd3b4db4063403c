"""Enterprises and their contact person."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import OrganisationNumber

from .. import selectors, services
from ..models import Enterprise
from ..schemas import (
    ContactPersonIn,
    CooperationStatusFilter,
    EnterpriseIn,
    EnterpriseList,
    EnterpriseOut,
    EnterprisePatch,
    MunicipalityFilter,
    SectorFilter,
)
from .router import enterprise_named, operation, paged, router, user_named


def enterprise_out(enterprise: Enterprise) -> dict[str, Any]:
    centre = selectors.iw_centre_of(enterprise)
    person = enterprise.contact_person
    status = getattr(enterprise, "cooperation_status", None)
    deferred_until = getattr(enterprise, "deferred_until", None)
    if not hasattr(enterprise, "cooperation_status"):
        current = selectors.current_cooperation(enterprise)
        status = current.status if current else None
        deferred_until = current.deferred_until if current else None
    return {
        "organisation_number": enterprise.organisation_number,
        "name": enterprise.name,
        "municipality": enterprise.municipality_id,
        "municipality_name": enterprise.municipality.name,
        "county": enterprise.county_id,
        "industry_code": enterprise.industry_code,
        "sector": enterprise.sector,
        "employees": enterprise.employees,
        "has_iw_agreement": enterprise.has_iw_agreement,
        "contact_person": {
            "name": str(person) if person else None,
            "username": person.username if person else None,
            "iw_centre": centre.name if centre else None,
        },
        "cooperation_status": status,
        "deferred_until": deferred_until,
        "version": enterprise.version,
    }


@router.get(
    "/enterprises",
    response={200: EnterpriseList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_enterprises"),
)
def list_enterprises(
    request: HttpRequest,
    paging: Query[PageParams],
    q: str = "",
    municipality: MunicipalityFilter = "",
    sector: SectorFilter = "",
    status: CooperationStatusFilter = "",
    iw_agreement: bool | None = None,
) -> Any:
    """Advisors: the enterprises of their county; an employer: their own. Search by name or
    organisation number; `status=none` for those without any cooperation, `deferred_due`
    for those whose deferred cooperation has reached its date."""
    found = selectors.enterprises_visible_to(
        actor=actor_of(request),
        query=q,
        municipality=municipality,
        sector=sector,
        status=status,
        iw_agreement=iw_agreement,
    )
    return paged(found, paging, enterprise_out)


@router.post(
    "/enterprises",
    response={201: EnterpriseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("register_enterprise"),
)
def register_enterprise(request: HttpRequest, payload: EnterpriseIn) -> Any:
    data = payload.dict()
    data["municipality_number"] = data.pop("municipality")
    enterprise = services.enterprise_register(actor=actor_of(request), **data)
    return Status(201, enterprise_out(enterprise))


@router.get(
    "/enterprises/{organisation_number}",
    response={200: EnterpriseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_enterprise"),
)
def get_enterprise(request: HttpRequest, organisation_number: OrganisationNumber) -> Any:
    return enterprise_out(enterprise_named(request, organisation_number))


@router.patch(
    "/enterprises/{organisation_number}",
    response={200: EnterpriseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("change_enterprise"),
)
def change_enterprise(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: EnterprisePatch
) -> Any:
    data = payload.dict(exclude_unset=True)
    if "municipality" in data:
        data["municipality_number"] = data.pop("municipality")
    return enterprise_out(
        services.enterprise_change(
            actor=actor_of(request),
            enterprise=enterprise_named(request, organisation_number),
            **data,
        )
    )


@router.put(
    "/enterprises/{organisation_number}/contact-person",
    response={200: EnterpriseOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("assign_contact_person"),
)
def assign_contact_person(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: ContactPersonIn
) -> Any:
    """The IW centre of the enterprise's county assigns one of its advisors."""
    enterprise = enterprise_named(request, organisation_number)
    return enterprise_out(
        services.enterprise_assign_contact_person(
            actor=actor_of(request),
            enterprise=enterprise,
            contact_person=user_named(payload.username, "contact_person"),
            version=payload.version,
        )
    )
