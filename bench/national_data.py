"""Generator of a synthetic national data set for the portfolio benchmark (bench/portfolio.py).

    DATABASE_URL=postgres://... .venv/bin/python bench/national_data.py [--scale 1.0] [--seed 2026]

Run it against a database migrated and loaded with `velferd migrate`, `velferd
load-reference` and `velferd load-demo` (PostgreSQL only). At scale 1.0 it inserts:

- 1,000,000 people in follow-up, spread over the offices of the registry in proportion to
  the population of the municipalities they serve (bench/data/, approximate 2024 figures;
  Oslo's and Bergen's over their district offices), each with an open follow-up period
  (~90 % with a caseworker) and ~12 % with an earlier, ended one;
- ~5,000,000 activities (a mix of kinds and statuses; some agreed with the office, some
  overdue, a few meetings today), ~770,000 dialogue threads with ~2,000,000 messages (some
  waiting for the office, some for the person), ~300,000 benefit periods (financial
  assistance mostly for the under-30s, and the state benefits), §14a decisions sent for
  ~80 % of people (standard 35 %, situation-specific 35 %, specially adapted 20 %, partially
  permanent 6 %, permanent 4 %), children for ~25 %, consents to NAV's state side, a few
  qualification programme assessments and individual plans;
- one caseworker (caseworker_state) per ~150 people at every office (at least two), and one
  municipal caseworker per office, as users `bench-<unit>-<n>` without a usable password;
  the person's side of the dialogue is written by one user, `bench-innbygger`.

Identity numbers are synthetic (month + 80, check digits over the digits as written),
unique, and never clash with those already in the database. Everything is drawn from one
seeded generator: the same seed and scale give the same data (today's date aside: dates are
laid out around the day of the run). Rows go in with COPY into the migrated schema (its
constraints, indexes and deferred foreign keys in place), in chunks of people committed one
by one while the next chunk is generated; then VACUUM (ANALYZE). Nothing is dropped or
recreated; the run refuses a database that already holds generated people.
"""

from __future__ import annotations

import argparse
import datetime
import os
import queue
import random
import sys
import threading
import time
from collections import defaultdict
from typing import Any

import psycopg
from national_person import PersonRows
from national_support import (
    COLUMNS,
    FILL_PORTFOLIO_STATE,
    SHUFFLED,
    NationalIds,
    Progress,
    apportion,
    default_left_out_columns,
    read_csv,
    table,
)
from national_vocabulary import (
    ACTIVITIES_PER_PERSON,
    ACTIVITY_KINDS,
    AGE_BANDS,
    CHUNK,
    FAMILY,
    GIVEN,
    LANGUAGES,
    MAIN_GOALS,
    MESSAGES_PER_THREAD,
    NEED_GROUPS,
    OUTCOMES,
    PEOPLE_AT_SCALE_1,
    PEOPLE_PER_CASEWORKER,
    STATUSES,
    THREADS_PER_PERSON,
    TZ,
)

# Used by the other generators (bench/sick_leave_data.py).
__all__ = ["Progress", "apportion", "read_csv"]


