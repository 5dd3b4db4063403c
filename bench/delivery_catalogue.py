"""Benchmark of the caseworkers' delivery catalogue at national scale, on one core.

    PG_PORT=55482 scripts/with-postgresql.sh bash -c '.venv/bin/velferd migrate --no-input -v0 \
        && .venv/bin/velferd load-reference && .venv/bin/velferd load-demo \
        && .venv/bin/python bench/delivery_catalogue.py --generate --explain'

or, against a database already migrated, loaded (`velferd load-reference`, `velferd
load-demo`) and filled by bench/schemes_data.py:

    DATABASE_URL=postgres://... .venv/bin/python bench/delivery_catalogue.py [--calls 300]
        [--warmup 50] [--generate] [--explain]

With --generate it first inserts the national data set (bench/schemes_data.py: 5,000
suppliers, 20,000 agreements, 60,000 deliveries with their offices). It then measures,
server-side and in process, as a caseworker of a random office each call:

- the catalogue search (`selectors.delivery_catalogue`): a scheme type (drawn from the
  types with deliveries), the office, free places only, sorted by start date, page 1 of 20,
  with the count of all matches; and the same sorted by free places;
- the baseline, a bare indexed lookup on the same data: one delivery by its primary key;

median and p95 over --calls timed calls after --warmup untimed ones. With --explain it
prints EXPLAIN (ANALYZE, BUFFERS) of the search's page query. The figures go to
docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import django

django.setup()

from django.db import connection  # noqa: E402

from velferd.access.actor import Actor  # noqa: E402
from velferd.access.models import RoleAssignment, User  # noqa: E402
from velferd.access.roles import Role  # noqa: E402
from velferd.core.pagination import paginate  # noqa: E402
from velferd.organisation.models import Office  # noqa: E402
from velferd.schemes import selectors  # noqa: E402
from velferd.schemes.models import Delivery, DeliveryStatus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from schemes_data import make_national_schemes  # noqa: E402

PAGE_SIZE = 20


def caseworker(office: Office) -> Actor:
    """An unsaved caseworker of the office (the search reads only the role and office)."""
    user = User(username=f"bench-{office.unit_number}", full_name="Benchmark")
    return Actor(
        user=user, assignments=(RoleAssignment(role=Role.CASEWORKER_STATE, office=office),)
    )


def search(actor: Actor, scheme_type: str, office: Office, sort: str) -> tuple[int, int]:
    query = selectors.CatalogueQuery(
        scheme_type=scheme_type, office=office.unit_number, free_only=True, sort=sort
    )
    _, found = selectors.delivery_catalogue(actor=actor, query=query)
    page = paginate(found, page=1, page_size=PAGE_SIZE)
    return len(page.items), page.count


def timed(calls: int, warmup: int, work: Callable[[], Any]) -> list[float]:
    for _ in range(warmup):
        work()
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"{name:<40} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms")


def explain(actor: Actor, scheme_type: str, office: Office) -> None:
    query = selectors.CatalogueQuery(
        scheme_type=scheme_type, office=office.unit_number, free_only=True
    )
    _, found = selectors.delivery_catalogue(actor=actor, query=query)
    sql, params = found[:PAGE_SIZE].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        print("\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--generate", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    if args.generate:
        started = time.monotonic()
        counts = make_national_schemes(seed=args.seed)
        print(f"generated {counts} in {time.monotonic() - started:.1f} s")
    rng = random.Random(args.seed)
    offices = list(Office.objects.filter(is_active=True).order_by("pk"))
    types = list(
        Delivery.objects.filter(status=DeliveryStatus.RUNNING)
        .order_by()
        .values_list("scheme_type__code", flat=True)
        .distinct()
    )
    ids = list(Delivery.objects.values_list("pk", flat=True))
    print(
        f"{connection.vendor}: {Delivery.objects.count()} deliveries, {len(offices)} offices, "
        f"{len(types)} scheme types with running deliveries"
    )
    matches = []

    def one(sort: str) -> Callable[[], Any]:
        def call() -> Any:
            office = rng.choice(offices)
            matches.append(search(caseworker(office), rng.choice(types), office, sort)[1])

        return call

    by_start = timed(args.calls, args.warmup, one("starts_on"))
    by_free = timed(args.calls, args.warmup, one("free_places"))
    baseline = timed(
        args.calls, args.warmup, lambda: Delivery.objects.filter(pk=rng.choice(ids)).first()
    )
    report("catalogue: type+office+free, by start", by_start)
    report("catalogue: type+office+free, by free", by_free)
    report("baseline: one delivery by primary key", baseline)
    print(f"matches per search: median {statistics.median(matches)}, max {max(matches)}")
    if args.explain:
        office = max(offices, key=lambda o: search(caseworker(o), "", o, "starts_on")[1])
        explain(caseworker(office), types[0], office)


if __name__ == "__main__":
    main()
