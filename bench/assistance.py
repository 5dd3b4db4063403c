"""Benchmark of financial assistance at national scale (PostgreSQL), on data made by
bench/assistance_data.py.

    .venv/bin/python bench/assistance.py [--calls 200] [--warmup 30]

It measures, server-side and in process, pinned to one core:

- the queue of the office with the most open applications, as a municipal caseworker of
  its own (`assistance.selectors.queue.queue`: the counts per state and the first page of
  50, emergencies first, the oldest first, each applicant shown logged in the access log as
  in use), all open and filtered by each state; median and p95 of --calls timed calls after
  --warmup untimed ones;
- the month's payment export for the whole country (`payments_export_country`, due by the
  month's last day): a run per municipality, a transaction each, timed once; the runs,
  payments and total are counted after.

The figures go to docs/benchmarks.md by hand."""

from __future__ import annotations

import argparse
import calendar
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import django

django.setup()

from django.db.models import Count, Sum  # noqa: E402
from django.utils import timezone  # noqa: E402

from velferd.access.actor import Actor, system_actor  # noqa: E402
from velferd.access.models import User  # noqa: E402
from velferd.access.roles import Role  # noqa: E402
from velferd.access.selectors import actor_for_user  # noqa: E402
from velferd.access.services import role_assign  # noqa: E402
from velferd.assistance.models import Application, Payment, PaymentExport  # noqa: E402
from velferd.assistance.selectors.queue import queue  # noqa: E402
from velferd.assistance.services.casework import OPEN_STATUSES  # noqa: E402
from velferd.assistance.services.exports import payments_export_country  # noqa: E402
from velferd.organisation.models import Office  # noqa: E402


def _largest_office() -> tuple[Office, int]:
    row = (
        Application.objects.filter(status__in=OPEN_STATUSES)
        .values("office")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    assert row is not None, "no open applications: run bench/assistance_data.py first"
    return Office.objects.get(pk=row["office"]), row["n"]


def _caseworker(office: Office) -> Actor:
    user, created = User.objects.get_or_create(
        username=f"bench-sosial-{office.unit_number}", defaults={"full_name": "Benchmark"}
    )
    if created:
        role_assign(
            actor=system_actor("bench"), user=user, role=Role.CASEWORKER_MUNICIPAL, office=office
        )
    return actor_for_user(user)


def _times(call: object, calls: int, warmup: int) -> tuple[float, float]:
    for _ in range(warmup):
        call()  # type: ignore[operator]
    seen = []
    for _ in range(calls):
        started = time.perf_counter()
        call()  # type: ignore[operator]
        seen.append((time.perf_counter() - started) * 1000)
    seen.sort()
    return statistics.median(seen), seen[int(len(seen) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=30)
    args = parser.parse_args()
    print("applications", Application.objects.count(), "payments", Payment.objects.count())
    office, open_count = _largest_office()
    actor = _caseworker(office)
    print(f"largest queue: {office} ({office.unit_number}), {open_count} open applications")
    for status in ("", *OPEN_STATUSES):
        median, p95 = _times(lambda s=status: queue(actor, office, s, 1), args.calls, args.warmup)
        print(f"queue {status or 'all open':24} median {median:6.1f} ms  p95 {p95:6.1f} ms")
    today = timezone.localdate()
    month_end = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    waiting = Payment.objects.filter(status="approved", due_on__lte=month_end).count()
    started = time.perf_counter()
    runs = payments_export_country(actor=system_actor("bench"), due_by=month_end)
    seconds = time.perf_counter() - started
    made = PaymentExport.objects.filter(pk__in=[r.pk for r in runs]).aggregate(
        payments=Sum("payments"), total=Sum("total")
    )
    print(
        f"the month's export for the country: {len(runs)} runs, {made['payments']} payments"
        f" (of {waiting} approved due by {month_end}), {made['total']} kr in {seconds:.1f} s"
    )


if __name__ == "__main__":
    main()
