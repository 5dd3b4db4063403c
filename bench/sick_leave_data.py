"""Generator of a synthetic national data set for the sick-leave benchmark (bench/sick_leave.py).

    DATABASE_URL=postgres://... .venv/bin/python bench/sick_leave_data.py [--enterprises 250000]
        [--quarters 20] [--seed 2026]

Run it against a database migrated and loaded with `velferd migrate`, `velferd
load-reference` and `velferd load-demo` (PostgreSQL only). With the defaults it inserts:

- 250,000 enterprises spread over the municipalities in proportion to their population
  (bench/data/municipal_population.csv), with an industry (NACE code) drawn from a mix of
  some 40 divisions weighted roughly as Norway's enterprises are, a sector that follows the
  industry (public administration, schools, health and care are largely municipal or state),
  and a size drawn from a skewed distribution (about half have fewer than 5 employees, one
  in a hundred 250 or more);
- an IW cooperation for about 4 % of them (to_assess, assessing, active, completed, …);
- 20 quarters of statistics for every enterprise (5,000,000 rows), ending with the last
  complete quarter before today: possible workdays from the size, a sick-leave percentage
  from the industry's level, the enterprise's own tendency, the season and noise; a graded
  share around a quarter; the number of sick-listed persons from the size.

Organisation numbers are synthetic and valid (70000000x…, check digit by mod 11). Rows go in
with COPY into the migrated schema (constraints and indexes in place), the statistics in
chunks committed one by one while the next chunk is generated. Then the aggregates the pages
read are computed by the application's own refresh (`sickleave.services.refresh_aggregates`,
through the Django ORM), and VACUUM (ANALYZE). The run refuses a database that already holds
generated enterprises.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import queue
import random
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national_data import Progress, apportion, read_csv

ENTERPRISES = 250_000
QUARTERS = 20
CHUNK = 5_000  # enterprises per COPY chunk (× quarters rows)
FIRST_BODY = 70_000_000
WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)

# (NACE code, weight in ‰ of enterprises, sick-leave level %, share state / municipal)
# fmt: off
INDUSTRIES: list[tuple[str, int, float, float, float]] = [
    ("01.110", 60, 4.5, 0, 0), ("02.100", 8, 5.0, 0, 0), ("03.211", 12, 5.5, 0, 0),
    ("10.201", 6, 8.2, 0, 0), ("10.710", 5, 7.6, 0, 0), ("16.100", 4, 7.0, 0, 0),
    ("25.110", 8, 6.8, 0, 0), ("28.290", 5, 5.6, 0, 0), ("33.120", 6, 5.9, 0, 0),
    ("35.111", 3, 4.2, 0.3, 0.4), ("38.110", 3, 7.5, 0, 0.5),
    ("41.200", 45, 6.4, 0, 0), ("42.110", 6, 6.1, 0.1, 0.1), ("43.210", 40, 6.6, 0, 0),
    ("45.200", 15, 5.8, 0, 0), ("46.900", 40, 4.8, 0, 0), ("47.111", 30, 7.0, 0, 0),
    ("47.710", 25, 6.6, 0, 0), ("49.410", 20, 7.9, 0, 0), ("49.391", 5, 8.4, 0, 0.2),
    ("52.221", 3, 6.0, 0, 0.5), ("55.101", 8, 7.3, 0, 0), ("56.101", 25, 7.1, 0, 0),
    ("62.010", 35, 3.6, 0, 0), ("64.190", 8, 4.1, 0.05, 0), ("68.209", 70, 3.9, 0, 0.02),
    ("69.201", 20, 4.0, 0, 0), ("70.220", 45, 3.8, 0, 0), ("71.121", 25, 4.2, 0, 0.05),
    ("77.110", 6, 5.2, 0, 0), ("78.200", 5, 7.8, 0, 0), ("81.210", 10, 9.1, 0, 0),
    ("82.990", 15, 5.4, 0, 0), ("84.110", 6, 5.6, 0.45, 0.55), ("85.201", 12, 6.4, 0.05, 0.8),
    ("86.211", 20, 6.9, 0.3, 0.3), ("87.301", 10, 9.5, 0, 0.6), ("88.101", 8, 8.8, 0, 0.7),
    ("88.911", 12, 8.6, 0, 0.45), ("90.011", 20, 4.8, 0.05, 0.1), ("93.110", 10, 5.5, 0, 0.3),
    ("94.991", 30, 4.6, 0, 0), ("96.021", 25, 6.2, 0, 0),
]
# Employees: (lowest, highest, weight %). About half under 5, a long tail of large ones.
SIZES = [
    (1, 4, 50), (5, 9, 19), (10, 19, 14), (20, 49, 10), (50, 99, 4), (100, 249, 2),
    (250, 499, 0.6), (500, 4999, 0.4),
]
COOPERATION_STATUSES = [
    ("to_assess", 30, True), ("assessing", 20, True), ("active", 30, True),
    ("completed", 10, False), ("not_relevant", 5, False), ("cancelled", 5, False),
]
# fmt: on
SEASON = {1: 1.16, 2: 0.96, 3: 0.80, 4: 1.08}
WORKDAYS = 61.5
# A closed cooperation carries the coded reason it was closed with.
CLOSING_REASONS = {
    "not_relevant": "too_few_lost_workdays",
    "completed": "goals_reached",
    "cancelled": "enterprise_withdrew",
}


def valid_numbers(start: int) -> Iterator[str]:
    """Valid organisation numbers: mod-11 check digit (bodies whose digit would be 10 skipped)."""
    body = start
    while True:
        digits = str(body)
        remainder = sum(w * int(d) for w, d in zip(WEIGHTS, digits, strict=True)) % 11
        check = (11 - remainder) % 11
        if check != 10:
            yield f"{digits}{check}"
        body += 1


def last_complete_quarter(today: datetime.date) -> tuple[int, int]:
    quarter = (today.month - 1) // 3 + 1
    return (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)


def quarters_until(last: tuple[int, int], count: int) -> list[tuple[int, int]]:
    index = last[0] * 4 + last[1] - 1
    return [((i // 4), i % 4 + 1) for i in range(index - count + 1, index + 1)]


class Generator:
    def __init__(self, conn: psycopg.Connection, enterprises: int, quarters: int, seed: int):
        self.conn, self.enterprises, self.rng = conn, enterprises, random.Random(seed)
        self.quarters = quarters_until(last_complete_quarter(datetime.date.today()), quarters)
        self.now = datetime.datetime.now(datetime.UTC).isoformat()
        self.counts = {"enterprises": 0, "cooperations": 0, "statistics": 0}

    def places(self) -> list[tuple[str, str]]:
        """(municipality, county) for every enterprise, by population, in random order."""
        with self.conn.cursor() as cur:
            cur.execute("SELECT number, county_id FROM organisation_municipality")
            county_of = dict(cur.fetchall())
        weights = [
            (row["municipality_number"], int(row["population"]))
            for row in read_csv("municipal_population.csv")
            if row["municipality_number"] in county_of
        ]
        places: list[tuple[str, str]] = []
        for number, count in apportion(self.enterprises, weights):
            places.extend([(number, county_of[number])] * count)
        self.rng.shuffle(places)
        return places

    def size(self) -> int:
        low, high, _ = self.rng.choices(SIZES, weights=[w for *_, w in SIZES])[0]
        if high > 500:  # the long tail: Pareto-like within the band
            return min(high, int(low / (self.rng.random() ** 0.8 or 1e-9)))
        return self.rng.randint(low, high)

    def enterprise_lines(self, places: list[tuple[str, str]], first_id: int) -> Any:
        industries = [
            (code, level, state, municipal) for code, _, level, state, municipal in INDUSTRIES
        ]
        weights = [w for _, w, *_ in INDUSTRIES]
        numbers = valid_numbers(FIRST_BODY)
        for offset, (municipality, county) in enumerate(places):
            code, level, state, municipal = self.rng.choices(industries, weights=weights)[0]
            draw = self.rng.random()
            sector = (
                "state" if draw < state else "municipal" if draw < state + municipal else "private"
            )
            employees = self.size()
            number = next(numbers)
            yield (
                first_id + offset,
                number,
                code,
                level,
                employees,
                f"{first_id + offset}\t{self.now}\t{self.now}\t1\t{number}\tBench {number} AS\t{municipality}\t{county}\t"
                f"{code}\t{sector}\t{employees}\t{'t' if self.rng.random() < 0.3 else 'f'}\t\\N\n",
            )

    def statistics(self, enterprise_id: int, level: float, employees: int) -> list[str]:
        rng = self.rng
        tendency = math.exp(rng.gauss(0, 0.35))
        graded_share = min(0.6, max(0.05, rng.gauss(0.25, 0.07)))
        lines = []
        for year, quarter in self.quarters:
            possible = employees * WORKDAYS * rng.uniform(0.78, 0.92)
            persons = (
                sum(1 for _ in range(employees) if rng.random() < 0.16)
                if employees < 20
                else (max(0, round(employees * rng.gauss(0.16, 0.02))))
            )
            if persons == 0:
                lost = graded = 0.0
            else:
                pct = level * tendency * SEASON[quarter] * rng.uniform(0.8, 1.2)
                lost = min(possible * 0.6, possible * pct / 100)
                graded = lost * min(1.0, graded_share * rng.uniform(0.8, 1.2))
            lines.append(
                f"{self.now}\t{self.now}\t{enterprise_id}\t{year}\t{quarter}\t"
                f"{possible:.2f}\t{lost:.2f}\t{min(graded, lost):.2f}\t{persons}\n"
            )
        return lines

    def cooperation(self, enterprise_id: int) -> str | None:
        if self.rng.random() >= 0.04:
            return None
        status, _, is_open = self.rng.choices(
            COOPERATION_STATUSES, weights=[w for _, w, _ in COOPERATION_STATUSES]
        )[0]
        year, quarter = self.rng.choice(self.quarters[-12:])
        created = datetime.datetime(year, quarter * 3 - 2, 15, 12, tzinfo=datetime.UTC)
        reason = CLOSING_REASONS.get(status, "")
        return (
            f"{created.isoformat()}\t{self.now}\t1\t{enterprise_id}\t{status}\t\\N\t"
            f"{'t' if is_open else 'f'}\t{reason}\n"
        )

    def chunks(self, places: list[tuple[str, str]], first_id: int) -> Any:
        out: dict[str, list[str]] = {"enterprises": [], "cooperations": [], "statistics": []}
        rows = self.enterprise_lines(places, first_id)
        for done, (enterprise_id, _number, _code, level, employees, line) in enumerate(rows, 1):
            out["enterprises"].append(line)
            out["statistics"].extend(self.statistics(enterprise_id, level, employees))
            if (cooperation := self.cooperation(enterprise_id)) is not None:
                out["cooperations"].append(cooperation)
            if done % CHUNK == 0 or done == len(places):
                yield done, out
                out = {"enterprises": [], "cooperations": [], "statistics": []}

    def run(self) -> dict[str, float]:
        timings: dict[str, float] = {}
        started = time.monotonic()
        with self.conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM employers_enterprise WHERE name LIKE 'Bench %%'")
            if (cur.fetchone() or (0,))[0]:
                sys.exit("This database already holds a generated data set (enterprises Bench …).")
            cur.execute("SELECT coalesce(max(id), 0) FROM employers_enterprise")
            first_id = (cur.fetchone() or (0,))[0] + 1
        self.conn.commit()
        places = self.places()
        print(
            f"{self.enterprises:,} enterprises × {len(self.quarters)} quarters "
            f"({self.quarters[0][0]}Q{self.quarters[0][1]}–{self.quarters[-1][0]}Q"
            f"{self.quarters[-1][1]})",
            file=sys.stderr,
        )
        columns = {
            "enterprises": (
                "employers_enterprise (id, created_at, updated_at, version, organisation_number, "
                "name, municipality_id, county_id, industry_code, sector, employees, "
                "has_iw_agreement, contact_person_id)"
            ),
            "cooperations": (
                "employers_cooperation (created_at, updated_at, version, enterprise_id, status, "
                "owner_id, is_open, reason)"
            ),
            "statistics": (
                "sickleave_quarterlystatistics (created_at, updated_at, enterprise_id, year, "
                "quarter, possible_workdays, lost_workdays, graded_lost_workdays, "
                "sick_listed_persons)"
            ),
        }
        work: queue.Queue[Any] = queue.Queue(maxsize=2)
        failure: list[BaseException] = []
        progress = Progress(self.enterprises, "enterprises (with their quarters)")

        def writer() -> None:
            try:
                with self.conn.cursor() as cur:
                    while (item := work.get()) is not None:
                        done, chunk = item
                        for name in ("enterprises", "cooperations", "statistics"):
                            lines = chunk[name]
                            if not lines:
                                continue
                            with cur.copy(f"COPY {columns[name]} FROM STDIN") as cp:
                                for start in range(0, len(lines), 10_000):
                                    cp.write("".join(lines[start : start + 10_000]))
                            self.counts[name] += len(lines)
                        self.conn.commit()
                        progress.update(done)
            except BaseException as error:
                failure.append(error)
                while work.get() is not None:
                    pass

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            for item in self.chunks(places, first_id):
                if failure:
                    break
                work.put(item)
        finally:
            work.put(None)
            thread.join()
        if failure:
            raise failure[0]
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT setval(pg_get_serial_sequence('employers_enterprise', 'id'), "
                "(SELECT max(id) FROM employers_enterprise))"
            )
        self.conn.commit()
        timings["copy"] = time.monotonic() - started

        refresh_started = time.monotonic()
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
        import django

        django.setup()
        from django.db import transaction

        from velferd.sickleave import services

        print(
            "refreshing the aggregates (sickleave.services.refresh_aggregates) …", file=sys.stderr
        )
        with transaction.atomic():
            services.refresh_aggregates(quarters=None, enterprise_ids=None, latest_before=None)
        timings["refresh"] = time.monotonic() - refresh_started

        vacuum_started = time.monotonic()
        self.conn.autocommit = True
        with self.conn.cursor() as cur:
            for name in (
                "employers_enterprise",
                "employers_cooperation",
                "sickleave_quarterlystatistics",
                "sickleave_enterprisesummary",
                "sickleave_groupquarter",
                "sickleave_groupsummary",
            ):
                cur.execute(f"VACUUM (ANALYZE) {name}")
        timings["vacuum_analyze"] = time.monotonic() - vacuum_started
        timings["total"] = time.monotonic() - started
        return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--enterprises", type=int, default=ENTERPRISES)
    parser.add_argument("--quarters", type=int, default=QUARTERS)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to the PostgreSQL database (see scripts/with-postgresql.sh).")
    with psycopg.connect(url) as conn:
        generator = Generator(conn, args.enterprises, args.quarters, args.seed)
        timings = generator.run()
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"enterprises={args.enterprises} quarters={args.quarters} seed={args.seed}", file=sys.stderr
    )
    for name, count in generator.counts.items():
        print(f"  {name:<14} {count:>12,}", file=sys.stderr)
    print(
        f"COPY {timings['copy']:.0f} s; aggregates refreshed through the ORM "
        f"{timings['refresh']:.0f} s; VACUUM (ANALYZE) {timings['vacuum_analyze']:.0f} s; "
        f"total {timings['total']:.0f} s ({timings['total'] / 60:.1f} min); "
        f"generator peak RSS {peak:.0f} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
