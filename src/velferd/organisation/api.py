"""Registry routes. Reads are public (an office directory); writes need an administrator."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import CountyNumber, MunicipalityNumber, UnitNumber
from velferd.core.pagination import paginate

from . import selectors, services
from .models import Office, OfficeArea, PartnershipAgreement, ServiceType
from .schemas import (
    AgencyOut,
    AgreementIn,
    AgreementOut,
    CountyOut,
    DepartmentOut,
    DepartmentSlug,
    District,
    IWCentreOut,
    MunicipalityList,
    MunicipalityOut,
    OfficeIn,
    OfficeList,
    OfficeOut,
    OfficePatch,
    OfficeVisitingIn,
    ServiceTypeOut,
    ServingOfficeOut,
)

router = Router(tags=["organisation"])


def _county(c: Any) -> dict[str, str]:
    return {"number": c.number, "name": c.name}


def _service(s: Any) -> dict[str, Any]:
    return {
        "code": s.code,
        "name_nb": s.name_nb,
        "name_en": s.name_en,
        "is_minimum": s.is_minimum,
        "legal_basis_nb": s.legal_basis_nb,
        "legal_basis_en": s.legal_basis_en,
    }


def _office(office: Office, minimum: list[ServiceType] | None = None) -> dict[str, Any]:
    agreement = getattr(office, "agreement", None)
    services_ = sorted(agreement.services.all(), key=lambda s: s.sort_order) if agreement else []
    missing = selectors.missing_minimum(agreement, minimum) if agreement else []
    return {
        "unit_number": office.unit_number,
        "name": office.name_nb,
        "county": _county(office.county),
        "areas": [
            {
                "municipality_number": a.municipality.number,
                "municipality_name": a.municipality.name,
                "district": a.district,
            }
            for a in office.areas.all()
        ],
        "services": [_service(s) for s in services_],
        "minimum_missing": [_service(s) for s in missing],
        "version": office.version,
        "is_active": office.is_active,
        "visiting_address": {
            "street": office.street,
            "postcode": office.postcode,
            "place": office.place,
        },
        "phone": office.phone,
        "opening_hours": [
            {"weekday": h.weekday, "opens": h.opens, "closes": h.closes}
            for h in office.opening_hours.all()
        ],
        "opening_note": office.opening_note,
    }


def _agreement(agreement: PartnershipAgreement) -> dict[str, Any]:
    office = agreement.office
    missing = selectors.missing_minimum(agreement)
    return {
        "office": {
            "unit_number": office.unit_number,
            "name": office.name_nb,
            "county": _county(office.county),
        },
        "signed_on": agreement.signed_on,
        "services": [_service(s) for s in agreement.services.all()],
        "meets_minimum": not missing,
        "minimum_missing": [_service(s) for s in missing],
        "notes": agreement.notes,
        "version": agreement.version,
    }


@router.get("/departments", response={200: list[DepartmentOut], **ERRORS}, auth=None)
def list_departments(request: HttpRequest) -> Any:
    """The Ministry's departments and divisions, with their responsibilities."""
    return [
        {**{f: getattr(d, f) for f in DepartmentOut.model_fields if f != "name"}, "name": d.name}
        for d in selectors.departments()
    ]


@router.get("/departments/{slug}", response={200: DepartmentOut, **ERRORS}, auth=None)
def get_department(request: HttpRequest, slug: DepartmentSlug) -> Any:
    d = selectors.department(slug)
    return {**{f: getattr(d, f) for f in DepartmentOut.model_fields if f != "name"}, "name": d.name}


@router.get("/agencies", response={200: list[AgencyOut], **ERRORS}, auth=None)
def list_agencies(request: HttpRequest) -> Any:
    return list(selectors.agencies())


@router.get("/counties", response={200: list[CountyOut], **ERRORS}, auth=None)
def list_counties(request: HttpRequest) -> Any:
    return [_county(c) for c in selectors.counties()]


@router.get("/service-types", response={200: list[ServiceTypeOut], **ERRORS}, auth=None)
def list_service_types(request: HttpRequest) -> Any:
    return [_service(s) for s in selectors.service_types()]


@router.get("/municipalities", response={200: MunicipalityList, **ERRORS}, auth=None)
def list_municipalities(
    request: HttpRequest, paging: Query[PageParams], county: CountyNumber | None = None, q: str = ""
) -> Any:
    """Municipalities, optionally of one county (`?county=46`) or matching a name or number."""
    page = paginate(
        selectors.municipalities(county_number=county, query=q),
        page=paging.page,
        page_size=paging.page_size,
    )
    return {"items": page.items, "count": page.count}


@router.get("/municipalities/{number}", response={200: MunicipalityOut, **ERRORS}, auth=None)
def get_municipality(request: HttpRequest, number: MunicipalityNumber) -> Any:
    return selectors.municipality(number)


def _serving(area: OfficeArea) -> dict[str, Any]:
    office = selectors.office(area.office.unit_number)
    return {"municipality": area.municipality, "district": area.district, "office": _office(office)}


