"""Demo enterprises and their IW cooperations."""

from __future__ import annotations

from dataclasses import dataclass

from velferd.access.actor import Actor
from velferd.employers import services as employer_services
from velferd.employers.models import Enterprise, Sector


@dataclass(frozen=True)
class DemoEnterprise:
    organisation_number: str
    name: str
    municipality: str
    industry_code: str
    sector: Sector
    employees: int
    has_iw_agreement: bool


# 987654309 is the enterprise of the demo login "arbeidsgiver"; the IW centre of Vestland
# (the login "ia-radgiver") serves it.
DEMO_ENTERPRISES = [
    DemoEnterprise("987654309", "Bergen Omsorg AS", "4601", "87.301", Sector.PRIVATE, 140, True),
    DemoEnterprise(
        "964330123", "Fjordkysten Sjømat AS", "4601", "10.201", Sector.PRIVATE, 85, True
    ),
    DemoEnterprise(
        "935308291", "Askøy kommune, helse og omsorg", "4627", "88.101", Sector.MUNICIPAL, 420, True
    ),
    DemoEnterprise("976240391", "Vestlandsbuss AS", "4601", "49.391", Sector.PRIVATE, 230, False),
    DemoEnterprise(
        "922152799", "Voss Bygg og Anlegg AS", "4621", "41.200", Sector.PRIVATE, 38, False
    ),
    DemoEnterprise(
        "999906087", "Sunnfjord Daglegvare AS", "4647", "47.111", Sector.PRIVATE, 22, False
    ),
    DemoEnterprise(
        "925792403", "Statens vegkontor Vest", "4601", "84.130", Sector.STATE, 310, True
    ),
    DemoEnterprise(
        "971352418", "Grünerløkka Sykehjem", "0301", "87.301", Sector.MUNICIPAL, 160, True
    ),
    DemoEnterprise("919730609", "Oslo Renhold AS", "0301", "81.210", Sector.PRIVATE, 95, True),
    DemoEnterprise(
        "946020370", "Trondheim Kantine og Catering AS", "5001", "56.290", Sector.PRIVATE, 44, False
    ),
    DemoEnterprise(
        "916290721", "Nidaros Barnehager AS", "5001", "88.911", Sector.PRIVATE, 120, True
    ),
    DemoEnterprise("924419555", "Tromsø Havn KF", "5501", "52.221", Sector.MUNICIPAL, 64, False),
]


def load_demo_employers(*, system: Actor) -> int:
    """Create the demo enterprises that are missing; returns how many were created."""
    known = set(Enterprise.objects.values_list("organisation_number", flat=True))
    created = 0
    for row in DEMO_ENTERPRISES:
        if row.organisation_number in known:
            continue
        employer_services.enterprise_register(
            actor=system,
            organisation_number=row.organisation_number,
            name=row.name,
            municipality_number=row.municipality,
            industry_code=row.industry_code,
            sector=row.sector,
            employees=row.employees,
            has_iw_agreement=row.has_iw_agreement,
        )
        created += 1
    return created
