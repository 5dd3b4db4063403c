"""A diagnostic, not product code: what the portfolio would cost if the facts behind its flags
were kept in one row per open follow-up period instead of being worked out per request.

    .venv/bin/python bench/portfolio_prototype.py [--calls 200] [--warmup 50]

Run it only against the throwaway benchmark database (bench/national_data.py), and after
bench/portfolio.py: it creates (and leaves) an UNLOGGED scratch table `bench_portfolio_state`,
filled set-based from the real tables, with an index on (office_id, started_on DESC), and a
partial index on followup_activity (meeting_at) WHERE kind = 'meeting' — which makes the
selector as it is slower (the planner ANDs it into the meetings-today subquery, ~5,000
entries read per row), so measure `portfolio(...)` first. Date-dependent facts are kept as
dates or date ranges, so that the flags are still decided at read time against today:

    next_deadline        earliest end of an open activity      overdue: < today
    agreed_open_until    latest end of an open agreed activity  in agreed activity: >= today
                         ('infinity' when open-ended)
    youngest_child_born                                         children under 18
    financial_assistance datemultirange of its periods          running: @> today
    consent_nav_state    datemultirange, withdrawn ones left out
    plan_overdue_from    earliest deadline of an undone measure
    need_group, main_goal, waiting_for_office/person, qualification_assessed

Meetings today stay a query of their own (a few thousand rows in the country, by the
partial index). It checks that the counts, the filtered count and the page equal those of
`portfolio(...)`, then times, as bench/portfolio.py does, the same three statements one after
the other, as one request would run them — every status count, the page of 50 with the same
three filters and sort, the filtered count — first as above, then again with a covering index
on (office_id) INCLUDE (the flag columns), so that the office's rows are read from the index
alone. It prints the time the table took to fill (a one-off backfill; the product would keep
the row up to date in the services that change activities, threads, decisions, benefits,
consents and plans).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portfolio import QUERY, p95  # noqa: E402

from velferd.access.models import RoleAssignment  # noqa: E402
from velferd.access.selectors import actor_for_user  # noqa: E402
from velferd.followup.portfolio import FLAGS, portfolio  # noqa: E402

BUILD = """
DROP TABLE IF EXISTS bench_portfolio_state;
CREATE UNLOGGED TABLE bench_portfolio_state AS
SELECT p.id AS period_id, p.office_id, p.person_id, p.caseworker_id, p.started_on,
       pe.birth_date, pe.family_name, pe.given_name, pe.needs_interpreter,
       pe.address_protection, pe.is_office_employee,
       d.need_group, d.main_goal,
       coalesce(t.waiting_for_office, false) AS waiting_for_office,
       coalesce(t.waiting_for_person, false) AS waiting_for_person,
       a.next_deadline, a.agreed_open_until,
       c.youngest_child_born,
       coalesce(b.financial_assistance, '{}') AS financial_assistance,
       coalesce(k.consent_nav_state, '{}') AS consent_nav_state,
       q.person_id IS NOT NULL AS qualification_assessed,
       m.plan_overdue_from
FROM followup_followupperiod p
JOIN people_person pe ON pe.id = p.person_id
LEFT JOIN LATERAL (
    SELECT need_group, main_goal FROM followup_needsassessment
    WHERE person_id = p.person_id AND status = 'sent' ORDER BY sent_at DESC LIMIT 1) d ON true
LEFT JOIN (
    SELECT person_id, bool_or(waiting_for = 'office') AS waiting_for_office,
           bool_or(waiting_for = 'person') AS waiting_for_person
    FROM followup_thread GROUP BY person_id) t ON t.person_id = p.person_id
LEFT JOIN (
    SELECT person_id, min(ends_on) AS next_deadline,
           max(coalesce(ends_on, 'infinity')) FILTER (WHERE agreed_with_office) AS agreed_open_until
    FROM followup_activity WHERE status IN ('planned', 'in_progress') GROUP BY person_id
) a ON a.person_id = p.person_id
LEFT JOIN (SELECT person_id, max(birth_date) AS youngest_child_born FROM people_child
           GROUP BY person_id) c ON c.person_id = p.person_id
