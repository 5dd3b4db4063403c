"""Whole-case assignments from the prices: a greedy rounding guided by the reduced
scores, then a small integer programme over the cases whose choice is contested."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

# A case whose best municipality beats its second by less than this (per person) is
# indifferent at the prices: it waits until the decided cases are placed.
INDIFFERENT = 0.01
POLISHED_CASES = 1000
POLISHED_CHOICES = 4
MOVE_PASSES = 6


def by_regret(
    scores: np.ndarray,
    reduced: np.ndarray,
    sizes: np.ndarray,
    minors: np.ndarray,
    limits: np.ndarray,
) -> np.ndarray | None:
    """Each case to its best reduced-score municipality that still has room: the cases
    that lose most by going elsewhere first, then the indifferent ones, larger first so
    that they fit; None when some case finds no room."""
    m = reduced.shape[1]
    room, room_minors = limits[:m].copy(), limits[m:].copy()
    order = _order(reduced, sizes, minors)
    assignment = np.full(len(sizes), -1)
    for i in order:
        fits = (room >= sizes[i]) & (room_minors >= minors[i]) & np.isfinite(scores[i])
        if not fits.any():
            return None
        j = int(np.argmax(np.where(fits, reduced[i], -np.inf)))
        assignment[i] = j
        room[j] -= sizes[i]
        room_minors[j] -= minors[i]
    return assignment


def _order(reduced: np.ndarray, sizes: np.ndarray, minors: np.ndarray) -> np.ndarray:
    if reduced.shape[1] < 2:
        return np.lexsort((-sizes, -minors))
    top_two = -np.partition(-reduced, 1, axis=1)[:, :2]
    regret = np.nan_to_num(top_two[:, 0] - top_two[:, 1], posinf=1e9)
    decided = np.where(regret > INDIFFERENT * sizes, regret / sizes, 0.0)
    return np.lexsort((-regret, -sizes, -minors, -decided))


def moved(
    scores: np.ndarray,
    assignment: np.ndarray,
    sizes: np.ndarray,
    minors: np.ndarray,
    limits: np.ndarray,
    passes: int = MOVE_PASSES,
) -> np.ndarray:
    """The assignment improved by moving cases, one at a time, to a municipality with room
    where they score more (the largest gains first), pass after pass until none does."""
    n, m = scores.shape
    rows = np.arange(n)
    assignment = assignment.copy()
    for _ in range(passes):
        room = limits[:m] - np.bincount(assignment, sizes, m)
        room_minors = limits[m:] - np.bincount(assignment, minors, m)
        gain = scores - scores[rows, assignment][:, None]
        gain[(room[None, :] < sizes[:, None]) | (room_minors[None, :] < minors[:, None])] = -np.inf
        target = gain.argmax(axis=1)
        best = gain[rows, target]
        improving = np.flatnonzero(best > 1e-12)
        if not len(improving):
            break
        for i in improving[np.argsort(-best[improving], kind="stable")]:
            j = target[i]
            if room[j] >= sizes[i] and room_minors[j] >= minors[i]:
                room[assignment[i]] += sizes[i]
                room_minors[assignment[i]] += minors[i]
                room[j] -= sizes[i]
                room_minors[j] -= minors[i]
                assignment[i] = j
    return assignment


def polish(
    scores: np.ndarray,
    reduced: np.ndarray,
    assignment: np.ndarray,
    sizes: np.ndarray,
    minors: np.ndarray,
    limits: np.ndarray,
    time_limit: float,
    cases: int = POLISHED_CASES,
) -> np.ndarray:
    """A better assignment, or the same: the cases that lost by the rounding and the most
    indifferent ones are re-placed by HiGHS among their few best municipalities (and
    where they are), with every other case kept where it is."""
    n, m = reduced.shape
    rows = np.arange(n)
    loss = reduced.max(axis=1) - reduced[rows, assignment]
    free = _contested(reduced, loss, cases)
    kept = np.ones(n, dtype=bool)
    kept[free] = False
    used = np.concatenate(
        [
            np.bincount(assignment[kept], sizes[kept], m),
            np.bincount(assignment[kept], minors[kept], m),
        ]
    )
    columns = _choices(reduced[free], assignment[free])
    local, cols = np.nonzero(columns)
    chosen = _best_choice(
        scores[free[local], cols],
        local,
        cols,
        sizes[free[local]],
        minors[free[local]],
        limits - used,
        len(free),
        time_limit,
    )
    if chosen is None:
        return assignment
    improved = assignment.copy()
    improved[free[local[chosen]]] = cols[chosen]
    before = scores[rows, assignment].sum()
    return improved if scores[rows, improved].sum() > before else assignment


def _contested(reduced: np.ndarray, loss: np.ndarray, cases: int) -> np.ndarray:
    if reduced.shape[1] < 2:
        return np.arange(min(cases, len(loss)))
    top_two = -np.partition(-reduced, 1, axis=1)[:, :2]
    regret = np.nan_to_num(top_two[:, 0] - top_two[:, 1], posinf=1e9)
    priority = np.where(loss > 1e-9, -1.0, regret)
    return np.argsort(priority, kind="stable")[:cases]


def _choices(reduced: np.ndarray, current: np.ndarray) -> np.ndarray:
    count = min(POLISHED_CHOICES, reduced.shape[1])
    top = np.argpartition(-reduced, count - 1, axis=1)[:, :count]
    chosen = np.zeros(reduced.shape, dtype=bool)
    np.put_along_axis(chosen, top, True, axis=1)
    chosen &= np.isfinite(reduced)
    chosen[np.arange(len(current)), current] = True
    return chosen


def _best_choice(
    profit: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    sizes: np.ndarray,
    minors: np.ndarray,
    room: np.ndarray,
    cases: int,
    time_limit: float,
) -> np.ndarray | None:
    """Which of the given pairs HiGHS chooses (one per case, within the room)."""
    k, m = len(rows), len(room) // 2
    pairs = np.arange(k)
    one_each = sparse.csr_matrix((np.ones(k), (rows, pairs)), shape=(cases, k))
    capacity = sparse.vstack(
        [
            sparse.csr_matrix((sizes, (cols, pairs)), shape=(m, k)),
            sparse.csr_matrix((minors, (cols, pairs)), shape=(m, k)),
        ]
    ).tocsr()
    result = milp(
        -profit,
        integrality=np.ones(k),
        bounds=Bounds(0, 1),
        constraints=[
            LinearConstraint(one_each, np.ones(cases), np.ones(cases)),
            LinearConstraint(capacity, -np.inf, room),
        ],
        options={"time_limit": max(time_limit, 0.1), "mip_rel_gap": 1e-6, "disp": False},
    )
    if result.x is None:
        return None
    return np.asarray(result.x > 0.5)
