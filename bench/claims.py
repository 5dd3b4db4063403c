"""Benchmark of the month's claims for every delivery at national scale (PostgreSQL).

    PG_PORT=55484 scripts/with-postgresql.sh bash -c '.venv/bin/velferd migrate --no-input -v0 \
        && .venv/bin/velferd load-reference && .venv/bin/velferd load-demo >/dev/null \
        && .venv/bin/python bench/claims.py --generate'

With --generate it first inserts the national schemes data set (bench/schemes_data.py:
5,000 suppliers, 20,000 agreements, 60,000 deliveries), a national rate for every scheme
type for the month's year where the catalogue has none, and 500,000 participation rows
(--participation) spread over the running and ended deliveries: periods from up to a year
before the month to open or ending in or after it, participation percentages of 20–100
(a tenth with two decimals). It then measures, for the month (--month, default last month):

- the calculation (`services.claims_calculate` as the system, every county): the SQL
  aggregate over the participation joined to the deliveries, agreements and rates, and the
  writing of every claim; each repeat replaces the open claims of the previous one;
- the baseline: a plain aggregate over the same participation rows — a count and a sum of
  the percentages grouped by delivery, with the same filter on the month;

median of --repeats timed runs after one untimed warm-up each. Then it checks that the
stored claims equal the per-delivery calculation in Python (`calculation.claim_amount`,
one participation at a time, with the rate looked up through the schemes selectors) on a
random sample of --sample deliveries. The figures go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Q, Sum  # noqa: E402

from velferd.access.actor import system_actor  # noqa: E402
from velferd.funding import services  # noqa: E402
from velferd.funding.calculation import (  # noqa: E402
    Share,
    claim_amount,
    month_end,
    month_start,
    parse_month,
)
from velferd.funding.models import Claim, Participation  # noqa: E402
from velferd.funding.selectors.month_claims import CALCULATED  # noqa: E402
from velferd.schemes import selectors as schemes_selectors  # noqa: E402
from velferd.schemes.models import Delivery, NationalRate, SchemeType  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from schemes_data import make_national_schemes  # noqa: E402

BATCH = 5_000


def _national_rates(year: int) -> None:
    for scheme_type in SchemeType.objects.all():
        NationalRate.objects.get_or_create(
            scheme_type=scheme_type, year=year, defaults={"monthly_rate": Decimal("17891.00")}
        )


def _share(rng: random.Random, delivery: Any, month: datetime.date) -> tuple[Any, Any, Any]:
    first = max(delivery.starts_on, month - datetime.timedelta(days=365))
    last = min(delivery.ends_on or month_end(month), month_end(month))
    if last < first:
        first = last = delivery.starts_on
    start = first + datetime.timedelta(days=rng.randint(0, (last - first).days))
    end = None
    if rng.random() < 0.4:
        end = start + datetime.timedelta(days=rng.randint(0, 120))
        if delivery.ends_on and end > delivery.ends_on:
            end = delivery.ends_on
    if rng.random() < 0.1:
        percentage = Decimal(rng.randint(2000, 10000)) / 100
    else:
        percentage = Decimal(rng.choice((20, 40, 50, 60, 80, 100, 100, 100)))
    return start, end, percentage


def make_participation(count: int, month: datetime.date, seed: int) -> int:
    rng = random.Random(seed)
    deliveries = list(
        Delivery.objects.filter(
            status__in=("running", "ended"), starts_on__lte=month_end(month)
        ).only("pk", "starts_on", "ends_on")
    )
    if not deliveries:
        raise SystemExit("No deliveries: run bench/schemes_data.py (or --generate) first.")
    rows = []
    made = 0
    with transaction.atomic():
        for n in range(count):
            delivery = rng.choice(deliveries)
            start, end, percentage = _share(rng, delivery, month)
            rows.append(
                Participation(
                    delivery_id=delivery.pk,
                    participant=f"b{n:07d}",
                    from_date=start,
                    to_date=end,
                    percentage=percentage,
                )
            )
            if len(rows) == BATCH:
                Participation.objects.bulk_create(rows)
                made += len(rows)
                rows = []
        Participation.objects.bulk_create(rows)
        made += len(rows)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) funding_participation")
    return made


def baseline(month: datetime.date) -> int:
    rows = (
        Participation.objects.filter(
            Q(to_date__isnull=True) | Q(to_date__gte=month), from_date__lte=month_end(month)
        )
        .values("delivery_id")
        .annotate(n=Count("id"), total=Sum("percentage"))
    )
    return len(list(rows))


def calculate(month: datetime.date) -> int:
    return services.claims_calculate(actor=system_actor("bench"), month=month).claims


def timed(function: Any, repeats: int) -> tuple[list[float], Any]:
    function()  # warm-up
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return times, result


def python_claim(delivery: Any, month: datetime.date) -> Decimal | None:
    model = delivery.agreement.price_model
    if model == "fixed_monthly_rate":
        rate = schemes_selectors.national_rate(delivery.scheme_type_id, month.year)
    else:
        rate = schemes_selectors.agreed_rate(delivery.agreement_id, month_end(month))
    if rate is None:
        return None
    shares = [
        Share(p.from_date, p.to_date, p.percentage)
        for p in Participation.objects.filter(delivery=delivery)
    ]
    return claim_amount(shares, month, rate, per_week=CALCULATED[model])


def compare(month: datetime.date, sample: int, seed: int) -> tuple[int, int]:
    claims = list(Claim.objects.filter(month=month).values_list("delivery_id", "amount"))
    rng = random.Random(seed)
    chosen = rng.sample(claims, min(sample, len(claims)))
    deliveries = schemes_selectors.funding_deliveries().in_bulk([d for d, _ in chosen])
    mismatches = 0
    for delivery_id, amount in chosen:
        expected = python_claim(deliveries[delivery_id], month)
        if expected != amount:
            mismatches += 1
            print(f"MISMATCH delivery {delivery_id}: stored {amount}, python {expected}")
    return len(chosen), mismatches


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--generate", action="store_true")
    parser.add_argument("--participation", type=int, default=500_000)
    parser.add_argument("--month", default="")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    today = datetime.date.today()
    month = (
        parse_month(args.month)
        if args.month
        else month_start(month_start(today) - datetime.timedelta(days=1))
    )
    print(f"database: {connection.vendor}; month {month:%Y-%m}")
    if args.generate:
        started = time.monotonic()
        print("schemes:", make_national_schemes(seed=args.seed))
        _national_rates(month.year)
        print("participation rows:", make_participation(args.participation, month, args.seed))
        print(f"generated in {time.monotonic() - started:.0f} s")
    print(
        "rows:",
        {
            "deliveries": Delivery.objects.count(),
            "participation": Participation.objects.count(),
            "in the month": Participation.objects.filter(
                Q(to_date__isnull=True) | Q(to_date__gte=month), from_date__lte=month_end(month)
            ).count(),
        },
    )
    base_times, groups = timed(lambda: baseline(month), args.repeats)
    calc_times, made = timed(lambda: calculate(month), args.repeats)
    print(f"baseline: plain aggregate over the month's participation, {groups} deliveries")
    print(
        f"  median {statistics.median(base_times):.3f} s; runs {[round(t, 3) for t in base_times]}"
    )
    print(f"claims: calculated and written for every delivery, {made} claims")
    print(
        f"  median {statistics.median(calc_times):.3f} s; runs {[round(t, 3) for t in calc_times]}"
    )
    checked, mismatches = compare(month, args.sample, args.seed)
    print(f"equal to the per-delivery calculation in Python: {checked - mismatches} of {checked}")


if __name__ == "__main__":
    main()