LEFT JOIN (
    SELECT person_id, range_agg(daterange(starts_on, ends_on, '[]')) AS financial_assistance
    FROM followup_benefit WHERE kind = 'financial_assistance' GROUP BY person_id
) b ON b.person_id = p.person_id
LEFT JOIN (
    SELECT person_id, range_agg(daterange(starts_on, ends_on, '[]')) AS consent_nav_state
    FROM people_consent WHERE partner_service = 'nav_state' AND withdrawn_at IS NULL
    GROUP BY person_id
) k ON k.person_id = p.person_id
LEFT JOIN (SELECT DISTINCT person_id FROM followup_qualificationassessment) q
    ON q.person_id = p.person_id
LEFT JOIN (
    SELECT ip.person_id, min(pm.deadline) AS plan_overdue_from
    FROM followup_planmeasure pm JOIN followup_individualplan ip ON ip.id = pm.plan_id
    WHERE pm.done_on IS NULL GROUP BY ip.person_id
) m ON m.person_id = p.person_id
WHERE p.ended_on IS NULL;
CREATE INDEX bench_portfolio_state_office ON bench_portfolio_state (office_id, started_on DESC);
CREATE INDEX IF NOT EXISTS bench_activity_meeting_at ON followup_activity (meeting_at)
    WHERE kind = 'meeting';
VACUUM ANALYZE bench_portfolio_state;
ANALYZE followup_activity;
"""

# The flags as predicates on the state row; %(name)s are the dates of the day.
FLAG_SQL = {
    "unassigned": "s.caseworker_id IS NULL",
    "new": "s.started_on >= %(new_since)s",
    "assessment_missing": "s.need_group IS NULL",
    "waiting_for_office": "s.waiting_for_office",
    "waiting_for_person": "s.waiting_for_person",
    "overdue_activities": "s.next_deadline < %(today)s",
    "in_agreed_activity": "s.agreed_open_until >= %(today)s",
    "not_in_agreed_activity": "NOT coalesce(s.agreed_open_until >= %(today)s, false)",
    "meetings_today": "s.person_id IN (SELECT person_id FROM followup_activity WHERE kind = "
    "'meeting' AND meeting_at >= %(day_start)s AND meeting_at < %(day_end)s AND "
    "status <> 'cancelled')",
    "activity_requirement": "s.birth_date > %(born_30)s AND s.financial_assistance @> "
    "%(today)s::date AND NOT coalesce(s.agreed_open_until >= %(today)s, false) AND "
    "s.consent_nav_state @> %(today)s::date",
    "qualification_not_assessed": "s.birth_date <= %(born_18)s AND s.birth_date > %(born_67)s "
    "AND s.financial_assistance @> daterange(%(long_since)s, %(today)s, '[]') AND s.need_group "
    "IN ('specially_adapted', 'partially_permanent') AND NOT s.qualification_assessed AND "
    "s.consent_nav_state @> %(today)s::date",
    "plan_overdue_measures": "s.plan_overdue_from < %(today)s",
    "children_under_18": "s.youngest_child_born > %(born_18)s",
    "needs_interpreter": "s.needs_interpreter",
    "mine": "s.caseworker_id = %(user)s",
}
VISIBLE = (
    "s.office_id = %(office)s AND NOT s.is_office_employee AND s.address_protection NOT IN "
    "('strictly_confidential', 'strictly_confidential_abroad')"
)
FILTERS = (
    f"{FLAG_SQL['not_in_agreed_activity']} AND s.need_group = 'situation_specific' "
    "AND s.birth_date <= %(born_30)s AND s.birth_date > %(born_40)s"
)
COUNTS = (
    "SELECT count(*), "
    + ", ".join(f"count(*) FILTER (WHERE {FLAG_SQL[f]})" for f in FLAGS)
    + f" FROM bench_portfolio_state s WHERE {VISIBLE}"
)
PAGE = f"""
SELECT s.*, pe.national_id, pe.search_name, u.username, u.full_name,
       (SELECT min(starts_on) FROM followup_benefit WHERE person_id = s.person_id
          AND kind = 'financial_assistance' AND starts_on <= %(today)s
          AND (ends_on IS NULL OR ends_on >= %(today)s)) AS financial_assistance_since,
       (SELECT max(ends_on) FROM followup_activity WHERE person_id = s.person_id
          AND agreed_with_office AND ends_on < %(today)s) AS last_agreed_end
