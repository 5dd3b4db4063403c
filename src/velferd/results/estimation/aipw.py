"""Doubly robust (AIPW) scores and the effects they give, with intervals from their variance.

For arm a the score of person i is

    Γ[i, a] = μ_a(x_i) + 1{T_i = a} · (Y_i − μ_a(x_i)) / e_a(x_i)

whose mean is the mean outcome had everyone been given arm a. The effect of arm a against the
control in a group is the mean of Γ[:, a] − Γ[:, 0] over the group; that difference is the
efficient influence function (plus the effect), so its standard deviation over √n is the
standard error (Robins, Rotnitzky & Zhao 1994; Chernozhukov et al. 2018).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Z_95 = 1.959963984540054
CLIP = 0.01


@dataclass(frozen=True)
class Interval:
    effect: float
    ci_low: float
    ci_high: float


def clip_propensity(propensity: np.ndarray, bound: float = CLIP) -> tuple[np.ndarray, np.ndarray]:
    """Propensities held inside [bound, 1 − bound]; also says which rows were clipped per arm."""
    clipped = (propensity < bound) | (propensity > 1 - bound)
    return np.clip(propensity, bound, 1 - bound), clipped


def scores(
    arm: np.ndarray, outcome: np.ndarray, propensity: np.ndarray, outcome_mean: np.ndarray
) -> np.ndarray:
    gamma = outcome_mean.copy()
    rows = np.arange(len(arm))
    observed = outcome_mean[rows, arm]
    gamma[rows, arm] += (outcome - observed) / propensity[rows, arm]
    return gamma


def mean_with_interval(values: np.ndarray) -> Interval:
    n = len(values)
    if n == 0:
        return Interval(np.nan, np.nan, np.nan)
    mean = float(values.mean())
    if n < 2:
        return Interval(mean, np.nan, np.nan)
    half = Z_95 * float(values.std(ddof=1)) / np.sqrt(n)
    return Interval(mean, float(mean - half), float(mean + half))


def naive_difference(outcome: np.ndarray, treated: np.ndarray, control: np.ndarray) -> float:
    if not treated.any() or not control.any():
        return float("nan")
    return float(outcome[treated].mean() - outcome[control].mean())
