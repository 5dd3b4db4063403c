"""Benchmark of participants in labour market schemes at national scale (PostgreSQL), on
one core, each measure beside a baseline measured in the same run.

    .venv/bin/python bench/participants.py [--calls 200] [--warmup 50] [--places 1000]

Run it against a database loaded by bench/national_data.py, bench/schemes_data.py and
bench/participants_data.py (see docs/benchmarks.md). It measures, server-side and in
process:

- the portfolio of the office with the most people in follow-up, as its first generated
  caseworker, with the flags of schemes (on a waiting list, scheme ends within 14 days)
  where the portfolio has them (`followup.portfolio.FLAGS`; when it has not, the portfolio
  as it is, and the run says so): every count, the new ones too, and a page of 50 filtered
  by not in an agreed activity, on a waiting list for a scheme, need group
  situation-specific, aged 30–39, newest first; baseline: the
  newest 50 open follow-up periods of the office by index (as bench/portfolio.py);
- the supplier with the most running deliveries, as a login of its own: its deliveries
  with their participant counts, and the participants of its largest delivery (each read
  in the person's access log, as in use); baseline: the ids of that delivery's
  participations by index;
- filling --places freed places from the waiting lists: as many full running deliveries
  with someone waiting each get a place freed (one participant ended, outside the timing),
  then one call of `participants.services.fill_places` for them (set-based, a transaction
  per batch of deliveries), and the audit events it wrote are counted and the chain
  verified (outside the timing); baselines, each on as many other such deliveries (as many
  as are left, up to --places): a transaction each that locks the delivery and marks its
  first in line by primary key; and one statement that marks the first in line of all of
  them at once.

With --explain, the EXPLAIN (ANALYZE, BUFFERS) of every SELECT the supplier's list makes,
and of the query that ranks the waiting lists of one batch of fill_places, follow the
figures.

Median and p95 of --calls timed calls after --warmup untimed ones. The figures go to
docs/benchmarks.md by hand."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from velferd.access.actor import system_actor  # noqa: E402
from velferd.access.models import RoleAssignment, User  # noqa: E402
from velferd.access.selectors import actor_for_user  # noqa: E402
from velferd.audit.models import AuditEvent  # noqa: E402
from velferd.audit.selectors import verify_chain  # noqa: E402
from velferd.followup import portfolio as portfolio_module  # noqa: E402
from velferd.followup.portfolio import PortfolioQuery, portfolio  # noqa: E402
from velferd.participants import selectors, services  # noqa: E402
from velferd.participants.selectors.waiting_list import first_in_line  # noqa: E402
from velferd.participants.services.waiting_list import FILL_BATCH  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

SCHEME_FLAGS = ("scheme_waiting", "scheme_ends_soon")
BASELINE_PORTFOLIO = (
    "SELECT id, person_id, caseworker_id, started_on FROM followup_followupperiod "
    "WHERE office_id = %s AND ended_on IS NULL ORDER BY started_on DESC LIMIT 50"
)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):8.2f} ms, p95 {p95(values):8.2f} ms"


def timed(call: Any, count: int) -> list[float]:
    times = []
    for n in range(count):
        started = time.perf_counter()
        call(n)
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(name: str, call: Any, args: argparse.Namespace) -> None:
    timed(call, args.warmup)
    print(f"{name:<64} {summary(timed(call, args.calls))}", flush=True)


def scalar(sql: str, params: Any = None) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchone()


def the_portfolio(args: argparse.Namespace) -> None:
    office_id, open_periods = scalar(
        "SELECT office_id, count(*) FROM followup_followupperiod WHERE ended_on IS NULL "
        "GROUP BY office_id ORDER BY 2 DESC LIMIT 1"
    )
    assignment = (
        RoleAssignment.objects.select_related("user")
        .filter(role="caseworker_state", office_id=office_id, user__username__startswith="bench-")
        .order_by("user__username")
        .first()
    )
    if assignment is None:
        sys.exit("No generated caseworker: load the data set with bench/national_data.py first.")
    actor = actor_for_user(assignment.user)
    known = [flag for flag in SCHEME_FLAGS if flag in portfolio_module.FLAGS]
    flags = set(known[:1])
    if flags:
        print(f"portfolio: the scheme flags {known} counted; filtered by {sorted(flags)}")
    else:
        print(
            "portfolio: the scheme flags are NOT in followup.portfolio.FLAGS yet (the state "
            "rows hold scheme_waiting and scheme_ends_on); measured as it is"
        )
    query = PortfolioQuery(
        flags={"not_in_agreed_activity", *flags},
        need_group="situation_specific",
        age_band="30_39",
        sort="-started",
    )
    found = portfolio(actor=actor, query=query, page=1, page_size=50)
    print(
        f"largest office {office_id}: {open_periods:,} open periods; {found.count:,} rows "
        f"after the filters; counts: " + ", ".join(f"{k} {v:,}" for k, v in found.counts.items())
    )
    measure(
        "portfolio, largest office, 4 filters, page 1 of 50, all counts",
        lambda _: portfolio(actor=actor, query=query, page=1, page_size=50),
        args,
    )
    measure(
        "  baseline: newest 50 open periods of the office by index",
        lambda _: scalar(BASELINE_PORTFOLIO, [office_id]),
        args,
    )


def _supplier_login(organisation_number: str) -> Any:
    user, _ = User.objects.get_or_create(
        username=f"bench-supplier-{organisation_number}",
        defaults={"full_name": "Benchmark, leverandør"},
    )
    RoleAssignment.objects.get_or_create(
        user=user, role="supplier", organisation_number=organisation_number
    )
    return actor_for_user(user)


def the_supplier(args: argparse.Namespace) -> tuple[Any, int]:
    organisation_number, deliveries = scalar(
        "SELECT s.organisation_number, count(*) FROM schemes_delivery d JOIN schemes_supplier s "
        "ON s.id = d.supplier_id WHERE d.status = 'running' GROUP BY s.organisation_number "
        "ORDER BY 2 DESC LIMIT 1"
    )
    delivery_id, participants = scalar(
        "SELECT d.id, count(p.id) FROM schemes_delivery d JOIN schemes_supplier s "
        "ON s.id = d.supplier_id JOIN participants_participation p ON p.delivery_id = d.id "
        "WHERE s.organisation_number = %s GROUP BY d.id ORDER BY 2 DESC LIMIT 1",
        [organisation_number],
    )
    actor = _supplier_login(organisation_number)
    seen = selectors.participants_of_delivery(actor=actor, delivery_id=delivery_id)
    print(
        f"supplier {organisation_number}: {deliveries} running deliveries; its largest "
        f"delivery {delivery_id}: {participants} participations, {len(seen)} visible to it"
    )
    measure(
        "supplier's deliveries with participant counts",
        lambda _: selectors.supplier_deliveries(actor=actor),
        args,
    )
    measure(
        "supplier's participants of its largest delivery (reads logged)",
        lambda _: selectors.participants_of_delivery(actor=actor, delivery_id=delivery_id),
        args,
    )
    measure(
        "  baseline: that delivery's participation ids by index",
        lambda _: scalar(
            "SELECT array_agg(id) FROM participants_participation WHERE delivery_id = %s",
            [delivery_id],
        ),
        args,
    )
    return actor, delivery_id


FULL_WITH_WAITING = (
    "SELECT d.id FROM schemes_delivery d WHERE d.status = 'running' AND d.number LIKE 'BG-%%' "
    "AND d.places_taken = d.places AND EXISTS (SELECT 1 FROM participants_participation w "
    "WHERE w.delivery_id = d.id AND w.status = 'waiting_list' AND w.offered_at IS NULL) "
    "ORDER BY d.id LIMIT %s"
)


def _free_one_place_each(ids: list[int]) -> None:
    """End one participant in each delivery and give the place back (not timed)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE participants_participation SET status = 'ended', ended_at = now() "
            "WHERE id IN (SELECT DISTINCT ON (delivery_id) id FROM participants_participation "
            "WHERE delivery_id = ANY(%s) AND status = 'participating' ORDER BY delivery_id, id)",
            [ids],
        )
        cursor.execute(
            "UPDATE schemes_delivery SET places_taken = places_taken - 1 WHERE id = ANY(%s)",
            [ids],
        )


