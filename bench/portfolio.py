"""Benchmark of the caseworker portfolio on the national data set, on one core.

    .venv/bin/python bench/portfolio.py [--calls 200] [--warmup 50] [--explain]

Run it against a database loaded by bench/national_data.py (PostgreSQL, no search engine).
It acts as the first generated caseworker (caseworker_state) of the office with the most
people in follow-up, and measures, server-side and in process:

- `portfolio(...)` with three filters (not in an agreed activity, need group situation-
  specific, aged 30–39), sorted by start date, newest first, page 1 of 50, with every status
  count: median and p95 over --calls timed calls after --warmup untimed ones, and the time
  of each of its SQL queries (the counts, the page, the count of the filtered rows);
- `overview(actor=..., person_id=...)` of random people of that office (each call another
  person; the access log is written as in use): median and p95;
- the baseline, a bare indexed query on the same data: the newest 50 open follow-up periods
  of the office (`followup_followupperiod (office_id, ended_on)`), timed the same way;
- the cost every write to a person's records now carries: rewriting their state row
  (`portfolio_state.refresh`), median and p95, rolled back;
- the peak RSS of this process (resource.getrusage), which must stay under 300 MB.

With --explain it prints EXPLAIN (ANALYZE, BUFFERS) of each of the portfolio's queries.
The figures go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from velferd.access.models import RoleAssignment  # noqa: E402
from velferd.access.selectors import actor_for_user  # noqa: E402
from velferd.followup import portfolio_state  # noqa: E402
from velferd.followup.models import PortfolioState  # noqa: E402
from velferd.followup.portfolio import PortfolioQuery, portfolio  # noqa: E402
from velferd.followup.selectors import overview  # noqa: E402
from velferd.people.models import STRICTLY_CONFIDENTIAL, Person  # noqa: E402

QUERY = PortfolioQuery(
    flags={"not_in_agreed_activity"},
    need_group="situation_specific",
    age_band="30_39",
    sort="-started",
)
BASELINE = (
    "SELECT id, person_id, caseworker_id, started_on FROM followup_followupperiod "
    "WHERE office_id = %s AND ended_on IS NULL ORDER BY started_on DESC LIMIT 50"
)
QUERY_NAMES = (
    "counts (one aggregate, a FILTER per flag)",
    "the page's 50 rows and the count of all that match (index only)",
    "those 50 rows with their flags, person and caseworker",
)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):7.2f} ms, p95 {p95(values):7.2f} ms"


class SqlTimer:
    """Times every SQL statement of a call, in order (connection.execute_wrapper)."""

    def __init__(self) -> None:
        self.current: list[tuple[str, Any, float]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.current.append((sql, params, (time.perf_counter() - started) * 1000))


def timed(
    call: Any, count: int, timer: SqlTimer | None = None
) -> tuple[list[float], list[list[float]]]:
    total, per_query = [], []
    for n in range(count):
        if timer is not None:
            timer.current = []
        started = time.perf_counter()
        call(n)
        total.append((time.perf_counter() - started) * 1000)
        if timer is not None:
            per_query.append([ms for _, _, ms in timer.current])
    return total, per_query


def check_state_rows(office_id: int, sample: int, seed: int) -> None:
    """The loader fills the state rows set-based; a sample of them must equal what the
    application's own refresh() writes for those people (rolled back afterwards)."""
    people = list(
        PortfolioState.objects.filter(office_id=office_id).values_list("person_id", flat=True)
    )
    chosen = random.Random(seed).sample(people, min(sample, len(people)))
    fields = [f.attname for f in PortfolioState._meta.concrete_fields]
    loaded = {
        r["person_id"]: r
        for r in PortfolioState.objects.filter(person_id__in=chosen).values(*fields)
    }
    differing = []
    with transaction.atomic():
        for person_id in chosen:
            portfolio_state.refresh(person_id)
        refreshed = PortfolioState.objects.filter(person_id__in=chosen).values(*fields)
        for row in refreshed:
            if row != loaded[row["person_id"]]:
                differing.append((loaded[row["person_id"]], row))
        transaction.set_rollback(True)
    print(
        f"state rows: {len(chosen)} sampled, {len(chosen) - len(differing)} equal to what "
        "refresh() writes"
    )
    for before, after in differing[:3]:
        print(
            "  differs: "
            + ", ".join(f"{k}: {before[k]} / {after[k]}" for k in fields if before[k] != after[k])
        )


