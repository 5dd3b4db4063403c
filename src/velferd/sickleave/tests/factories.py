"""Enterprises and statistics files for the sick-leave tests."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator, Sequence

import factory
from stdnum.no import orgnr

from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.core.testing import new_user
from velferd.employers.models import Enterprise, Sector
from velferd.organisation.models import Municipality
from velferd.sickleave.periods import Period
from velferd.sickleave.services import COLUMNS


def _valid_numbers() -> Iterator[str]:
    """Valid organisation numbers 83000000x… (no demo enterprise has one)."""
    for body in itertools.count(83000000):
        yield from (f"{body}{d}" for d in range(10) if orgnr.is_valid(f"{body}{d}"))


NUMBERS = _valid_numbers()


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    organisation_number = factory.LazyFunction(lambda: next(NUMBERS))
    name = factory.Sequence(lambda n: f"Testbedrift {n:03d} AS")
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(number="5601"))
    county = factory.LazyAttribute(lambda o: o.municipality.county)
    industry_code = "62.010"
    sector = Sector.PRIVATE
    employees = 50


def csv_file(
    rows: Sequence[Sequence[object]], *, separator: str = ";", header: Sequence[str] = COLUMNS
) -> bytes:
    lines = [separator.join(header)] + [separator.join(str(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def make_enterprise(**fields: object) -> Enterprise:
    enterprise: Enterprise = EnterpriseFactory.create(**fields)
    return enterprise


def import_quarters(
    rows: Sequence[tuple[Enterprise, Period, str, str, str, int]],
) -> None:
    """Import (enterprise, quarter, possible, lost, graded, persons) rows as the system."""
    from velferd.access.actor import system_actor
    from velferd.sickleave.services import statistics_import

    data = csv_file(
        [
            (e.organisation_number, p.year, p.quarter, possible, lost, graded, persons)
            for e, p, possible, lost, graded, persons in rows
        ]
    )
    statistics_import(actor=system_actor("tests"), data=data, filename="tests.csv")


def last_complete_quarter() -> Period:
    """The quarter before this one: the latest the statistics can have."""
    today = datetime.date.today()
    return Period(today.year, (today.month - 1) // 3 + 1).shifted(-1)


latest = last_complete_quarter


def last_quarters(count: int = 12) -> list[Period]:
    """The last `count` complete quarters, oldest first."""
    newest = last_complete_quarter()
    return [newest.shifted(-n) for n in range(count - 1, -1, -1)]


# One quarter of an ordinary enterprise: possible and lost workdays, graded, persons.
ORDINARY = ("1000.00", "60.00", "12.00", 10)


def with_statistics(*enterprises: Enterprise, quarters: int = 12) -> None:
    """The enterprises' statistics for the last quarters, the same ordinary figures each."""
    import_quarters(
        [(e, period, *ORDINARY) for e in enterprises for period in last_quarters(quarters)]
    )


def in_county(municipality: str, **fields: object) -> Enterprise:
    """A new enterprise in the municipality with this number."""
    return make_enterprise(municipality=Municipality.objects.get(number=municipality), **fields)


def peers_with_statistics(municipality: str, size: int = 4, **fields: object) -> list[Enterprise]:
    """`size` enterprises alike (municipality, industry, sector) with the same ordinary
    statistics for the last 12 quarters: enough that none of their groups is masked."""
    group = [in_county(municipality, **fields) for _ in range(size)]
    with_statistics(*group)
    return group


def a_representative(enterprise: Enterprise, username: str = "representant") -> Actor:
    """A new login representing the enterprise (an employer's representative)."""
    return new_user(username, Role.EMPLOYER, organisation_number=enterprise.organisation_number)