MARK_FIRST_OF_ALL = (
    "UPDATE participants_participation SET offered_at = now() WHERE id IN (SELECT id FROM "
    "(SELECT id, row_number() OVER (PARTITION BY delivery_id ORDER BY priority DESC, "
    "waiting_since) AS n FROM participants_participation WHERE delivery_id = ANY(%s) "
    "AND status = 'waiting_list' AND offered_at IS NULL) ranked WHERE n = 1)"
)


def _baseline_offer_all(ids: list[int]) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM schemes_delivery WHERE id = ANY(%s) ORDER BY id FOR NO KEY UPDATE",
            [ids],
        )
        cursor.execute(MARK_FIRST_OF_ALL, [ids])


def _baseline_offer(delivery_id: int) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT id FROM schemes_delivery WHERE id = %s FOR UPDATE", [delivery_id])
        cursor.execute(
            "SELECT id FROM participants_participation WHERE delivery_id = %s AND "
            "status = 'waiting_list' AND offered_at IS NULL ORDER BY priority DESC, "
            "waiting_since LIMIT 1",
            [delivery_id],
        )
        (first,) = cursor.fetchone()
        cursor.execute(
            "UPDATE participants_participation SET offered_at = now() WHERE id = %s", [first]
        )


def _chain_after(before: int, offered: int) -> None:
    events = AuditEvent.objects.filter(seq__gt=before, action="participation.place_offered")
    started = time.perf_counter()
    report = verify_chain()
    print(
        f"  audit: {events.count():,} place_offered events for {offered:,} places; chain of "
        f"{report.checked:,} events intact: {report.intact} (verified in "
        f"{time.perf_counter() - started:.1f} s)"
    )


