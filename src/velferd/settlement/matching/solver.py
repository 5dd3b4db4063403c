"""The matching solver: an upper bound from the linear relaxation, solved by column
generation over the pairs that can pay, and a whole-case assignment from a small integer
programme over the pairs that are within reach of the bound.

Why the bound holds (docs/settlement.md): for prices lam >= 0 on the persons capacities
and mu >= 0 on the minors capacities, every assignment x scores at most
    sum_i max_j (c_ij - s_i lam_j - u_i mu_j) + sum_j (P_j lam_j + U_j mu_j),
the Lagrangian bound, computed here over EVERY eligible pair; at the linear relaxation's
prices it equals the relaxation's optimum. The integer programme is solved with HiGHS
(scipy) on the pairs whose reduced profit is within delta of the case's best; when delta
is at least bound - objective, no better assignment can use any other pair, so HiGHS's
bound on the small programme is then a bound on the whole problem too."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from velferd.settlement.matching.feasibility import Infeasible, Reason, reasons
from velferd.settlement.matching.problem import Instance

TARGET_GAP = 0.001
INITIAL_COLUMNS = 12
ADDED_COLUMNS = 8
TOLERANCE = 1e-7


@dataclass(frozen=True)
class Solution:
    assignment: np.ndarray
    objective: float
    bound: float
    gap: float
    seconds: float
    lp_rounds: int
    mip_rounds: int
    proven_by: str

    def summary(self) -> dict[str, object]:
        return {
            "objective": round(self.objective, 4),
            "bound": round(self.bound, 4),
            "gap": self.gap,
            "solve_seconds": round(self.seconds, 3),
            "lp_rounds": self.lp_rounds,
            "mip_rounds": self.mip_rounds,
            "bound_from": self.proven_by,
        }


@dataclass
class _Prices:
    persons: np.ndarray
    minors: np.ndarray
    cases: np.ndarray
    reduced: np.ndarray
    best: np.ndarray
    bound: float
    support: np.ndarray


def solve(instance: Instance, target_gap: float = TARGET_GAP, time_limit: float = 60.0) -> Solution:
    """The best assignment found, its bound and gap; raises Infeasible with the reasons."""
    started = time.perf_counter()
    found = reasons(instance)
    if found:
        raise Infeasible(found)
    allowed = _allowed(instance)
    start = greedy(instance, allowed)
    if start is None:
        start = _fitting_start(instance, allowed, time_limit)
    prices, lp_rounds = _relaxation(instance, allowed, start, started + 0.4 * time_limit)
    prices = _descend(
        prices, instance, allowed, instance.objective(start), started + 0.7 * time_limit
    )
    best = (start, instance.objective(start), prices.bound, "lagrangian")
    delta = _first_delta(prices)
    mip_rounds = 0
    while _gap(best[1], best[2]) > target_gap:
        mip_rounds += 1
        remaining = max(1.0, time_limit - (time.perf_counter() - started))
        columns = allowed & ((prices.reduced >= prices.best[:, None] - delta) | prices.support)
        columns[np.arange(len(start)), start] = True
        complete = bool((columns == allowed).all())
        result = _integer(instance, columns, remaining)
        if result is not None:
            assignment, restricted_bound = result
            objective = instance.objective(assignment)
            bound, proof = prices.bound, "lagrangian"
            # No assignment better than `objective` uses a pair outside the columns.
            if (complete or delta >= prices.bound - objective) and restricted_bound < bound:
                bound, proof = max(objective, restricted_bound), "restricted_mip"
            if objective > best[1]:
                best = (assignment, objective, best[2], best[3])
            if bound < best[2]:
                best = (best[0], best[1], bound, proof)
        if complete or time.perf_counter() - started > time_limit:
            break
        delta = max(delta * 4, prices.bound - best[1])
    assignment, objective, bound, proof = best
    return Solution(
        assignment=assignment,
        objective=objective,
        bound=max(bound, objective),
        gap=_gap(objective, bound),
        seconds=time.perf_counter() - started,
        lp_rounds=lp_rounds,
        mip_rounds=mip_rounds,
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


def _first_delta(prices: _Prices) -> float:
    scale = float(np.abs(prices.best).mean()) if len(prices.best) else 1.0
    return max(1e-6, 0.01 * scale)


def _cannot_fit() -> Reason:
    return Reason(
        "cannot_fit_whole",
        "Kapasitetene rommer ikke alle sakene hele: ingen fordeling holder familiene samlet "
        "innenfor kommunenes vedtak.",
        "The capacities cannot hold every case whole: no assignment keeps the families "
        "together within the municipalities' decisions.",
    )


def _relaxation(
    instance: Instance, allowed: np.ndarray, start: np.ndarray, deadline: float
) -> tuple[_Prices, int]:
    """The linear relaxation's prices by column generation: HiGHS solves the relaxation
    over a few pairs per case (the best scores and the greedy start's pair, so it is
    always feasible); every eligible pair is then priced at its duals and the exact
    Lagrangian bound computed; pairs that would pay are added, until none would."""
    scores = np.where(allowed, instance.scores, -np.inf)
    limits = np.concatenate([instance.capacity_persons, instance.capacity_minors])
    candidates = _top_columns(scores, INITIAL_COLUMNS)
    candidates[np.arange(len(start)), start] = True
    best_prices: _Prices | None = None
    rounds = 0
    while rounds < MAX_LP_ROUNDS:
        rounds += 1
        duals, cases, support = _restricted_lp(instance, candidates, limits)
        priced = _prices_at(duals, scores, instance, limits, support)
        if best_prices is None or priced.bound < best_prices.bound:
            best_prices = priced
        paying = allowed & ~candidates & (priced.reduced > cases[:, None] + TOLERANCE)
        if not paying.any() or time.perf_counter() > deadline:
            break
        candidates |= _top_columns(np.where(paying, priced.reduced, -np.inf), ADDED_COLUMNS)
    assert best_prices is not None
    return best_prices, rounds


MAX_LP_ROUNDS = 30


def _restricted_lp(
    instance: Instance, candidates: np.ndarray, limits: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(instance.cases)
    rows, cols = np.nonzero(candidates)
    one_each, capacity = _constraints(instance, rows, cols)
    result = linprog(
        -instance.scores[rows, cols],
        A_ub=capacity,
        b_ub=limits,
        A_eq=one_each,
        b_eq=np.ones(n),
        bounds=(0, None),
        method=LP_METHOD,
    )
    if result.status != 0:
        raise RuntimeError(f"HiGHS could not solve the relaxation: {result.message}")
    support = np.zeros(candidates.shape, dtype=bool)
    used = result.x > 1e-9
    support[rows[used], cols[used]] = True
    duals = np.maximum(-result.ineqlin.marginals, 0.0)
    return duals, -result.eqlin.marginals, support


LP_METHOD = "highs-ipm"


def _prices_at(
    prices: np.ndarray,
    scores: np.ndarray,
    instance: Instance,
    limits: np.ndarray,
    support: np.ndarray,
) -> _Prices:
    m = len(instance.municipalities)
    reduced = scores - np.outer(instance.sizes, prices[:m]) - np.outer(instance.minors, prices[m:])
    best = reduced.max(axis=1)
    bound = float(best.sum() + prices @ limits)
    return _Prices(prices[:m], prices[m:], best, reduced, best, bound, support)


def _descend(
    prices: _Prices, instance: Instance, allowed: np.ndarray, lower: float, deadline: float
) -> _Prices:
    """Subgradient steps on the exact Lagrangian over every pair (Polyak's step towards
    the best assignment known), from the relaxation's prices, while time allows; the
    lowest bound met is kept."""
    scores = np.where(allowed, instance.scores, -np.inf)
    limits = np.concatenate([instance.capacity_persons, instance.capacity_minors])
    m = len(instance.municipalities)
    current = np.concatenate([prices.persons, prices.minors])
    best, factor, stale = prices, 1.0, 0
    for _ in range(MAX_DESCENT_STEPS):
        if time.perf_counter() > deadline or best.bound - lower <= TOLERANCE:
            break
        reduced = (
            scores - np.outer(instance.sizes, current[:m]) - np.outer(instance.minors, current[m:])
        )
        chosen = reduced.argmax(axis=1)
        bound = float(reduced[np.arange(len(chosen)), chosen].sum() + current @ limits)
        if bound < best.bound - TOLERANCE:
            best, stale = _prices_at(current, scores, instance, limits, prices.support), 0
        else:
            stale += 1
            if stale >= 3:
                factor, stale = factor / 2, 0
        used = np.concatenate(
            [
                np.bincount(chosen, instance.sizes, minlength=m),
                np.bincount(chosen, instance.minors, minlength=m),
            ]
        )
        step = limits - used
        norm = float(step @ step)
        if norm == 0:
            break
        current = np.maximum(current - factor * (bound - lower) / norm * step, 0.0)
    return best


MAX_DESCENT_STEPS = 200


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


def _cannot_fit_split() -> Reason:
    return Reason(
        "cannot_fit",
        "Kapasitetene rommer ikke alle sakene, selv om sakene kunne deles: sammen sett er "
        "plassene for personer, enslige mindreårige eller helsekompetanse for få der sakene "
        "kan bo.",
        "The capacities cannot hold all cases even if cases could be split: taken together "
        "the places for persons, unaccompanied minors or health competence are too few "
        "where the cases may go.",
    )


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
    from HiGHS over every eligible pair; none proves the instance infeasible."""
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


def _top_columns(values: np.ndarray, count: int) -> np.ndarray:
    """The `count` largest finite entries of each row."""
    count = min(count, values.shape[1])
    top = np.argpartition(-values, count - 1, axis=1)[:, :count]
    chosen = np.zeros(values.shape, dtype=bool)
    np.put_along_axis(chosen, top, True, axis=1)
    return chosen & np.isfinite(values)
