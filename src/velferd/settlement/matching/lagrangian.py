"""The upper bound: the Lagrangian dual of the capacities, minimised fast.

For prices x = (lam, mu) >= 0 on the persons and the minors capacities, every whole-case
assignment scores at most
    L(x) = sum_j (P_j lam_j + U_j mu_j) + sum_i max_j (c_ij - s_i lam_j - u_i mu_j),
the max over the pairs case i may use; its minimum equals the linear relaxation's
optimum. The bound reported is always L computed exactly over every allowed pair, so any
prices give a valid bound: the search only has to make it small.

The search minimises a smoothed L (the max replaced by a log-sum-exp at temperature T,
which is convex and differentiable) with L-BFGS-B: first on a sample of the cases with
their share of the capacities (cheap, and it puts the prices near their optimum), then
in boxes around the current prices over only the pairs that can be a case's best inside
the box, cooling T each round."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

SAMPLED_CASES = 1000
SAMPLE_ROUNDS = ((0.03, 25), (0.01, 25), (0.003, 25))
# (temperature, box width, L-BFGS-B steps): cooled round by round; the last repeats
# while time allows.
BOX_ROUNDS = (
    (0.002, 0.008, 40),
    (0.0007, 0.008, 40),
    (0.0003, 0.006, 50),
    (0.0001, 0.006, 50),
    (0.00005, 0.005, 50),
    (0.00003, 0.005, 50),
)


@dataclass(frozen=True)
class Arrays:
    """The instance as the bound needs it: `scores` is -inf where a pair is not allowed."""

    scores: np.ndarray
    sizes: np.ndarray
    minors: np.ndarray
    limits: np.ndarray

    @property
    def municipalities(self) -> int:
        return self.scores.shape[1]


@dataclass(frozen=True)
class Priced:
    prices: np.ndarray
    bound: float
    reduced: np.ndarray
    best: np.ndarray


def reduced_scores(arrays: Arrays, prices: np.ndarray) -> np.ndarray:
    m = arrays.municipalities
    reduced = arrays.scores - np.outer(arrays.sizes, prices[:m])
    with_minors = arrays.minors > 0
    if with_minors.any():
        reduced[with_minors] -= np.outer(arrays.minors[with_minors], prices[m:])
    return reduced


def exact(arrays: Arrays, prices: np.ndarray) -> Priced:
    """L at the prices, over every allowed pair: a valid upper bound."""
    reduced = reduced_scores(arrays, prices)
    best = reduced.max(axis=1)
    return Priced(prices, float(best.sum() + prices @ arrays.limits), reduced, best)


def minimise(arrays: Arrays, deadline: float, seed: int = 0) -> Priced:
    """Prices with a small exact bound, found before the deadline (the lowest met)."""
    upper = _price_ceiling(arrays)
    prices = _sampled_prices(arrays, upper, seed, deadline)
    best = exact(arrays, prices)
    current = best
    for temperature, width, steps in _rounds():
        if time.perf_counter() > deadline:
            break
        low = np.maximum(current.prices - width, 0.0)
        high = np.minimum(current.prices + width, upper)
        rows, cols = _pairs_within(arrays, current, width)
        smoothed = _Smoothed(arrays, rows, cols, arrays.limits)
        prices = smoothed.minimise(current.prices, temperature, steps, low, high, deadline)
        current = exact(arrays, prices)
        if current.bound < best.bound:
            best = current
    return best


def _rounds() -> Iterator[tuple[float, float, int]]:
    yield from BOX_ROUNDS
    for _ in range(MORE_ROUNDS):
        yield BOX_ROUNDS[-1]


MORE_ROUNDS = 20


def _price_ceiling(arrays: Arrays) -> np.ndarray:
    """No price above the most a pair is worth per person (or per minor) is ever needed;
    the ceiling keeps the search bounded on a sample that could not hold its cases."""
    finite = np.where(np.isfinite(arrays.scores), arrays.scores, 0.0)
    top = float(finite.max()) if finite.size else 0.0
    return np.full(len(arrays.limits), max(top, 1.0) * 2)


def _sampled_prices(
    arrays: Arrays, upper: np.ndarray, seed: int, deadline: float = np.inf
) -> np.ndarray:
    n = len(arrays.sizes)
    if n > SAMPLED_CASES:
        chosen = np.random.default_rng(seed).choice(n, SAMPLED_CASES, replace=False)
        share = SAMPLED_CASES / n
    else:
        chosen, share = np.arange(n), 1.0
    sample = Arrays(
        arrays.scores[chosen], arrays.sizes[chosen], arrays.minors[chosen], arrays.limits * share
    )
    smoothed = _DenseSmoothed(sample)
    prices = np.zeros(len(arrays.limits))
    for temperature, steps in SAMPLE_ROUNDS:
        prices = smoothed.minimise(
            prices, temperature, steps, np.zeros_like(prices), upper, deadline
        )
    return prices


def _pairs_within(arrays: Arrays, priced: Priced, width: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs that can be their case's best for prices within `width` of the current:
    a reduced score moves by at most (persons + minors) * width each way."""
    reach = 2 * width * (arrays.sizes + arrays.minors)
    rows, cols = np.nonzero(priced.reduced >= (priced.best - reach)[:, None])
    return rows, cols


