"""The matching on rounds too large to solve whole, where the bound comes from the
capacities' prices: every rule kept, the bound never below the linear relaxation's
optimum (so never below the best assignment), the gap as reported."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from velferd.settlement.matching.problem import Case, Instance, Municipality, build_instance
from velferd.settlement.matching.solver import WHOLE_PROGRAMME_PAIRS, _constraints, solve


def _round(seed: int, cases: int = 400, municipalities: int = 80) -> Instance:
    rng = np.random.default_rng(seed)
    sizes = rng.choice([1, 1, 1, 2, 3, 4, 5], cases)
    minors = np.where((sizes == 1) & (rng.random(cases) < 0.1), 1, 0)
    health = rng.random(cases) < 0.05
    listed = [
        Case(f"C{i}", int(s), int(k), int(s - k), bool(h))
        for i, (s, k, h) in enumerate(zip(sizes, minors, health, strict=True))
    ]
    share = rng.dirichlet(np.ones(municipalities)) * sizes.sum() * 1.04
    capacity = np.maximum(np.ceil(share), 6).astype(int)
    places = [
        Municipality(f"{j + 1:04d}", f"M{j}", int(c), int(rng.integers(0, 3)), bool(j % 3 == 0))
        for j, c in enumerate(capacity)
    ]
    quality = rng.random(municipalities)
    scores = (sizes[:, None] - minors[:, None]) * np.clip(
        0.3 + 0.4 * quality[None, :] + 0.1 * rng.standard_normal((cases, municipalities)), 0, 1
    )
    return build_instance(listed, places, scores)


def _relaxation(instance: Instance) -> float:
    rows, cols = np.nonzero(instance.eligible)
    one_each, capacity = _constraints(instance, rows, cols)
    result = linprog(
        -instance.scores[rows, cols],
        A_ub=capacity,
        b_ub=np.concatenate([instance.capacity_persons, instance.capacity_minors]),
        A_eq=one_each,
        b_eq=np.ones(len(instance.cases)),
        bounds=(0, None),
        method="highs",
    )
    assert result.status == 0
    return float(-result.fun)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_large_round_keeps_every_rule_and_its_bound_holds(seed: int) -> None:
    instance = _round(seed)
    assert instance.eligible.sum() > WHOLE_PROGRAMME_PAIRS
    solution = solve(instance, time_limit=5)
    assignment = solution.assignment
    m = len(instance.municipalities)
    assert all(instance.eligible[i, j] for i, j in enumerate(assignment))
    assert (np.bincount(assignment, instance.sizes, m) <= instance.capacity_persons).all()
    assert (np.bincount(assignment, instance.minors, m) <= instance.capacity_minors).all()
    relaxation = _relaxation(instance)
    assert solution.bound >= relaxation - 1e-6
    assert solution.objective <= relaxation + 1e-6
    assert solution.proven_by == "lagrangian"
    assert solution.gap == pytest.approx((solution.bound - solution.objective) / solution.bound)
    assert solution.gap < 0.03


def test_a_large_round_keeps_the_officers_locks_and_forbidden_pairs() -> None:
    free = _round(4)
    first, second = free.cases[0].case_id, free.cases[1].case_id
    worst = int(np.argmin(np.where(free.eligible[0], free.scores[0], np.inf)))
    number = free.municipalities[worst].number
    best_of_second = int(np.argmax(np.where(free.eligible[1], free.scores[1], -np.inf)))
    forbidden_number = free.municipalities[best_of_second].number
    instance = build_instance(
        free.cases,
        free.municipalities,
        free.scores,
        locked={first: number},
        forbidden=[(second, forbidden_number)],
    )
    solution = solve(instance, time_limit=5)
    assert int(solution.assignment[0]) == worst
    assert int(solution.assignment[1]) != best_of_second
