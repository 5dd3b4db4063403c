"""Overlap and balance: can the data compare each scheme with the control, and do the weights
make the two groups alike?

Both look at one scheme and the control at a time, through the pairwise propensity
p = e_scheme / (e_scheme + e_control): the probability of the scheme for someone who got
either the scheme or the control.
"""

from __future__ import annotations

import numpy as np

from .types import Balance, Overlap

BINS = 20
OVERLAP_BOUNDS = (0.01, 0.99)
# More than this share of the compared people outside the bounds and overlap is called failed.
OVERLAP_WARNING_SHARE = 0.01


def pairwise_propensity(propensity: np.ndarray, rows: np.ndarray, a: int) -> np.ndarray:
    scheme, control = propensity[rows, a], propensity[rows, 0]
    return scheme / np.maximum(scheme + control, 1e-12)


def overlap(
    name: str, propensity: np.ndarray, arm: np.ndarray, a: int, clipped: np.ndarray
) -> Overlap:
    rows = (arm == a) | (arm == 0)
    p = pairwise_propensity(propensity, rows, a)
    treated = arm[rows] == a
    edges = np.linspace(0.0, 1.0, BINS + 1)
    low, high = OVERLAP_BOUNDS
    share_outside = float(((p < low) | (p > high)).mean()) if len(p) else 0.0
    return Overlap(
        treatment=name,
        bin_edges=tuple(float(e) for e in edges),
        treated_counts=tuple(int(c) for c in np.histogram(p[treated], edges)[0]),
        control_counts=tuple(int(c) for c in np.histogram(p[~treated], edges)[0]),
        share_outside=share_outside,
        warning=share_outside > OVERLAP_WARNING_SHARE,
        clipped=int((clipped[rows, a] | clipped[rows, 0]).sum()),
    )


def balance(
    names: tuple[str, ...], covariates: np.ndarray, propensity: np.ndarray, arm: np.ndarray, a: int
) -> tuple[Balance, ...]:
    rows = (arm == a) | (arm == 0)
    p = np.clip(pairwise_propensity(propensity, rows, a), *OVERLAP_BOUNDS)
    treated = arm[rows] == a
    weights = np.where(treated, 1.0 / p, 1.0 / (1.0 - p))
    x = covariates[rows].astype(np.float64)
    result = []
    for j, name in enumerate(names):
        column = x[:, j]
        spread = np.sqrt((column[treated].var() + column[~treated].var()) / 2)
        before = column[treated].mean() - column[~treated].mean()
        after = _weighted_mean(column, weights, treated) - _weighted_mean(column, weights, ~treated)
        result.append(Balance(name, _ratio(before, spread), _ratio(after, spread)))
    return tuple(result)


def _weighted_mean(column: np.ndarray, weights: np.ndarray, mask: np.ndarray) -> float:
    return float(np.average(column[mask], weights=weights[mask])) if mask.any() else np.nan


def _ratio(difference: float, spread: float) -> float:
    return float(difference / spread) if spread > 0 else 0.0
