"""Benchmark of enquiry routing, on one core.

    .venv/bin/python bench/enquiry_routing.py [--texts 20000] [--rounds 5]

Measures, in one run on the same texts:
- batch routing (`velferd enquiries route`'s line handling: JSON lines in, JSON lines out)
  in enquiries per second, against a baseline of the feature extraction alone;
- single routing through the API (POST /api/v1/enquiries/route, server-side, in process):
  median and p95 latency, against a baseline of GET /api/v1/organisation/counties.
Prints medians of the rounds; the figures go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import django

django.setup()

from velferd.enquiries import classifier  # noqa: E402
from velferd.enquiries.management.commands.enquiries import routed_lines  # noqa: E402


def texts(count: int, seed: int = 1) -> list[str]:
    """Enquiries like the corpus's: its texts, with sentences from two of them mixed."""
    corpus = [e.text for e in classifier.read_corpus()]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        first, second = rng.choice(corpus), rng.choice(corpus)
        out.append(first if rng.random() < 0.5 else f"{first} {second.split('.')[0]}.")
    return out


def batch_rate(lines: list[str]) -> float:
    started = time.perf_counter()
    produced = sum(1 for _ in routed_lines(io.StringIO("\n".join(lines) + "\n")))
    elapsed = time.perf_counter() - started
    assert produced == len(lines)
    return len(lines) / elapsed


def features_rate(sample: list[str]) -> float:
    features = classifier.load().named_steps["features"]
    started = time.perf_counter()
    for start in range(0, len(sample), 512):
        features.transform(sample[start : start + 512])
    return len(sample) / (time.perf_counter() - started)


def latencies(call: object, count: int) -> list[float]:
    timings = []
    for n in range(count):
        started = time.perf_counter()
        call(n)  # type: ignore[operator]
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def api_clients() -> tuple[object, object]:
    from django.test import Client
    from django.test.utils import setup_test_environment

    from velferd.access.actor import system_actor
    from velferd.access.models import User
    from velferd.access.selectors import actor_for_user
    from velferd.access.services import api_token_create, role_assign, user_create
    from velferd.organisation import selectors as organisation_selectors
    from velferd.organisation.services import load_reference

    setup_test_environment()
    load_reference(actor=system_actor("bench"))
    user = User.objects.filter(username="bench-press").first() or user_create(
        actor=system_actor("bench"), username="bench-press", full_name="Bench", password=None
    )
    if not user.role_assignments.exists():
        role_assign(
            actor=system_actor("bench"),
            user=user,
            role="ministry_staff",
            department=organisation_selectors.department("press-and-communications"),
        )
    actor = actor_for_user(user)
    _, secret = api_token_create(
        actor=actor, name="bench", role_assignment_id=actor.assignments[0].pk
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client, Client()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=1000)
    args = parser.parse_args()

    sample = texts(args.texts)
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in sample]
    classifier.load()
    batch = [batch_rate(lines) for _ in range(args.rounds)]
    bare = [features_rate(sample) for _ in range(args.rounds)]
    print(f"texts={args.texts} rounds={args.rounds} cpu={os.sched_getaffinity(0)}")
    print(
        f"batch routing (CLI lines): median {statistics.median(batch):,.0f}/s "
        f"(min {min(batch):,.0f}, max {max(batch):,.0f})"
    )
    print(
        f"baseline, features alone:  median {statistics.median(bare):,.0f}/s; "
        f"routing costs {statistics.median(bare) / statistics.median(batch):.2f}x that"
    )

    from django.db import connection
    from django.test.utils import get_runner  # noqa: F401

    connection.creation.create_test_db(verbosity=0, keepdb=False)
    route_client, anonymous = api_clients()
    rng = random.Random(2)
    bodies = [json.dumps({"text": rng.choice(sample)}) for _ in range(args.calls)]

    def route(n: int) -> None:
        response = route_client.post(
            "/api/v1/enquiries/route",
            data=bodies[n],  # type: ignore[attr-defined]
            content_type="application/json",
        )
        assert response.status_code == 200, response.content

    def baseline(n: int) -> None:
        response = anonymous.get("/api/v1/organisation/counties")  # type: ignore[attr-defined]
        assert response.status_code == 200

    latencies(route, 50)
    single = latencies(route, args.calls)
    base = latencies(baseline, args.calls)
    print(
        f"single route via API: median {statistics.median(single):.2f} ms, p95 {p95(single):.2f} ms"
    )
    print(
        f"baseline GET counties: median {statistics.median(base):.2f} ms, "
        f"p95 {p95(base):.2f} ms; route p95 is {p95(single) / p95(base):.1f}x"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