FROM bench_portfolio_state s
JOIN people_person pe ON pe.id = s.person_id
LEFT JOIN access_user u ON u.id = s.caseworker_id
WHERE {VISIBLE} AND {FILTERS}
ORDER BY s.started_on DESC, s.period_id LIMIT 50
"""
COUNT = f"SELECT count(*) FROM bench_portfolio_state s WHERE {VISIBLE} AND {FILTERS}"
# Lets the counts and the filtered count read the office's rows from the index alone.
COVERING = """
CREATE INDEX bench_portfolio_state_cover ON bench_portfolio_state (office_id) INCLUDE (
    person_id, caseworker_id, started_on, birth_date, needs_interpreter, address_protection,
    is_office_employee, need_group, waiting_for_office, waiting_for_person, next_deadline,
    agreed_open_until, youngest_child_born, financial_assistance, consent_nav_state,
    qualification_assessed, plan_overdue_from)
"""


def years_ago(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    with connection.cursor() as cursor:
        for statement in BUILD.split(";\n"):
            if statement.strip():
                cursor.execute(statement)
        cursor.execute("SELECT count(*) FROM bench_portfolio_state")
        (rows,) = cursor.fetchone()
    built = time.perf_counter() - started
    print(f"bench_portfolio_state: {rows:,} rows (one per open period), filled in {built:.0f} s")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT office_id FROM followup_followupperiod WHERE ended_on IS NULL "
            "GROUP BY office_id ORDER BY count(*) DESC LIMIT 1"
        )
        (office,) = cursor.fetchone()
    assignment = (
        RoleAssignment.objects.select_related("user")
        .filter(role="caseworker_state", office_id=office, user__username__startswith="bench-")
        .order_by("user__username")
        .first()
    )
    assert assignment is not None
    today = timezone.localdate()
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    params = {
        "office": office,
        "user": assignment.user.pk,
        "today": today,
        "new_since": today - datetime.timedelta(days=14),
        "long_since": today - datetime.timedelta(days=182),
        "day_start": start_of_day,
        "day_end": start_of_day + datetime.timedelta(days=1),
        "born_18": years_ago(today, 18),
        "born_30": years_ago(today, 30),
        "born_40": years_ago(today, 40),
        "born_67": years_ago(today, 67),
    }

    actual = portfolio(actor=actor_for_user(assignment.user), query=QUERY, page=1, page_size=50)
    with connection.cursor() as cursor:
        cursor.execute(COUNTS, params)
        total, *counts = cursor.fetchone()
        cursor.execute(COUNT, params)
        (count,) = cursor.fetchone()
        cursor.execute(PAGE, params)
        page = cursor.fetchall()
    same = dict(zip(FLAGS, counts, strict=True)) == actual.counts and total == actual.total
    print(
        f"counts equal to portfolio(...)'s: {same}; filtered {count:,} "
        f"(portfolio: {actual.count:,}); page {len(page)} rows, same periods in the same "
        f"order: {[r[0] for r in page] == [r.pk for r in actual.rows]}"
    )
    if not same:
        for flag, n in zip(FLAGS, counts, strict=True):
            if actual.counts[flag] != n:
                print(f"  {flag}: prototype {n:,}, portfolio {actual.counts[flag]:,}")

    statements = (("counts", COUNTS), ("page of 50", PAGE), ("filtered count", COUNT))

    def measure(label: str) -> None:
        """The three statements one after the other, as one request would run them."""
        each: dict[str, list[float]] = {name: [] for name, _ in statements}
        totals = []
        with connection.cursor() as cursor:
            for n in range(args.warmup + args.calls):
                call_started = time.perf_counter()
                for name, sql in statements:
                    t0 = time.perf_counter()
                    cursor.execute(sql, params)
                    cursor.fetchall()
                    if n >= args.warmup:
                        each[name].append((time.perf_counter() - t0) * 1000)
                if n >= args.warmup:
                    totals.append((time.perf_counter() - call_started) * 1000)
        print(
            f"{label} ({args.calls} calls): the three statements median "
            f"{statistics.median(totals):.2f} ms, p95 {p95(totals):.2f} ms"
        )
        for name, timings in each.items():
            print(
                f"  {name}: median {statistics.median(timings):.2f} ms, p95 {p95(timings):.2f} ms"
            )
        if args.explain:
            with connection.cursor() as cursor:
                for name, sql in statements:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                    print(f"--- {name}\n" + "\n".join(r[0] for r in cursor.fetchall()))

    measure("state table, index on (office_id, started_on DESC)")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(COVERING)
        cursor.execute("VACUUM ANALYZE bench_portfolio_state")
    print(f"covering index built in {time.perf_counter() - started:.0f} s")
    measure("the same with a covering index on (office_id) INCLUDE (the flag columns)")


if __name__ == "__main__":
    main()
