"""Reads from the registry. The registry is public, so these need no actor."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from velferd.access import selectors as access_selectors
from velferd.access.roles import Role
from velferd.core.errors import DomainError, not_found
from velferd.core.identifiers import validate_county_number, validate_municipality_number
from velferd.core.search import search_key

from . import reference
from .models import (
    Agency,
    County,
    Department,
    IWCentre,
    Ministry,
    Municipality,
    Office,
    OfficeArea,
    PartnershipAgreement,
    ServiceType,
)


def ministry() -> Ministry | None:
    return Ministry.objects.first()


def departments() -> QuerySet[Department]:
    return Department.objects.all()


# The Ministry's departments and divisions by slug, as the registry loads them.
DEPARTMENT_SLUGS: tuple[str, ...] = tuple(unit["slug"] for unit in reference.DEPARTMENTS)


def department(slug: str) -> Department:
    found = Department.objects.filter(slug=slug).first()
    if found is None:
        raise not_found(f"enheten «{slug}»", f"the unit “{slug}”", field="slug")
    return found


def agencies() -> QuerySet[Agency]:
    return Agency.objects.all()


def counties() -> QuerySet[County]:
    return County.objects.all()


def county(number: str) -> County:
    validate_county_number(number)
    found = County.objects.filter(number=number).first()
    if found is None:
        raise not_found(f"fylkesnummer {number}", f"county number {number}", field="county")
    return found


def service_types() -> QuerySet[ServiceType]:
    return ServiceType.objects.all()


def minimum_services() -> list[ServiceType]:
    """The services every office must offer (NAV Act § 13, Social Services Act ch. 4)."""
    return list(ServiceType.objects.filter(is_minimum=True))


def missing_minimum(
    agreement: PartnershipAgreement, minimum: list[ServiceType] | None = None
) -> list[ServiceType]:
    """The minimum services the agreement does not list: it was signed before they became
    part of the minimum, and does not meet the minimum until it is saved with them."""
    offered = {s.code for s in agreement.services.all()}
    return [s for s in (minimum or minimum_services()) if s.code not in offered]


def agreements_missing_minimum() -> QuerySet[PartnershipAgreement]:
    """The agreements that lack one or more minimum services, by office name."""
    required = ServiceType.objects.filter(is_minimum=True).count()
    return (
        PartnershipAgreement.objects.annotate(
            minimum_offered=Count("services", filter=Q(services__is_minimum=True))
        )
        .filter(minimum_offered__lt=required)
        .select_related("office", "office__county")
        .prefetch_related("services")
        .order_by("office__name_nb")
    )


def municipalities(*, county_number: str | None = None, query: str = "") -> QuerySet[Municipality]:
    found = Municipality.objects.select_related("county")
    if county_number:
        found = found.filter(county=county(county_number))
    query = query.strip()
    if query.isdigit():
        found = found.filter(number__startswith=query)
    elif query:
        found = found.filter(search_name__contains=search_key(query))
    return found


def municipality(number: str) -> Municipality:
    validate_municipality_number(number)
    found = Municipality.objects.select_related("county").filter(number=number).first()
    if found is None:
        raise not_found(
            f"kommunenummer {number}", f"municipality number {number}", field="municipality"
        )
    return found


def _offices_with_details() -> QuerySet[Office]:
    return Office.objects.select_related("county", "agency").prefetch_related(
        Prefetch("areas", queryset=OfficeArea.objects.select_related("municipality")),
        Prefetch("agreement__services"),
        "opening_hours",
    )


def offices(
    *, county_number: str | None = None, query: str = "", meets_minimum: bool | None = None
) -> QuerySet[Office]:
    """The active offices, by county, by a municipality or name they answer to, and by
    whether their agreement meets the minimum."""
    found = _offices_with_details().filter(is_active=True)
    if meets_minimum is not None:
        lacking = agreements_missing_minimum().values("office")
        found = found.exclude(pk__in=lacking) if meets_minimum else found.filter(pk__in=lacking)
    if county_number:
        found = found.filter(county=county(county_number))
    query = query.strip()
    if query:
        areas = OfficeArea.objects.filter(municipality__in=municipalities(query=query))
        by_name = Office.objects.filter(search_name__contains=search_key(query))
        found = found.filter(pk__in=areas.values("office")) | found.filter(pk__in=by_name)
    return found.order_by("name_nb").distinct()


def office(unit_number: str) -> Office:
    found = _offices_with_details().filter(unit_number=unit_number).first()
    if found is None:
        raise not_found(f"kontor {unit_number}", f"office {unit_number}", field="unit_number")
    return found


def areas_of(municipality_: Municipality) -> list[OfficeArea]:
    return list(
        OfficeArea.objects.filter(municipality=municipality_)
        .select_related("office", "office__county")
        .order_by("district")
    )


def office_serving(number: str, district: str | None = None) -> OfficeArea:
    """The office that serves a municipality, or the given district of a divided one."""
    areas = areas_of(municipality(number))
    if not areas:
        raise not_found(f"noe kontor for kommune {number}", f"an office for municipality {number}")
    whole = [a for a in areas if not a.district]
    if whole and not district:
        return whole[0]
    if district:
        wanted = district.strip().casefold()
        match = next((a for a in areas if a.district.casefold() == wanted), None)
        if match is not None:
            return match
        if whole:
            return whole[0]
    names = ", ".join(a.district for a in areas)
    raise DomainError(
        code="district_required" if not district else "unknown_district",
        message_nb=f"{areas[0].municipality.name} har flere NAV-kontorer. Velg bydel: {names}.",
        message_en=(
            f"{areas[0].municipality.name} has several NAV offices. Choose a district: {names}."
        ),
        field="district",
    )


def agreement_of(office_: Office) -> PartnershipAgreement:
    found = PartnershipAgreement.objects.filter(office=office_).prefetch_related("services").first()
    if found is None:
        raise not_found("samarbeidsavtalen", "the partnership agreement")
    return found


def iw_centres() -> QuerySet[IWCentre]:
    return IWCentre.objects.select_related("county")


def iw_centre(county_number: str) -> IWCentre:
    found = iw_centres().filter(county=county(county_number)).first()
    if found is None:
        raise not_found("IA-senteret", "the IW centre", field="county")
    return found


@dataclass(frozen=True)
class DirectoryHit:
    municipality: Municipality
    areas: list[OfficeArea]


def directory_search(query: str, *, limit: int = 25) -> list[DirectoryHit]:
    """Which office serves a municipality, by its name or number. Names that start with the
    query come first."""
    query = query.strip()
    if not query:
        return []
    folded = search_key(query)
    found = sorted(
        municipalities(query=query),
        key=lambda m: (not m.search_name.startswith(folded), m.search_name),
    )[:limit]
    areas_by_municipality: dict[str, list[OfficeArea]] = {m.number: [] for m in found}
    for area in (
        OfficeArea.objects.filter(municipality__in=found)
        .select_related("office")
        .prefetch_related("office__agreement__services")
        .order_by("district")
    ):
        areas_by_municipality[area.municipality_id].append(area)
    return [DirectoryHit(m, areas_by_municipality[m.number]) for m in found]


def coverage_problems() -> list[str]:
    """Municipalities not served by exactly one office per district, in plain words."""
    problems = []
    for m in Municipality.objects.prefetch_related("office_areas"):
        areas = list(m.office_areas.all())
        if not areas:
            problems.append(f"{m} is served by no office")
        elif any(not a.district for a in areas) and len(areas) > 1:
            problems.append(f"{m} is served both as a whole and by district")
    return problems


def iw_advisor_names(centre: IWCentre) -> list[str]:
    """The advisors of an IW centre: the contact persons employers are given."""
    return access_selectors.names_in_role(Role.IW_ADVISOR, iw_centre=centre)
