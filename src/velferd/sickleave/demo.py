"""Demo sick-leave statistics: the last 12 quarters for the demo enterprises and for a set of
comparison enterprises (so that industries, sectors and counties have groups to compare
with), loaded through the import so that it is audited like any other file.

The figures are drawn from a generator seeded by the enterprise and the quarter: loading the
demo again gives the same figures, and the import reports them as unchanged. Some figures
are masked on purpose: the small grocery in Sunnfjord has fewer than five sick-listed
persons in most quarters, and so does the retail industry (NACE 47) in some quarters.

The file has the optional split into short-term (1–16 days) and long-term (17 days and
more) sick leave for every enterprise but the small grocery, whose page says "not in the
file".
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.core.identifiers import is_organisation_number
from velferd.employers import services as employer_services
from velferd.employers.demo import DEMO_ENTERPRISES

from . import services as sick_leave_services
from .periods import Period

QUARTERS = 12
WORKDAYS_PER_QUARTER = Decimal("61.5")

# Sick-leave percentage by NACE division, roughly as NAV publishes them.
LEVELS = {
    "10": 7.4,
    "41": 6.6,
    "47": 6.3,
    "49": 7.8,
    "52": 6.0,
    "56": 6.9,
    "81": 8.4,
    "84": 5.4,
    "87": 9.1,
    "88": 8.6,
}
# Enterprises that stand out, so that the prioritisation list has a story to tell.
OWN_LEVEL = {"987654309": 10.8, "976240391": 9.4, "935308291": 8.2}
# Persons sick-listed in a quarter, as a share of the employees (the small grocery and the
# small retail shop get few enough to be masked).
FEW_PERSONS = {"999906087": 3, "810000015": 1}
# Enterprises whose lines leave the split by duration out.
NO_SPLIT = {"999906087"}
# The long-term share of the lost workdays (17 days and more), roughly as in NAV's statistics.
LONG_TERM_SHARE = (0.55, 0.72)


@dataclass(frozen=True)
class ComparisonEnterprise:
    name: str
    municipality: str
    industry_code: str
    sector: str
    employees: int


# Enterprises outside the demo's IW counties (Rogaland, Innlandet, Agder): they give the
# industries and sectors more than one enterprise to compare with.
COMPARISON_ENTERPRISES = [
    ComparisonEnterprise("Stavanger Omsorgssenter AS", "1103", "87.301", "private", 180),
    ComparisonEnterprise("Hamar Bo og Omsorg", "3403", "87.301", "municipal", 210),
    ComparisonEnterprise("Sørlandet Sykehjem AS", "4204", "87.102", "private", 95),
    ComparisonEnterprise("Rogaland Fiskeindustri AS", "1103", "10.201", "private", 120),
    ComparisonEnterprise("Agder Bakeri AS", "4204", "10.710", "private", 60),
    ComparisonEnterprise("Kristiansand kommune, barnevern", "4204", "88.991", "municipal", 150),
    ComparisonEnterprise("Hamar Barnehager AS", "3403", "88.911", "private", 70),
    ComparisonEnterprise("Jærbuss AS", "1103", "49.391", "private", 260),
    ComparisonEnterprise("Innlandet Transport AS", "3403", "49.410", "private", 80),
    ComparisonEnterprise("Stavanger Byggservice AS", "1103", "41.200", "private", 110),
    ComparisonEnterprise("Mjøsbygg AS", "3403", "41.200", "private", 55),
    ComparisonEnterprise("Sørlandsbutikken AS", "4204", "47.111", "private", 12),
    ComparisonEnterprise("Statens hus Hamar", "3403", "84.110", "state", 240),
    ComparisonEnterprise("Agder fylkeskommune, samferdsel", "4204", "84.130", "municipal", 190),
    ComparisonEnterprise("Rogaland Renhold AS", "1103", "81.210", "private", 140),
    ComparisonEnterprise("Hamar Kantinedrift AS", "3403", "56.290", "private", 40),
    ComparisonEnterprise("Kristiansand Havn KF", "4204", "52.221", "municipal", 75),
]


def comparison_numbers() -> list[str]:
    """Valid organisation numbers 81000001x… for the comparison enterprises."""
    numbers: list[str] = []
    body = 81000001
    while len(numbers) < len(COMPARISON_ENTERPRISES):
        numbers.extend(f"{body}{d}" for d in range(10) if is_organisation_number(f"{body}{d}"))
        body += 1
    return numbers


def last_complete_quarter(today: datetime.date) -> Period:
    return Period(today.year, (today.month - 1) // 3 + 1).shifted(-1)


def _ensure_comparison_enterprises(system: Actor) -> None:
    """Register the comparison enterprises that are missing (one already registered is
    refused, and writes nothing)."""
    for number, row in zip(comparison_numbers(), COMPARISON_ENTERPRISES, strict=True):
        try:
            employer_services.enterprise_register(
                actor=system,
                organisation_number=number,
                name=row.name,
                municipality_number=row.municipality,
                industry_code=row.industry_code,
                sector=row.sector,
                employees=row.employees,
            )
        except DomainError as refusal:
            if refusal.code != "enterprise_exists":
                raise


def _line(number: str, industry: str, employees: int, period: Period) -> str:
    rng = random.Random(f"{number}-{period.year}-{period.quarter}")
    season = {1: 1.15, 2: 0.95, 3: 0.82, 4: 1.08}[period.quarter]
    level = OWN_LEVEL.get(number, LEVELS.get(industry[:2], 6.5)) * season
    level *= rng.uniform(0.85, 1.15)
    possible = (
        Decimal(employees) * WORKDAYS_PER_QUARTER * Decimal(rng.uniform(0.82, 0.9))
    ).quantize(Decimal("0.01"))
    lost = (possible * Decimal(level) / 100).quantize(Decimal("0.01"))
    graded = (lost * Decimal(rng.uniform(0.18, 0.32))).quantize(Decimal("0.01"))
    if number in FEW_PERSONS:
        persons = rng.randint(FEW_PERSONS[number], 4 if number == "999906087" else 2)
    else:
        persons = max(1, round(employees * rng.uniform(0.12, 0.2)))
    long = (lost * Decimal(rng.uniform(*LONG_TERM_SHARE))).quantize(Decimal("0.01"))
    split = ";;" if number in NO_SPLIT else f";{lost - long};{long}"
    return f"{number};{period.year};{period.quarter};{possible};{lost};{graded};{persons}{split}"


def demo_file(today: datetime.date | None = None) -> bytes:
    """The demo statistics as an import file."""
    latest = last_complete_quarter(today or datetime.date.today())
    periods = [latest.shifted(-n) for n in range(QUARTERS - 1, -1, -1)]
    rows = [(e.organisation_number, e.industry_code, e.employees) for e in DEMO_ENTERPRISES] + [
        (number, c.industry_code, c.employees)
        for number, c in zip(comparison_numbers(), COMPARISON_ENTERPRISES, strict=True)
    ]
    lines = [";".join((*sick_leave_services.COLUMNS, *sick_leave_services.DURATION_COLUMNS))]
    for period in periods:
        lines.extend(
            _line(number, industry, employees, period) for number, industry, employees in rows
        )
    return ("\n".join(lines) + "\n").encode()


def load_demo_sick_leave(*, system: Actor) -> int:
    """Import the demo quarters that are missing; returns how many rows were created."""
    _ensure_comparison_enterprises(system)
    report = sick_leave_services.statistics_import(
        actor=system, data=demo_file(), filename="demo-sykefravær.csv"
    )
    return report.created
