"""Generator of participations in labour market schemes at national scale, on top of the
national people (bench/national_data.py) and the national schemes (bench/schemes_data.py),
for bench/participants.py.

    .venv/bin/python bench/participants_data.py [--participations 500000] [--seed 2026]

With Django set up (PostgreSQL), it inserts with the ORM's bulk_create, for the generated
deliveries (numbers BG-…) not cancelled, each participation a different generated person:

- running deliveries: a quarter full (every place held) with 1–10 people on the waiting
  list (a tenth of them with VTA priority), the rest with up to half their places held;
  those holding a place participating (a tenth awaiting start), started up to a year ago,
  ending from today to a year ahead (about 3 % within 14 days);
- planned deliveries: 0–3 awaiting start;
- ended deliveries: 0–10 ended or completed;
- then closed participations (ended, completed, not relevant) in running and ended
  deliveries until the total is reached.

Then each delivery's `places_taken` is set to the participations holding a place, and the
portfolio's state rows get what the participations tell them (`scheme_waiting` for the
people on a waiting list, `scheme_ends_on` for those participating), as the plan's scheme
activities would give; VACUUM (ANALYZE) last. The same seed gives the same rows."""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from decimal import Decimal
from typing import Any

BATCH = 5_000
DAY = datetime.timedelta(days=1)


def _caseworker() -> Any:
    from velferd.access.models import User

    user, _ = User.objects.get_or_create(
        username="bench-participants", defaults={"full_name": "Benchmark, deltakere"}
    )
    return user


def _plan(rng: random.Random, delivery: tuple[Any, ...]) -> list[str]:
    """The statuses of one delivery's participations (closed ones topped up later)."""
    _, status, places, *_ = delivery
    if status == "running":
        if rng.random() < 0.25:
            held = places
            waiting = rng.randint(1, 10)
        else:
            held, waiting = rng.randint(0, places // 2), 0
        holders = ["awaiting_start" if rng.random() < 0.1 else "participating" for _ in range(held)]
        return holders + ["waiting_list"] * waiting
    if status == "planned":
        return ["awaiting_start"] * rng.randint(0, 3)
    return [rng.choice(("ended", "completed")) for _ in range(rng.randint(0, 10))]


def _participation(
    rng: random.Random, person: Any, delivery: tuple[Any, ...], status: str, now: Any, user: Any
) -> Any:
    from velferd.participants.models import Participation

    today = now.date()
    fields: dict[str, Any] = {}
    if status == "participating":
        starts = today - rng.randint(0, 365) * DAY
        ends = today + (rng.randint(0, 14) if rng.random() < 0.03 else rng.randint(15, 365)) * DAY
    elif status == "awaiting_start":
        starts = today + rng.randint(1, 60) * DAY
        ends = starts + rng.randint(60, 365) * DAY
    elif status == "waiting_list":
        starts, ends = None, None
        fields["waiting_since"] = now - datetime.timedelta(days=rng.randint(1, 400))
        fields["priority"] = rng.random() < 0.1
    else:
        ends = today - rng.randint(1, 700) * DAY
        starts = ends - rng.randint(30, 365) * DAY
        fields["ended_at"] = datetime.datetime.combine(ends, datetime.time(12), tzinfo=now.tzinfo)
    return Participation(
        person_id=person,
        delivery_id=delivery[0],
        status=status,
        starts_on=starts,
        ends_on=ends,
        percentage=Decimal(rng.choice((100, 100, 100, 80, 60, 50, 40, 20))),
        caseworker=user,
        content="Generert til benchmark.",
        **fields,
    )


def _deliveries() -> list[tuple[Any, ...]]:
    from django.db.models import Q

    from velferd.schemes import selectors as schemes_selectors

    return list(
        schemes_selectors.deliveries_counted(Q(number__startswith="BG-"))
        .order_by("pk")
        .values_list("pk", "status", "places")
    )


def _people(count: int, rng: random.Random) -> list[Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT person_id FROM followup_portfoliostate ORDER BY person_id")
        people = [row[0] for row in cursor.fetchall()]
    if len(people) < count:
        raise SystemExit(f"{count:,} participations need as many people; found {len(people):,}.")
    return rng.sample(people, count)


def _statuses(rng: random.Random, deliveries: list[tuple[Any, ...]], total: int) -> list[Any]:
    planned = [(d, status) for d in deliveries for status in _plan(rng, d)]
    open_or_ended = [d for d in deliveries if d[1] in ("running", "ended")]
    while len(planned) < total and open_or_ended:
        status = rng.choice(("ended", "completed", "not_relevant"))
        planned.append((rng.choice(open_or_ended), status))
    return planned[:total]


def _derive() -> None:
    """places_taken from the participations; the portfolio's scheme facts from them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE schemes_delivery d SET places_taken = coalesce(h.n, 0) FROM schemes_delivery d2 "
            "LEFT JOIN (SELECT delivery_id, count(*) n FROM participants_participation "
            "WHERE status IN ('awaiting_start', 'participating') GROUP BY delivery_id) h "
            "ON h.delivery_id = d2.id WHERE d.id = d2.id AND d.number LIKE 'BG-%%'"
        )
        cursor.execute(
            "UPDATE followup_portfoliostate s SET scheme_waiting = true FROM "
            "participants_participation p WHERE p.person_id = s.person_id "
            "AND p.status = 'waiting_list'"
        )
        cursor.execute(
            "UPDATE followup_portfoliostate s SET scheme_ends_on = p.ends_on FROM "
            "participants_participation p WHERE p.person_id = s.person_id "
            "AND p.status = 'participating'"
        )


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("participants_participation", "schemes_delivery", "followup_portfoliostate"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")


def make_participations(total: int = 500_000, seed: int = 2026) -> dict[str, int]:
    from django.db import transaction
    from django.utils import timezone

    from velferd.participants.models import Participation

    if Participation.objects.filter(content="Generert til benchmark.").exists():
        raise SystemExit("The database already holds generated participations.")
    rng = random.Random(seed)
    now = timezone.now()
    deliveries = _deliveries()
    planned = _statuses(rng, deliveries, total)
    people = _people(len(planned), rng)
    user = _caseworker()
    with transaction.atomic():
        for start in range(0, len(planned), BATCH):
            batch = [
                _participation(rng, people[i], delivery, status, now, user)
                for i, (delivery, status) in enumerate(planned[start : start + BATCH], start=start)
            ]
            Participation.objects.bulk_create(batch)
        _derive()
    _analyze()
    counts: dict[str, int] = {"deliveries": len(deliveries), "participations": len(planned)}
    for _, status in planned:
        counts[status] = counts.get(status, 0) + 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--participations", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
    import django

    django.setup()
    started = time.monotonic()
    counts = make_participations(args.participations, args.seed)
    print(
        " ".join(f"{k}={v}" for k, v in counts.items())
        + f" seconds={time.monotonic() - started:.1f}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