class Generator(PersonRows):
    def __init__(self, conn: psycopg.Connection, scale: float, seed: int) -> None:
        self.conn = conn
        self.rng = random.Random(seed)
        self.people = round(PEOPLE_AT_SCALE_1 * scale)
        self.today = datetime.datetime.now(TZ).date()
        self.t0 = self.today.toordinal()
        base = self.t0 - 40_000
        self.iso_base = base
        self.iso = [datetime.date.fromordinal(base + i).isoformat() for i in range(41_000)]
        self.counts: dict[str, int] = defaultdict(int)

    # helpers
    def uuid(self) -> str:
        x = self.rng.getrandbits(128)
        x = (x & ~(0xF << 76) | (4 << 76)) & ~(0x3 << 62) | (0x2 << 62)
        return f"{x:032x}"

    def day(self, ordinal: int) -> str:
        return self.iso[ordinal - self.iso_base]

    def stamp(self, ordinal: int, minutes: int = 540) -> str:
        return f"{self.iso[ordinal - self.iso_base]} {minutes // 60:02d}:{minutes % 60:02d}:00"

    # reference data
    def places(self) -> list[tuple[str, str, str, int, int]]:
        """(municipality, its name, district, office id, people) for every office area."""
        with self.conn.cursor() as cur:
            cur.execute("SELECT municipality_id, district, office_id FROM organisation_officearea")
            areas = {(m, d): o for m, d, o in cur.fetchall()}
        if not areas:
            sys.exit("No offices: run `velferd load-reference` and `velferd load-demo` first.")
        towns = {}
        weights: list[tuple[Any, int]] = []
        districts = defaultdict(list)
        for row in read_csv("district_population.csv"):
            districts[row["municipality_number"]].append((row["district"], int(row["population"])))
        for row in read_csv("municipal_population.csv"):
            number = row["municipality_number"]
            towns[number] = row["name"]
            if number in districts:
                for district, population in districts[number]:
                    weights.append(((number, district), population))
            else:
                weights.append(((number, ""), int(row["population"])))
        missing = [key for key, _ in weights if key not in areas]
        if missing:
            sys.exit(f"No office serves {missing[:5]}: is the registry loaded?")
        return [(m, towns[m], d, areas[(m, d)], n) for (m, d), n in apportion(self.people, weights)]

    def create_users(self, per_office: dict[int, int], units: dict[int, str]) -> None:
        """Caseworkers (caseworker_state) and one municipal caseworker per office; the person's
        side of the dialogue is written by one citizen user."""
        rng = self.rng
        self.caseworkers: dict[int, list[tuple[str, str]]] = {}
        users, roles = [], []
        joined = self.stamp(self.t0 - 400)
        for office, people in sorted(per_office.items()):
            count = max(2, -(-people // PEOPLE_PER_CASEWORKER))
            staff = []
            for n in range(count + 1):
                uid = self.uuid()
                name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
                username = f"bench-{units[office]}-{n + 1:03d}"
                users.append(f"{uid}\t!\tf\t{username}\t\t\t\tf\tt\t{joined}\t{name}\tf\tf\n")
                role = "caseworker_state" if n < count else "caseworker_municipal"
                roles.append(f"{joined}\t{joined}\t{role}\t\t\tt\t{office}\t{uid}\n")
                if n < count:
                    staff.append((uid, name))
            self.caseworkers[office] = staff
        self.citizen = self.uuid()
        users.append(
            f"{self.citizen}\t!\tf\tbench-innbygger\t\t\t\tf\tt\t{joined}\t"
            f"Innbygger (syntetisk)\tf\tf\n"
        )
        with self.conn.cursor() as cur:
            with cur.copy(
                "COPY access_user (id, password, is_superuser, username, first_name, "
                "last_name, email, is_staff, is_active, date_joined, full_name, "
                "cleared_office_employees, cleared_strictly_confidential) FROM STDIN"
            ) as cp:
                cp.write("".join(users))
            with cur.copy(
                "COPY access_roleassignment (created_at, updated_at, role, "
                "partner_service, organisation_number, is_active, office_id, user_id) "
                "FROM STDIN"
            ) as cp:
                cp.write("".join(roles))
        self.conn.commit()
        self.counts["access_user"] += len(users)
        self.counts["access_roleassignment"] += len(roles)

    def chunks(self, places: list[tuple[str, str, str, int, int]]) -> Any:
        """The people in random order of place (people are registered over time, not office by
        office), CHUNK at a time, as COPY text per table."""
        order = bytearray()  # index into places, as 2-byte little-endian
        for index, place in enumerate(places):
            order += index.to_bytes(2, "little") * place[4]
        slots = list(range(len(order) // 2))
        self.rng.shuffle(slots)
        for start in range(0, len(slots), CHUNK):
            out: dict[str, list[str]] = {name: [] for name in COLUMNS}
            for slot in slots[start : start + CHUNK]:
                self.person(out, places[int.from_bytes(order[2 * slot : 2 * slot + 2], "little")])
            for name in SHUFFLED:
                self.rng.shuffle(out[name])
            yield min(start + CHUNK, len(slots)), {k: v for k, v in out.items() if v}

    def run(self) -> dict[str, float]:
        timings: dict[str, float] = {}
        started = time.monotonic()
        with self.conn.cursor() as cur:
            cur.execute("SET TimeZone = 'Europe/Oslo'")
            cur.execute("SELECT count(*) FROM access_user WHERE username LIKE 'bench-%%'")
            if (cur.fetchone() or (0,))[0]:
                sys.exit("This database already holds a generated data set (users bench-*).")
            cur.execute("SELECT national_id FROM people_person")
            self.ids = NationalIds({n for (n,) in cur.fetchall()})
            cur.execute("SELECT id, unit_number FROM organisation_office")
            units: dict[int, str] = dict(cur.fetchall())
            default_left_out_columns(cur)
        self.conn.commit()
        self.age_band = table(((lo, hi), w) for lo, hi, w in AGE_BANDS)
        self.languages = table(LANGUAGES)
        self.need_groups = table(NEED_GROUPS)
        self.main_goals = {k: table(v) for k, v in MAIN_GOALS.items()}
        self.kinds = table(ACTIVITY_KINDS)
        self.statuses = table(STATUSES)
        self.activities_per_person = table(ACTIVITIES_PER_PERSON)
        self.threads_per_person = table(THREADS_PER_PERSON)
        self.messages_per_thread = table(MESSAGES_PER_THREAD)
        self.outcomes = table(OUTCOMES)

        places = self.places()
        per_office: dict[int, int] = defaultdict(int)
        for place in places:
            per_office[place[3]] += place[4]
        self.create_users(per_office, units)
        largest = max(per_office, key=per_office.__getitem__)
        print(
            f"{self.people:,} people over {len(per_office)} offices; the largest, "
            f"{units[largest]}, gets {per_office[largest]:,}.",
            file=sys.stderr,
        )

        # The writer thread COPYs a chunk while this one draws the next.
        work: queue.Queue[Any] = queue.Queue(maxsize=1)
        failure: list[BaseException] = []
        progress = Progress(self.people, "people")

        def writer() -> None:
            try:
                with self.conn.cursor() as cur:
                    while (item := work.get()) is not None:
                        done, chunk = item
                        for name, lines in chunk.items():
                            with cur.copy(f"COPY {name} ({COLUMNS[name]}) FROM STDIN") as cp:
                                for start in range(0, len(lines), 5000):
                                    cp.write("".join(lines[start : start + 5000]))
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
            for item in self.chunks(places):
                if failure:
                    break
                work.put(item)
        finally:
            work.put(None)
            thread.join()
        if failure:
            raise failure[0]
        timings["insert"] = time.monotonic() - started

        state_started = time.monotonic()
        with self.conn.cursor() as cur:
            cur.execute(FILL_PORTFOLIO_STATE)
            self.counts["followup_portfoliostate"] = cur.rowcount
        self.conn.commit()
        timings["portfolio_state"] = time.monotonic() - state_started

        vacuum_started = time.monotonic()
        self.conn.autocommit = True
        with self.conn.cursor() as cur:
            for name in [
                "access_user",
                "access_roleassignment",
                *COLUMNS,
                "followup_portfoliostate",
            ]:
                cur.execute(f"VACUUM (ANALYZE) {name}")
        timings["vacuum_analyze"] = time.monotonic() - vacuum_started
        timings["total"] = time.monotonic() - started
        return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 people")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to the PostgreSQL database (see scripts/with-postgresql.sh).")
    with psycopg.connect(url) as conn:
        generator = Generator(conn, args.scale, args.seed)
        timings = generator.run()
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"scale={args.scale} seed={args.seed} today={generator.today}", file=sys.stderr)
    for name, count in generator.counts.items():
        print(f"  {name:<34} {count:>12,}", file=sys.stderr)
    print(
        f"insert (COPY, {generator.people:,} people): {timings['insert']:.0f} s; "
        f"portfolio state rows: {timings['portfolio_state']:.0f} s; "
        f"VACUUM (ANALYZE): {timings['vacuum_analyze']:.0f} s; total {timings['total']:.0f} s "
        f"({timings['total'] / 60:.1f} min); generator peak RSS {peak:.0f} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
