"""Benchmark of the employment import (A-ordningen) and the outcomes derived from it.

    scripts/with-postgresql.sh .venv/bin/python bench/employment.py [--lines 100000]

Against an empty database (PostgreSQL): migrates, loads the reference data and the demo
offices, registers --lines persons (bulk, past the services) with a participation-free
follow-up period each that ended, then times, in process:

- the import of a file with one line per person for one month (parse, check every line,
  find the persons, upsert, audit), all or nothing;
- the same file imported again (every row replaced);
- `derive-outcomes` over all of them (one outcome per period at the 3-month horizon).

Prints the seconds of each, the lines a second and the peak memory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import sys
import time
import uuid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from velferd.access.actor import system_actor  # noqa: E402
from velferd.core.identifiers import synthetic_national_id  # noqa: E402
from velferd.followup.models import FollowUpPeriod  # noqa: E402
from velferd.organisation.demo import load_demo_offices  # noqa: E402
from velferd.organisation.models import Municipality, Office  # noqa: E402
from velferd.people.models import Person  # noqa: E402
from velferd.project.reference import load_reference  # noqa: E402
from velferd.results.services.employment import employment_import  # noqa: E402
from velferd.results.services.outcomes import outcomes_derive  # noqa: E402

MONTH = datetime.date(2026, 6, 1)
ENDED = datetime.date(2026, 3, 15)


def persons(count: int) -> list[str]:
    municipality = Municipality.objects.get(number="0301")
    office = Office.objects.get(unit_number="0317")
    numbers, rows, periods = [], [], []
    born = datetime.date(1960, 1, 1)
    for n in range(count):
        number = synthetic_national_id(born + datetime.timedelta(days=n // 150), n % 150)
        pk = uuid.uuid4()
        numbers.append(number)
        rows.append(
            Person(
                id=pk,
                national_id=number,
                given_name="Bench",
                family_name=str(n),
                birth_date=born + datetime.timedelta(days=n // 150),
                municipality=municipality,
                office=office,
            )
        )
        periods.append(
            FollowUpPeriod(
                person_id=pk, office=office, started_on=datetime.date(2025, 9, 1), ended_on=ENDED
            )
        )
    Person.objects.bulk_create(rows, batch_size=5000)
    FollowUpPeriod.objects.bulk_create(periods, batch_size=5000)
    return numbers


def timed(label: str, lines: int, run) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    result = run()
    seconds = time.monotonic() - started
    print(f"{label}: {seconds:.1f} s ({lines / seconds:,.0f} lines/s) {result}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    system = system_actor("bench")
    load_reference(actor=system)
    load_demo_offices(actor=system)
    numbers = persons(args.lines)
    body = "\n".join(
        f"{n};{MONTH:%Y-%m};1;37,5;47.111" if i % 3 else f"{n};{MONTH:%Y-%m};0;;"
        for i, n in enumerate(numbers)
    )
    data = ("national_id;month;employed;contracted_hours;industry\n" + body + "\n").encode()
    print(f"{args.lines:,} lines, {len(data) / 1e6:.1f} MB")
    timed("import", args.lines, lambda: employment_import(actor=system, data=data).rows)
    timed(
        "import again (replaces)",
        args.lines,
        lambda: employment_import(actor=system, data=data).rows,
    )
    timed("derive outcomes", args.lines, lambda: outcomes_derive(actor=system))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