@router.get(
    "/municipalities/{number}/office", response={200: ServingOfficeOut, **ERRORS}, auth=None
)
def get_serving_office(
    request: HttpRequest, number: MunicipalityNumber, district: District | None = None
) -> Any:
    """The office that serves a municipality. A municipality divided into districts (Oslo,
    Bergen) needs `?district=`; without it the answer is 422 listing the districts."""
    return _serving(selectors.office_serving(number, district))


@router.get(
    "/municipalities/{number}/offices", response={200: list[ServingOfficeOut], **ERRORS}, auth=None
)
def list_serving_offices(request: HttpRequest, number: MunicipalityNumber) -> Any:
    """Every office serving a municipality, one per district."""
    return [_serving(a) for a in selectors.areas_of(selectors.municipality(number))]


@router.get("/offices", response={200: OfficeList, **ERRORS}, auth=None)
def list_offices(
    request: HttpRequest,
    paging: Query[PageParams],
    county: CountyNumber | None = None,
    q: str = "",
    meets_minimum: bool | None = None,
) -> Any:
    """The active offices. `meets_minimum=false` lists those whose partnership agreement
    lacks a service every office must offer (signed before it became part of the minimum),
    with the services missing and their legal basis."""
    page = paginate(
        selectors.offices(county_number=county, query=q, meets_minimum=meets_minimum),
        page=paging.page,
        page_size=paging.page_size,
    )
    minimum = selectors.minimum_services()
    return {"items": [_office(o, minimum) for o in page.items], "count": page.count}


@router.post("/offices", response={201: OfficeOut, **ERRORS}, auth=AUTH)
def create_office(request: HttpRequest, payload: OfficeIn) -> Any:
    office = services.office_create(
        actor=actor_of(request),
        unit_number=payload.unit_number,
        name=payload.name,
        county_number=payload.county,
        areas=[(a.municipality, a.district) for a in payload.areas],
        services=payload.services,
        signed_on=payload.signed_on,
    )
    return Status(201, _office(selectors.office(office.unit_number)))


@router.get("/offices/{unit_number}", response={200: OfficeOut, **ERRORS}, auth=None)
def get_office(request: HttpRequest, unit_number: UnitNumber) -> Any:
    return _office(selectors.office(unit_number))


@router.patch("/offices/{unit_number}", response={200: OfficeOut, **ERRORS}, auth=AUTH)
def update_office(request: HttpRequest, unit_number: UnitNumber, payload: OfficePatch) -> Any:
    office = services.office_update(
        actor=actor_of(request),
        office=selectors.office(unit_number),
        version=payload.version,
        name=payload.name,
        is_active=payload.is_active,
    )
    return _office(selectors.office(office.unit_number))


@router.put("/offices/{unit_number}/visiting", response={200: OfficeOut, **ERRORS}, auth=AUTH)
def save_office_visiting(
    request: HttpRequest, unit_number: UnitNumber, payload: OfficeVisitingIn
) -> Any:
    """Replace an office's visiting address, phone, opening hours and their note. A closing
    time at or before the opening time is 422 naming the day (field `closes_<weekday>`); a
    stale `version` is 409."""
    office = services.office_visiting_save(
        actor=actor_of(request),
        office=selectors.office(unit_number),
        version=payload.version,
        street=payload.visiting_address.street,
        postcode=payload.visiting_address.postcode,
        place=payload.visiting_address.place,
        phone=payload.phone,
        opening_note=payload.opening_note,
        opening_hours=[(h.weekday, h.opens, h.closes) for h in payload.opening_hours],
    )
    return _office(selectors.office(office.unit_number))


@router.get("/offices/{unit_number}/agreement", response={200: AgreementOut, **ERRORS}, auth=None)
def get_agreement(request: HttpRequest, unit_number: UnitNumber) -> Any:
    return _agreement(selectors.agreement_of(selectors.office(unit_number)))


@router.put("/offices/{unit_number}/agreement", response={200: AgreementOut, **ERRORS}, auth=AUTH)
def save_agreement(request: HttpRequest, unit_number: UnitNumber, payload: AgreementIn) -> Any:
    """Replace the services of an office's partnership agreement. Leaving out a minimum
    service is 422 naming it; a stale `version` is 409."""
    office = selectors.office(unit_number)
    services.agreement_save(
        actor=actor_of(request),
        office=office,
        services=payload.services,
        signed_on=payload.signed_on,
        notes=payload.notes,
        version=payload.version,
    )
    return _agreement(selectors.agreement_of(office))


@router.get("/iw-centres", response={200: list[IWCentreOut], **ERRORS}, auth=None)
def list_iw_centres(request: HttpRequest) -> Any:
    return [_iw_centre(c) for c in selectors.iw_centres()]


@router.get("/iw-centres/{county}", response={200: IWCentreOut, **ERRORS}, auth=None)
def get_iw_centre(request: HttpRequest, county: CountyNumber) -> Any:
    return _iw_centre(selectors.iw_centre(county))


def _iw_centre(centre: Any) -> dict[str, Any]:
    return {
        "name": centre.name_nb,
        "name_en": centre.name_en,
        "county": _county(centre.county),
        "advisors": selectors.iw_advisor_names(centre),
    }