class _Minimised:
    def value(self, prices: np.ndarray, temperature: float) -> tuple[float, np.ndarray]:
        raise NotImplementedError

    def minimise(
        self,
        prices: np.ndarray,
        temperature: float,
        steps: int,
        low: np.ndarray,
        high: np.ndarray,
        deadline: float = np.inf,
    ) -> np.ndarray:
        def stop_at_deadline(_: object) -> None:
            if time.perf_counter() > deadline:
                raise StopIteration

        result = minimize(
            self.value,
            np.clip(prices, low, high),
            args=(temperature,),
            jac=True,
            method="L-BFGS-B",
            bounds=list(zip(low, high, strict=True)),
            options={"maxiter": steps, "maxfun": steps + steps // 2},
            callback=stop_at_deadline,
        )
        return np.asarray(result.x)


class _DenseSmoothed(_Minimised):
    """The smoothed L over every pair of a small instance, as a matrix (faster there)."""

    def __init__(self, arrays: Arrays):
        self.arrays = arrays
        self.with_minors = arrays.minors > 0

    def value(self, prices: np.ndarray, temperature: float) -> tuple[float, np.ndarray]:
        arrays, m = self.arrays, self.arrays.municipalities
        weights = reduced_scores(arrays, prices)
        best = weights.max(axis=1)
        weights -= best[:, None]
        weights /= temperature
        np.exp(weights, out=weights)
        total = weights.sum(axis=1)
        weights /= total[:, None]
        value = float((best + temperature * np.log(total)).sum() + prices @ arrays.limits)
        used = np.concatenate(
            [
                arrays.sizes @ weights,
                arrays.minors[self.with_minors] @ weights[self.with_minors]
                if self.with_minors.any()
                else np.zeros(m),
            ]
        )
        return value, arrays.limits - used


class _Smoothed(_Minimised):
    """L with each case's max replaced by T * log-sum-exp over the given pairs (sorted by
    case, every case with at least one), its value and gradient in the prices."""

    def __init__(self, arrays: Arrays, rows: np.ndarray, cols: np.ndarray, limits: np.ndarray):
        m = arrays.municipalities
        self.limits, self.size = limits, 2 * m
        self.scores = arrays.scores[rows, cols]
        self.persons = arrays.sizes[rows]
        self.cols = cols
        with_minors = arrays.minors[rows] > 0
        self.minor_at = np.flatnonzero(with_minors)
        self.minor_cols = cols[with_minors] + m
        self.minor_counts = arrays.minors[rows][with_minors]
        self.starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        self.lengths = np.diff(np.r_[self.starts, len(rows)])

    def value(self, prices: np.ndarray, temperature: float) -> tuple[float, np.ndarray]:
        reduced = self.scores - self.persons * prices[self.cols]
        reduced[self.minor_at] -= self.minor_counts * prices[self.minor_cols]
        best = np.maximum.reduceat(reduced, self.starts)
        weights = np.exp((reduced - np.repeat(best, self.lengths)) / temperature)
        total = np.add.reduceat(weights, self.starts)
        weights /= np.repeat(total, self.lengths)
        value = float((best + temperature * np.log(total)).sum() + prices @ self.limits)
        used = np.bincount(self.cols, weights * self.persons, self.size)
        used += np.bincount(self.minor_cols, weights[self.minor_at] * self.minor_counts, self.size)
        return value, self.limits - used
