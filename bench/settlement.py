"""Benchmark of the settlement matching on a national round (bench/settlement_data.py).

    .venv/bin/python bench/settlement.py [--cases 14000] [--seed 2026]
        [--time-limits 10 30 60] [--time-limit 10] [--highs-time-limit 300] [--no-highs]

In one run, on the same generated round with its hidden true employment model:
1. our solver on the TRUE scores, once per --time-limits: objective, bound, proven gap,
   seconds (so the time to a gap of 0.1 % is read off the first that reaches it);
2. HiGHS (scipy) on the same model, every eligible pair a variable: the LP relaxation
   and the MIP, each with --highs-time-limit; their objective and bound beside ours;
3. today's practice: random placement where capacity allows (three draws), valued by
   the truth;
4. from history instead: the employment model trained on the generated history, our
   solver on its scores, the assignment valued by the truth; the share of the true
   optimum's gain over today's practice that it captures (with --time-limit).
The figures go to docs/benchmarks.md by hand; log the run under bench/results/. Not
niced: the solver's time limits are wall-clock, and the CPU seconds it had are printed."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import settlement_data
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from velferd.settlement.matching import employment
from velferd.settlement.matching.problem import (
    Instance,
    Municipality,
    Person,
    build_instance,
    cases_of,
)
from velferd.settlement.matching.solver import _constraints, solve


def _say(label: str, **figures: object) -> None:
    print(json.dumps({"step": label, **figures}), flush=True)


def _records(round_: settlement_data.Round) -> tuple[list[Municipality], list[Person]]:
    municipalities = [
        Municipality(
            str(m["municipality_number"]),
            str(m["name"]),
            int(str(m["capacity_persons"])),
            int(str(m["capacity_unaccompanied_minors"])),
            bool(m["health_competence"]),
        )
        for m in round_.municipalities
    ]
    persons = [
        Person(
            str(p["person_id"]),
            str(p["case_id"]),
            int(str(p["age"])),
            str(p["gender"]),
            int(str(p["education_years"])),
            bool(p["speaks_english"]),
            str(p["origin_group"]),
            bool(p["health_need"]),
            bool(p["unaccompanied_minor"]),
        )
        for p in round_.persons
    ]
    return municipalities, persons


def _true_scores(
    round_: settlement_data.Round, persons: list[Person], case_ids: list[str]
) -> np.ndarray:
    people = settlement_data.people_arrays(round_.persons)
    m = len(round_.municipalities)
    chance = round_.truth.probability(people, np.tile(np.arange(m), (len(persons), 1)))
    adult = people["age"] >= 18
    row = {c: i for i, c in enumerate(case_ids)}
    scores = np.zeros((len(case_ids), m))
    np.add.at(scores, np.array([row[p.case_id] for p in persons])[adult], chance[adult])
    return scores


def random_placement(instance: Instance, seed: int) -> np.ndarray:
    """Today's practice: cases in random order, each to a random eligible municipality
    with room, drawn in proportion to the room left (largest cases first, so it fits)."""
    rng = np.random.default_rng(seed)
    room, room_minors = instance.capacity_persons.copy(), instance.capacity_minors.copy()
    order = np.lexsort((rng.random(len(instance.cases)), -instance.sizes))
    assignment = np.full(len(instance.cases), -1)
    for i in order:
        fits = (
            instance.eligible[i] & (room >= instance.sizes[i]) & (room_minors >= instance.minors[i])
        )
        weight = np.where(fits, room, 0.0)
        j = int(rng.choice(len(room), p=weight / weight.sum()))
        assignment[i] = j
        room[j] -= instance.sizes[i]
        room_minors[j] -= instance.minors[i]
    return assignment


def highs(instance: Instance, time_limit: float) -> None:
    rows, cols = np.nonzero(instance.eligible)
    one_each, capacity = _constraints(instance, rows, cols)
    limits = np.concatenate([instance.capacity_persons, instance.capacity_minors])
    n = len(instance.cases)
    profit = instance.scores[rows, cols]
    started = time.perf_counter()
    lp = linprog(
        -profit,
        A_ub=capacity,
        b_ub=limits,
        A_eq=one_each,
        b_eq=np.ones(n),
        bounds=(0, None),
        method="highs",
        options={"time_limit": time_limit},
    )
    _say(
        "highs_lp",
        variables=len(rows),
        status=int(lp.status),
        message=str(lp.message),
        objective=None if lp.x is None else float(profit @ lp.x),
        seconds=round(time.perf_counter() - started, 1),
    )
    started = time.perf_counter()
    mip = milp(
        -profit,
        integrality=np.ones(len(rows)),
        bounds=Bounds(0, 1),
        constraints=[
            LinearConstraint(one_each, np.ones(n), np.ones(n)),
            LinearConstraint(capacity, -np.inf, limits),
        ],
        options={"time_limit": time_limit, "mip_rel_gap": 0.001},
    )
    _say(
        "highs_mip",
        status=int(mip.status),
        message=str(mip.message),
        objective=None if mip.x is None else float(profit @ mip.x),
        bound=None if getattr(mip, "mip_dual_bound", None) is None else -float(mip.mip_dual_bound),
        seconds=round(time.perf_counter() - started, 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=14_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--time-limits", type=float, nargs="+", default=[10.0, 30.0, 60.0])
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--highs-time-limit", type=float, default=300.0)
    parser.add_argument("--no-highs", action="store_true")
    args = parser.parse_args()
    _say("machine", nproc=os.cpu_count(), load=os.getloadavg())
    round_ = settlement_data.generate(args.seed, args.cases)
    municipalities, persons = _records(round_)
    cases = cases_of(persons)
    case_ids = [c.case_id for c in cases]
    truth = _true_scores(round_, persons, case_ids)
    instance = build_instance(cases, municipalities, truth)
    _say(
        "round",
        cases=len(cases),
        persons=len(persons),
        municipalities=len(municipalities),
        eligible_pairs=int(instance.eligible.sum()),
        history=len(round_.history),
    )
    for limit in args.time_limits:
        load_before, cpu = os.getloadavg(), time.process_time()
        solution = solve(instance, time_limit=limit)
        _say(
            "ours_true_scores",
            time_limit=limit,
            **solution.summary(),
            cpu_seconds=round(time.process_time() - cpu, 1),
            load_before=load_before,
            load_after=os.getloadavg(),
        )
    practice = [instance.objective(random_placement(instance, s)) for s in range(3)]
    _say(
        "random_placement",
        values=[round(v, 2) for v in practice],
        mean=round(float(np.mean(practice)), 2),
    )
    rows = [
        employment.HistoryRow(p, str(h["municipality_number"]), bool(h["employed_2y"]))
        for p, h in zip(_history_persons(round_), round_.history, strict=True)
    ]
    started = time.perf_counter()
    model, calibration = employment.train(rows)
    predicted = employment.case_scores(model, persons, case_ids, [m.number for m in municipalities])
    _say("model", seconds=round(time.perf_counter() - started, 1), **calibration.as_dict())
    learnt = solve(build_instance(cases, municipalities, predicted), time_limit=args.time_limit)
    # The share is of the best assignment known for the truth: the last (longest) run's.
    value = instance.objective(learnt.assignment)
    base = float(np.mean(practice))
    _say(
        "ours_from_history",
        **learnt.summary(),
        true_value=round(value, 2),
        captured_share=round((value - base) / (solution.objective - base), 4),
        gain_over_practice=round((value - base) / base, 4),
        optimum_gain_over_practice=round((solution.objective - base) / base, 4),
    )
    if not args.no_highs:
        highs(instance, args.highs_time_limit)


def _history_persons(round_: settlement_data.Round) -> list[Person]:
    return [
        Person(
            str(h["person_id"]),
            "",
            int(str(h["age"])),
            str(h["gender"]),
            int(str(h["education_years"])),
            bool(h["speaks_english"]),
            str(h["origin_group"]),
            bool(h["health_need"]),
            False,
        )
        for h in round_.history
    ]


if __name__ == "__main__":
    main()
