"""Benchmark of the sick-leave prioritisation list and comparison page at national scale.

    .venv/bin/python bench/sick_leave.py [--calls 50] [--warmup 10] [--explain]

Run it against a database loaded by bench/sick_leave_data.py (PostgreSQL). It acts as the
demo IW advisor of the county with the most enterprises (`ia-<county>`, from `velferd
load-demo`) and measures, server-side and in process, through the selectors (Django ORM):

- `priorities(...)` unfiltered, page 1 of 50 with the count (what the page shows first);
- `priorities(...)` with five filters (sick leave 5–15 %, at least 20 lost workdays,
  10–249 employees, private sector, no cooperation), page 1 of 50 with the count;
- `priorities(...)` filtered on a cooperation status (active), page 1 of 50 with the count;
- `enterprise_comparison(...)` of random enterprises of that county (each call another one),
  with everything the page shows (last quarter, four quarters, the history of every series);

each as the median and p95 over --calls timed calls after --warmup untimed ones, beside two
baselines measured the same way in the same run: a bare indexed query for the county's
50 enterprises with the highest percentage (`sickleave_enterprisesummary (county_id,
percentage)`), and one enterprise's quarters by the unique index.
With --explain it prints EXPLAIN (ANALYZE, BUFFERS) of the statements of one call of each.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from decimal import Decimal
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import django

django.setup()

from django.db import connection  # noqa: E402

from velferd.access.models import User  # noqa: E402
from velferd.access.selectors import actor_for_user  # noqa: E402
from velferd.core.pagination import paginate  # noqa: E402
from velferd.sickleave import selectors  # noqa: E402
from velferd.sickleave.models import EnterpriseSummary  # noqa: E402

BASELINE_LIST = (
    "SELECT enterprise_id, percentage FROM sickleave_enterprisesummary WHERE county_id = %s "
    "AND percentage IS NOT NULL "
    "ORDER BY percentage DESC LIMIT 50"
)
BASELINE_ENTERPRISE = (
    "SELECT year, quarter, possible_workdays, lost_workdays, graded_lost_workdays, "
    "sick_listed_persons FROM sickleave_quarterlystatistics WHERE enterprise_id = %s"
)
FILTERED = selectors.PriorityFilters(
    min_percentage=Decimal(5),
    max_percentage=Decimal(15),
    min_lost_workdays=Decimal(20),
    min_employees=10,
    max_employees=249,
    sector="private",
    cooperation_status="none",
)
ACTIVE = selectors.PriorityFilters(cooperation_status="active")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):7.2f} ms, p95 {p95(values):7.2f} ms"


class SqlLog:
    def __init__(self) -> None:
        self.statements: list[tuple[str, Any, float]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((sql, params, (time.perf_counter() - started) * 1000))


def timed(call: Any, count: int) -> list[float]:
    out = []
    for n in range(count):
        started = time.perf_counter()
        call(n)
        out.append((time.perf_counter() - started) * 1000)
    return out


def explain(label: str, call: Any) -> None:
    log = SqlLog()
    with connection.execute_wrapper(log):
        call(0)
    for sql, params, ms in log.statements:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(
            f"\n--- EXPLAIN (ANALYZE, BUFFERS): {label} ({ms:.1f} ms in the call)\n{sql}\n"
            f"params: {params}\n{plan}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT county_id, count(*) FROM employers_enterprise GROUP BY county_id "
            "ORDER BY 2 DESC LIMIT 1"
        )
        county, enterprises = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM employers_enterprise")
        (total,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM sickleave_quarterlystatistics")
        (rows,) = cursor.fetchone()
        cursor.execute("SELECT version()")
        (pg_version,) = cursor.fetchone()
    advisor = User.objects.filter(username=f"ia-{county}").first()
    if advisor is None:
        sys.exit(f"No advisor ia-{county}: load the demo (velferd load-demo) first.")
    actor = actor_for_user(advisor)
    print(
        f"{pg_version.split(' on ')[0]}; {total:,} enterprises, {rows:,} statistics rows; "
        f"largest county {county}: {enterprises:,} enterprises; acting as {advisor.username}; "
        f"latest quarter {selectors.latest_quarter()}; cpu={os.sched_getaffinity(0)}"
    )

    def listing(filters: selectors.PriorityFilters) -> Any:
        def call(_: int) -> None:
            page = paginate(
                selectors.priorities(actor=actor, filters=filters), page=1, page_size=50
            )
            rows = selectors.priority_rows(page.items)
            assert len(rows) == min(50, page.count)

        return call

    cases = [
        ("priorities, no filter, page 1 of 50 + count", listing(selectors.PriorityFilters())),
        (
            "priorities, 5 filters (5–15 %, ≥ 20 days, 10–249 employees, private, no "
            "cooperation), page 1 + count",
            listing(FILTERED),
        ),
        ("priorities, cooperation status active, page 1 + count", listing(ACTIVE)),
    ]
    for label, filters in (
        (cases[0][0], selectors.PriorityFilters()),
        (cases[1][0], FILTERED),
        (cases[2][0], ACTIVE),
    ):
        page = paginate(selectors.priorities(actor=actor, filters=filters), page=1, page_size=50)
        print(f"  {label}: {page.count:,} match")

    numbers = list(
        EnterpriseSummary.objects.filter(county_id=county).values_list(
            "enterprise__organisation_number", flat=True
        )
    )
    rng = random.Random(args.seed)
    chosen = iter(rng.sample(numbers, min(len(numbers), 2 * (args.warmup + args.calls) + 2)))

    def comparison(_: int) -> None:
        found = selectors.enterprise_comparison(actor=actor, organisation_number=next(chosen))
        found.chart()
        assert found.history

    ids = list(EnterpriseSummary.objects.filter(county_id=county).values_list("pk", flat=True))
    chosen_ids = iter(rng.sample(ids, min(len(ids), 2 * (args.warmup + args.calls) + 2)))

    def baseline_list(_: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(BASELINE_LIST, [county])
            assert len(cursor.fetchall()) == 50

    def baseline_enterprise(_: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(BASELINE_ENTERPRISE, [next(chosen_ids)])
            assert cursor.fetchall()

    if args.explain:
        for label, call in cases:
            explain(label, call)
        explain("enterprise_comparison", comparison)
        explain("baseline list", baseline_list)
        explain("baseline enterprise", baseline_enterprise)

    print(f"\n{args.calls} timed calls after {args.warmup} untimed, each:")
    results = {}
    for label, call in [
        *cases,
        ("enterprise_comparison (each call another enterprise)", comparison),
        ("baseline: bare indexed query, the county's top 50 by percentage", baseline_list),
        ("baseline: bare indexed query, one enterprise's quarters", baseline_enterprise),
    ]:
        timed(call, args.warmup)
        results[label] = timed(call, args.calls)
        print(f"  {label}: {summary(results[label])}")
    print(
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
