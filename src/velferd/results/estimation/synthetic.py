"""Synthetic jobseekers with known effects, for proving the estimator (tests and benchmark).

People with worse prospects (health problems, long out of work, little education) get
training and work practice more often and wage subsidies less often, and they find work less
often anyway: the naive difference in means makes training look worse and wage subsidies
better than they are. The true effect differs by group (wage subsidies help immigrants more,
training helps the low-educated more), and is known exactly for every person.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CONTROL = "none"
SCHEMES = ("wage_subsidy", "training", "work_practice", "job_search")
NAMED_COVARIATES = ("age_band", "female", "education", "immigrant", "health", "months_out")


@dataclass(frozen=True)
class Synthetic:
    columns: dict[str, np.ndarray]
    covariates: tuple[str, ...]
    true_effect: dict[str, np.ndarray]  # per scheme: each person's effect on P(in work)

    def truth(self, scheme: str, group: str) -> float:
        """The true effect of a scheme in `all` or `COLUMN=VALUE`: the mean over its people."""
        effect = self.true_effect[scheme]
        if group == "all":
            return float(effect.mean())
        column, value = group.split("=", 1)
        return float(effect[self.columns[column] == float(value)].mean())


def generate(n: int, covariates: int = 20, schemes: int = 3, seed: int = 0) -> Synthetic:
    """`schemes` schemes plus the control; `covariates` columns (at least the six named)."""
    rng = np.random.default_rng(seed)
    x = _people(rng, n, max(covariates, len(NAMED_COVARIATES)))
    prospects = (
        0.4 * x["education"] - 0.8 * x["health"] - 0.08 * x["months_out"] - 0.15 * x["age_band"]
    )
    names = SCHEMES[:schemes]
    logits = np.column_stack(
        [np.zeros(n)] + [_assignment_logit(name, prospects, x) for name in names]
    )
    arm = _draw_arm(rng, logits)
    base = 0.1 + 0.7 / (1 + np.exp(-(prospects + 0.3 * x["noise_1"])))
    effects = {name: _true_effect(name, x) for name in names}
    chance = base.copy()
    for a, name in enumerate(names, start=1):
        chance[arm == a] += effects[name][arm == a]
    outcome = (rng.random(n) < chance).astype(np.float64)
    labels = np.array((CONTROL, *names))
    columns = {**x, "scheme": labels[arm], "in_work": outcome}
    return Synthetic(columns, tuple(x), effects)


def _people(rng: np.random.Generator, n: int, covariates: int) -> dict[str, np.ndarray]:
    x = {
        "age_band": rng.integers(0, 5, n).astype(np.float64),
        "female": rng.integers(0, 2, n).astype(np.float64),
        "education": rng.choice(3, n, p=(0.3, 0.45, 0.25)).astype(np.float64),
        "immigrant": (rng.random(n) < 0.25).astype(np.float64),
        "health": (rng.random(n) < 0.3).astype(np.float64),
        "months_out": np.round(rng.gamma(2.0, 4.0, n), 1),
    }
    for j in range(1, covariates - len(NAMED_COVARIATES) + 1):
        x[f"noise_{j}"] = np.round(rng.normal(size=n), 3)
    if "noise_1" not in x:
        x["noise_1"] = np.zeros(n)
    return x


def _assignment_logit(name: str, prospects: np.ndarray, x: dict[str, np.ndarray]) -> np.ndarray:
    if name == "wage_subsidy":
        return -0.2 + 0.9 * prospects
    if name == "training":
        return -1.0 - 0.7 * prospects + 0.4 * x["immigrant"]
    if name == "work_practice":
        return -1.2 - 0.9 * prospects
    return -0.8 + 0.2 * x["female"]


def _draw_arm(rng: np.random.Generator, logits: np.ndarray) -> np.ndarray:
    probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    cumulative = probabilities.cumsum(axis=1)
    arm = (rng.random(len(logits))[:, None] > cumulative).sum(axis=1)
    return np.minimum(arm, logits.shape[1] - 1)


def _true_effect(name: str, x: dict[str, np.ndarray]) -> np.ndarray:
    if name == "wage_subsidy":
        return 0.08 + 0.06 * x["immigrant"] - 0.02 * x["health"]
    if name == "training":
        return 0.01 + 0.07 * (x["education"] == 0) + 0.03 * x["immigrant"]
    if name == "work_practice":
        return 0.03 + 0.04 * x["health"] - 0.01 * (x["age_band"] >= 3)
    return 0.02 + 0.0 * x["female"]
