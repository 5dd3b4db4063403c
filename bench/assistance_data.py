"""Generator of financial assistance at national scale (PostgreSQL), for bench/assistance.py.

    .venv/bin/python bench/assistance_data.py [--per-year 200000] [--years 3] [--seed 2026]

With Django set up and the registry loaded (`velferd migrate`, `velferd load-reference`), it
inserts with the ORM's bulk_create its own applicants (national ids 9…, a person per 1.6
applications) spread over the offices by a skewed weight (the largest office has
about 3 % of the country), and --per-year applications a year for --years years back from
today, sent evenly over the days:

- older than 30 days: decided (70 % granted or partly, 30 % refused; of those granted 40 %
  monthly for 1–3 months, the rest one-off);
- the last 30 days: new, waiting for documentation, ready for decision or decided, the
  newer the more likely open; 2 % emergencies;
- payments for the decisions of the last 6 months (`plan_payments`' schedule): those due
  before this month sent (status exported, with no run: history), this month's and later
  approved (a quarter still planned).

VACUUM (ANALYZE) last. The same seed gives the same rows."""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from decimal import Decimal
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from velferd.access.models import User  # noqa: E402
from velferd.assistance.models import (  # noqa: E402
    Application,
    Decision,
    Frequency,
    Payment,
)
from velferd.assistance.services.payments import payment_schedule  # noqa: E402
from velferd.organisation.models import Office, OfficeArea  # noqa: E402
from velferd.people.models import Person  # noqa: E402

BATCH = 5_000
DAY = datetime.timedelta(days=1)
OPEN_STATES = ("submitted", "awaiting_documentation", "ready_for_decision")


def _offices(rng: random.Random) -> tuple[list[tuple[int, str]], list[float]]:
    areas = dict(OfficeArea.objects.values_list("office_id", "municipality_id"))
    offices = [(pk, areas[pk]) for pk in Office.objects.values_list("pk", flat=True) if pk in areas]
    # Skewed, with the largest office at about 3 % of the country.
    weights = [rng.paretovariate(1.2) for _ in offices]
    cap = 0.03 * sum(weights)
    return offices, [min(w, cap) for w in weights]


def _people(
    rng: random.Random, count: int, offices: list[tuple[int, str]], weights: list[float]
) -> list[tuple[Any, int, str, datetime.date]]:
    people = []
    rows = []
    for n in range(count):
        office, municipality = rng.choices(offices, weights)[0]
        born = datetime.date(1950, 1, 1) + rng.randint(0, 365 * 55) * DAY
        person = Person(
            id=uuid.uuid4(),
            national_id=f"9{n:010d}",
            given_name="Søker",
            family_name=f"Nr{n}",
            search_name=f"soker nr{n}",
            birth_date=born,
            municipality_id=municipality,
            office_id=office,
        )
        rows.append(person)
        people.append((person.pk, office, municipality, born))
        if len(rows) == BATCH:
            Person.objects.bulk_create(rows)
            rows = []
    Person.objects.bulk_create(rows)
    return people


def _status(rng: random.Random, age_days: int) -> str:
    if age_days > 30:
        return "decided"
    if rng.random() < (30 - age_days) / 40:
        return rng.choice(OPEN_STATES)
    return "decided"


def _decision(rng: random.Random, app: Application, user: User, day: datetime.date) -> Decision:
    granted = rng.random() < 0.7
    monthly = granted and rng.random() < 0.4
    start = day
    end = start + (rng.randint(1, 3) * 30 - 1) * DAY if monthly else start
    return Decision(
        id=uuid.uuid4(),
        application=app,
        outcome=rng.choice(("granted", "partly_granted")) if granted else "refused",
        amount=Decimal(rng.randint(10, 120) * 100) if granted else Decimal(0),
        frequency=Frequency.MONTHLY if monthly else Frequency.ONE_OFF,
        period_start=start,
        period_end=end,
        reasoning="Generert vedtak.",
        decided_by=user,
        decided_on=day,
    )


def _payment_status(rng: random.Random, due: datetime.date, month: datetime.date) -> str:
    if due < month:
        return "exported"
    return "planned" if rng.random() < 0.25 else "approved"


def _payments(
    rng: random.Random, decision: Decision, municipality: str, month: datetime.date
) -> list[Payment]:
    rows = []
    for due in payment_schedule(decision):
        status = _payment_status(rng, due.on, month)
        rows.append(
            Payment(
                decision=decision,
                municipality_id=municipality,
                due_on=due.on,
                amount=due.amount,
                bank_account="86011117947",
                status=status,
            )
        )
    return rows


def generate(per_year: int, years: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    user, _ = User.objects.get_or_create(
        username="bench-assistance", defaults={"full_name": "Benchmark, sosial"}
    )
    offices, weights = _offices(rng)
    total = per_year * years
    people = _people(rng, int(total / 1.6), offices, weights)
    now = timezone.now()
    today = timezone.localdate()
    month = today.replace(day=1)
    counts = {"applications": 0, "decisions": 0, "payments": 0}
    apps: list[Application] = []
    decisions: list[Decision] = []
    payments: list[Payment] = []

    def flush() -> None:
        Application.objects.bulk_create(apps)
        Decision.objects.bulk_create(decisions)
        Payment.objects.bulk_create(payments)
        counts["applications"] += len(apps)
        counts["decisions"] += len(decisions)
        counts["payments"] += len(payments)
        apps.clear()
        decisions.clear()
        payments.clear()

    span = 365 * years
    for n in range(total):
        age = span - 1 - (n * span) // total
        person, office, municipality, _born = rng.choice(people)
        sent = now - age * DAY - datetime.timedelta(minutes=rng.randint(0, 1439))
        status = _status(rng, age)
        app = Application(
            id=uuid.uuid4(),
            reference=f"SOS-{sent.year}-{n:07d}"[:20],
            person_id=person,
            municipality_id=municipality,
            office_id=office,
            status=status,
            emergency=rng.random() < 0.02,
            purposes=["living_costs"],
            amount_applied=Decimal(rng.randint(10, 150) * 100),
            bank_account="86011117947",
            submitted_at=sent,
            decided_at=sent + 7 * DAY if status == "decided" else None,
        )
        apps.append(app)
        if status == "decided":
            day = min(today, (sent + rng.randint(1, 14) * DAY).date())
            decision = _decision(rng, app, user, day)
            decisions.append(decision)
            if age <= 183:
                payments.extend(_payments(rng, decision, municipality, month))
        if len(apps) == BATCH:
            flush()
    flush()
    with connection.cursor() as cursor:
        for table in (
            "people_person",
            "assistance_application",
            "assistance_decision",
            "assistance_payment",
        ):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
    counts["people"] = len(people)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-year", type=int, default=200_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(args.per_year, args.years, args.seed)
    print(counts, f"in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