def explain(sql: str, params: Any) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--skip-overview", action="store_true")
    parser.add_argument("--check-sample", type=int, default=500)
    parser.add_argument(
        "--pg-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a session setting for the run, e.g. jit=off (default: the server's settings)",
    )
    args = parser.parse_args()

    for setting in args.pg_setting:
        name, _, value = setting.partition("=")
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, false)", [name.strip(), value.strip()])

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT office_id, count(*) FROM followup_followupperiod WHERE ended_on IS NULL "
            "GROUP BY office_id ORDER BY 2 DESC LIMIT 1"
        )
        office_id, open_periods = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM people_person")
        (people,) = cursor.fetchone()
        cursor.execute("SELECT version()")
        (pg_version,) = cursor.fetchone()
    assignment = (
        RoleAssignment.objects.select_related("user", "office")
        .filter(role="caseworker_state", office_id=office_id, user__username__startswith="bench-")
        .order_by("user__username")
        .first()
    )
    if assignment is None:
        sys.exit("No generated caseworker: load the data set with bench/national_data.py first.")
    actor = actor_for_user(assignment.user)
    assert assignment.office is not None
    print(
        f"{pg_version.split(' on ')[0]}; {people:,} people; largest office "
        f"{assignment.office.unit_number} {assignment.office.name_nb}: {open_periods:,} open "
        f"periods; acting as {assignment.user.username}; cpu={os.sched_getaffinity(0)}; "
        f"session settings: {', '.join(args.pg_setting) or 'the server defaults'}"
    )

    check_state_rows(office_id, args.check_sample, args.seed)

    timer = SqlTimer()
    with connection.execute_wrapper(timer):
        found = portfolio(actor=actor, query=QUERY, page=1, page_size=50)
        statements = list(timer.current)
    print(
        f"portfolio: {found.total:,} rows visible, {found.count:,} after the filters, "
        f"{len(found.rows)} on the page; {len(statements)} SQL statements"
    )
    print("  counts: " + ", ".join(f"{k} {v:,}" for k, v in found.counts.items()))
    if args.explain:
        for (sql, params, _), name in zip(statements, QUERY_NAMES, strict=False):
            print(
                f"\n--- EXPLAIN (ANALYZE, BUFFERS): {name}\n{sql}\n"
                f"params: {params}\n{explain(sql, params)}\n"
            )

    def run_portfolio(_: int) -> None:
        result = portfolio(actor=actor, query=QUERY, page=1, page_size=50)
        assert len(result.rows) == min(50, result.count)

    with connection.execute_wrapper(timer):
        timed(run_portfolio, args.warmup, timer)
        totals, per_query = timed(run_portfolio, args.calls, timer)
    print(
        f"portfolio, 3 filters, sort -started, page 1 of 50, all counts ({args.calls} calls): "
        f"{summary(totals)}"
    )
    columns: dict[int, list[float]] = defaultdict(list)
    for row in per_query:
        for index, ms in enumerate(row):
            columns[index].append(ms)
    for index, values in sorted(columns.items()):
        name = QUERY_NAMES[index] if index < len(QUERY_NAMES) else f"statement {index + 1}"
        print(f"  SQL {index + 1}, {name}: {summary(values)}")
    print(f"  peak RSS so far {peak_mb():.0f} MB")

    visible = list(
        Person.objects.filter(office_id=office_id, is_office_employee=False)
        .exclude(address_protection__in=STRICTLY_CONFIDENTIAL)
        .values_list("pk", flat=True)
    )
    rng = random.Random(args.seed)
    chosen = rng.sample(visible, min(len(visible), args.warmup + args.calls))
    chosen_iter = iter(chosen)

    def run_overview(_: int) -> None:
        seen = overview(actor=actor, person_id=next(chosen_iter))
        assert seen.period is not None

    if not args.skip_overview:
        timed(run_overview, args.warmup)
        overview_totals, _ = timed(run_overview, args.calls)
        print(
            f"overview of one person ({args.calls} calls, each another person): "
            f"{summary(overview_totals)}"
        )

    refreshed = iter(rng.sample(visible, min(len(visible), args.warmup + args.calls)))

    def run_refresh(_: int) -> None:
        with transaction.atomic():
            portfolio_state.refresh(next(refreshed))
            transaction.set_rollback(True)

    timed(run_refresh, args.warmup)
    refresh_totals, _ = timed(run_refresh, args.calls)
    print(
        "the cost a write adds: rewriting one person's state row "
        f"({args.calls} calls, each another person, rolled back): {summary(refresh_totals)}"
    )

    def run_baseline(_: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(BASELINE, [office_id])
            assert len(cursor.fetchall()) == 50

    timed(run_baseline, args.warmup)
    baseline, _ = timed(run_baseline, args.calls)
    print(
        f"baseline, bare indexed query (newest 50 open periods of the office): {summary(baseline)}"
    )
    print(
        f"portfolio median is {statistics.median(totals) / statistics.median(baseline):.1f}x the "
        f"baseline's; p95 {p95(totals) / p95(baseline):.1f}x"
    )
    print(f"peak RSS of this process: {peak_mb():.0f} MB")
    if args.explain:
        print(f"\n--- EXPLAIN (ANALYZE, BUFFERS): baseline\n{explain(BASELINE, [office_id])}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