def the_waiting_lists(args: argparse.Namespace) -> None:
    ids = [row[0] for row in _rows(FULL_WITH_WAITING, [args.places * 3])]
    filled = ids[: args.places]
    each, at_once = ids[args.places : args.places * 2], ids[args.places * 2 :]
    print(f"{len(ids)} full running deliveries with someone waiting (asked for {args.places} x 3)")
    _free_one_place_each(filled)
    before = scalar("SELECT coalesce(max(seq), 0) FROM audit_auditevent")[0]
    started = time.perf_counter()
    offered = services.fill_places(system_actor("bench"), filled)
    fill_ms = (time.perf_counter() - started) * 1000
    print(
        f"fill_places: {offered} of {len(filled)} freed places offered in {fill_ms:,.0f} ms "
        f"({fill_ms / max(len(filled), 1):.2f} ms a place)"
    )
    _chain_after(before, offered)
    started = time.perf_counter()
    for delivery_id in each:
        _baseline_offer(delivery_id)
    base_ms = (time.perf_counter() - started) * 1000
    print(
        f"  baseline: {len(each)} deliveries, lock + first in line + mark, a transaction "
        f"each: {base_ms:,.0f} ms ({base_ms / max(len(each), 1):.2f} ms a place)"
    )
    started = time.perf_counter()
    _baseline_offer_all(at_once)
    base_ms = (time.perf_counter() - started) * 1000
    print(
        f"  baseline: {len(at_once)} deliveries, locked + the first in line of each marked in "
        f"one statement: {base_ms:,.0f} ms"
    )


def explain(supplier: Any) -> None:
    actor, delivery_id = supplier
    with CaptureQueriesContext(connection) as captured, transaction.atomic():
        selectors.participants_of_delivery(actor=actor, delivery_id=delivery_id)
        transaction.set_rollback(True)
    print(f"\nthe supplier's list: {len(captured.captured_queries)} statements")
    ranked = first_in_line_sql()
    for sql in [q["sql"] for q in captured.captured_queries] + [ranked]:
        if not sql.lstrip().upper().startswith("SELECT"):
            if sql.startswith("INSERT"):
                print(f"-- {sql[:160]}")
            continue
        print(f"\n-- {sql[:400]}")
        for (line,) in _rows(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", None):
            print(line)


def first_in_line_sql() -> str:
    """The ranking query of fill_places for one batch of full deliveries with someone
    waiting, as it runs them."""
    ids = [row[0] for row in _rows(FULL_WITH_WAITING, [FILL_BATCH])]
    with CaptureQueriesContext(connection) as captured, transaction.atomic():
        first_in_line(dict.fromkeys(ids, 1))
        transaction.set_rollback(True)
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    return str(selects[-1])


def _rows(sql: str, params: Any) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--places", type=int, default=1000)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    version = scalar("SELECT version()")[0].split(" on ")[0]
    people = scalar("SELECT count(*) FROM people_person")[0]
    deliveries = scalar("SELECT count(*) FROM schemes_delivery")[0]
    participations = scalar("SELECT count(*) FROM participants_participation")[0]
    print(
        f"{version}; {people:,} people; {deliveries:,} deliveries; {participations:,} "
        f"participations; cpu={os.sched_getaffinity(0)}; {timezone.now():%Y-%m-%d %H:%M} UTC"
    )
    the_portfolio(args)
    supplier = the_supplier(args)
    the_waiting_lists(args)
    if args.explain:
        explain(supplier)


if __name__ == "__main__":
    main()
