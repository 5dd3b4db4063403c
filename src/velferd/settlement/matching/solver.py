"""The matching solver: an upper bound from the Lagrangian dual of the capacities
(lagrangian.py), a whole-case assignment by rounding at the dual's prices and polishing
the contested cases with a small integer programme (rounding.py), and the gap between
them, which is proven: the bound holds for every assignment (docs/settlement.md).

A small round (few allowed pairs) is solved whole by HiGHS instead, whose own bound then
proves the gap; that is also where the Lagrangian bound could be loose, since a case is
large beside the capacities there."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from velferd.settlement.matching import lagrangian, rounding
from velferd.settlement.matching.feasibility import Infeasible, Reason, reasons
from velferd.settlement.matching.problem import Instance

TARGET_GAP = 0.001
TOLERANCE = 1e-7
WHOLE_PROGRAMME_PAIRS = 20_000
# Share of the time limit the bound may use; the rest is for the assignment.
BOUND_SHARE = 0.6
POLISH_SIZES = (1000, 2000, 4000, 8000)


@dataclass(frozen=True)
class Solution:
    assignment: np.ndarray
    objective: float
    bound: float
    gap: float
    seconds: float
    polish_rounds: int
    proven_by: str

    def summary(self) -> dict[str, object]:
        return {
            "objective": round(self.objective, 4),
            "bound": round(self.bound, 4),
            "gap": self.gap,
            "solve_seconds": round(self.seconds, 3),
            "polish_rounds": self.polish_rounds,
            "bound_from": self.proven_by,
        }


def solve(instance: Instance, target_gap: float = TARGET_GAP, time_limit: float = 60.0) -> Solution:
    """The best assignment found, its bound and gap; raises Infeasible with the reasons."""
    started = time.perf_counter()
    found = reasons(instance)
    if found:
        raise Infeasible(found)
    if not instance.cases:
        return _solution(instance, np.zeros(0, dtype=int), 0.0, started, 0, "mip")
    allowed = _allowed(instance)
    start = greedy(instance, allowed)
    if start is None:
        start = _fitting_start(instance, allowed, time_limit)
    if allowed.sum() <= WHOLE_PROGRAMME_PAIRS:
        return _whole(instance, allowed, start, started, time_limit)
    arrays = lagrangian.Arrays(
        np.where(allowed, instance.scores, -np.inf),
        instance.sizes,
        instance.minors,
        np.concatenate([instance.capacity_persons, instance.capacity_minors]),
    )
    priced = lagrangian.minimise(arrays, started + BOUND_SHARE * time_limit)
    assignment = _better(instance, start, _rounded(arrays, priced))
    rounds = 0
    for cases in POLISH_SIZES:
        remaining = time_limit - (time.perf_counter() - started)
        if _gap(instance.objective(assignment), priced.bound) <= target_gap or remaining <= 0:
            break
        rounds += 1
        polished = rounding.polish(
            arrays.scores,
            priced.reduced,
            assignment,
            arrays.sizes,
            arrays.minors,
            arrays.limits,
            remaining,
            cases,
        )
        assignment = _better(instance, assignment, polished)
    return _solution(instance, assignment, priced.bound, started, rounds, "lagrangian")


def _rounded(arrays: lagrangian.Arrays, priced: lagrangian.Priced) -> np.ndarray | None:
    rounded = rounding.by_regret(
        arrays.scores, priced.reduced, arrays.sizes, arrays.minors, arrays.limits
    )
    if rounded is None:
        return None
    return rounding.moved(arrays.scores, rounded, arrays.sizes, arrays.minors, arrays.limits)


def _better(instance: Instance, current: np.ndarray, candidate: np.ndarray | None) -> np.ndarray:
    if candidate is None or instance.objective(candidate) <= instance.objective(current):
        return current
    return candidate


def _whole(
    instance: Instance, allowed: np.ndarray, start: np.ndarray, started: float, time_limit: float
) -> Solution:
    """The whole integer programme by HiGHS: its bound is a bound on every assignment."""
    remaining = max(1.0, time_limit - (time.perf_counter() - started))
    result = _integer(instance, allowed, remaining)
    assignment, bound = start, np.inf
    if result is not None:
        assignment = _better(instance, start, result[0])
        bound = result[1]
    if not np.isfinite(bound):
        arrays = lagrangian.Arrays(
            np.where(allowed, instance.scores, -np.inf),
            instance.sizes,
            instance.minors,
            np.concatenate([instance.capacity_persons, instance.capacity_minors]),
        )
        return _solution(instance, assignment, _zero_price_bound(arrays), started, 1, "lagrangian")
    return _solution(instance, assignment, bound, started, 1, "mip")


def _zero_price_bound(arrays: lagrangian.Arrays) -> float:
    return lagrangian.exact(arrays, np.zeros(len(arrays.limits))).bound


def _solution(
    instance: Instance,
    assignment: np.ndarray,
    bound: float,
    started: float,
    rounds: int,
    proof: str,
) -> Solution:
    objective = instance.objective(assignment)
    bound = max(bound, objective)
    return Solution(
        assignment=assignment,
        objective=objective,
        bound=bound,
        gap=_gap(objective, bound),
        seconds=time.perf_counter() - started,
        polish_rounds=rounds,
        proven_by=proof,
    )


def _gap(objective: float, bound: float) -> float:
    if bound - objective <= TOLERANCE * max(1.0, abs(bound)):
        return 0.0
    return float((bound - objective) / max(abs(bound), 1e-12))


def _allowed(instance: Instance) -> np.ndarray:
    allowed = instance.eligible.copy()
    for i, j in instance.locked.items():
        allowed[i, :] = False
        allowed[i, j] = True
    return allowed


def _cannot_fit() -> Reason:
    return Reason(
        "cannot_fit_whole",
        "Kapasitetene rommer ikke alle sakene hele: ingen fordeling holder familiene samlet "
        "innenfor kommunenes vedtak.",
        "The capacities cannot hold every case whole: no assignment keeps the families "
        "together within the municipalities' decisions.",
    )


def greedy(instance: Instance, allowed: np.ndarray) -> np.ndarray | None:
    """A first whole-case assignment: the hardest cases first (the fewest places to go,
    then the largest), each to its best-scoring municipality that still has room; None
    when some case finds no room."""
    room = instance.capacity_persons.copy()
    room_minors = instance.capacity_minors.copy()
    sizes, minors = instance.sizes, instance.minors
    order = np.lexsort((-sizes, allowed.sum(axis=1)))
    assignment = np.full(len(instance.cases), -1)
    for i in order:
        fits = allowed[i] & (room >= sizes[i]) & (room_minors >= minors[i])
        if not fits.any():
            return None
        j = int(np.argmax(np.where(fits, instance.scores[i], -np.inf)))
        assignment[i] = j
        room[j] -= sizes[i]
        room_minors[j] -= minors[i]
    return assignment


def _constraints(
    instance: Instance, rows: np.ndarray, cols: np.ndarray
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    n, m, k = len(instance.cases), len(instance.municipalities), len(rows)
    one_each = sparse.csr_matrix((np.ones(k), (rows, np.arange(k))), shape=(n, k))
    sizes, minors = instance.sizes[rows], instance.minors[rows]
    has_minors = minors > 0
    capacity = sparse.vstack(
        [
            sparse.csr_matrix((sizes, (cols, np.arange(k))), shape=(m, k)),
            sparse.csr_matrix(
                (minors[has_minors], (cols[has_minors], np.flatnonzero(has_minors))),
                shape=(m, k),
            ),
        ]
    ).tocsr()
    return one_each, capacity


def _fitting_start(instance: Instance, allowed: np.ndarray, time_limit: float) -> np.ndarray:
    """When the greedy start finds no room for some case: any whole-case assignment,
    from HiGHS over every allowed pair; none proves the instance infeasible."""
    result = _integer(instance, allowed, time_limit, feasibility_only=True)
    if result is None:
        raise Infeasible([_cannot_fit()])
    return result[0]


def _integer(
    instance: Instance, columns: np.ndarray, time_limit: float, feasibility_only: bool = False
) -> tuple[np.ndarray, float] | None:
    """The best whole-case assignment over the given pairs and HiGHS's bound on it, or
    None when there is none (or none found in time)."""
    n = len(instance.cases)
    rows, cols = np.nonzero(columns)
    one_each, capacity = _constraints(instance, rows, cols)
    limits = np.concatenate([instance.capacity_persons, instance.capacity_minors])
    profit = np.zeros(len(rows)) if feasibility_only else instance.scores[rows, cols]
    result = milp(
        -profit,
        integrality=np.ones(len(rows)),
        bounds=Bounds(0, 1),
        constraints=[
            LinearConstraint(one_each, np.ones(n), np.ones(n)),
            LinearConstraint(capacity, -np.inf, limits),
        ],
        options={"time_limit": time_limit, "mip_rel_gap": TARGET_GAP / 10, "disp": False},
    )
    if result.x is None:
        return None
    chosen = result.x > 0.5
    assignment = np.empty(n, dtype=int)
    assignment[rows[chosen]] = cols[chosen]
    dual_bound = getattr(result, "mip_dual_bound", None)
    restricted_bound = -float(dual_bound) if dual_bound is not None else np.inf
    return assignment, restricted_bound
