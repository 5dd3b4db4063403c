"""The estimator's question and its answer, shared by the command line, the platform and the API.

Everything here is plain data that serialises to JSON with `asdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Question:
    """Which column holds the treatment, which value is the control, what is compared."""

    treatment: str
    control: str
    outcome: str
    covariates: tuple[str, ...]
    by: tuple[str, ...] = ()
    seed: int = 0
    folds: int = 2


@dataclass(frozen=True)
class GroupEffect:
    """One treatment value against the control in one group: `all` or `COLUMN=VALUE`."""

    treatment: str
    group: str
    effect: float
    ci_low: float
    ci_high: float
    n_treated: int
    n_control: int
    naive_difference: float


@dataclass(frozen=True)
class Balance:
    """A covariate's standardised mean difference, treated against control."""

    covariate: str
    smd_before: float
    smd_after: float


@dataclass(frozen=True)
class Overlap:
    """The propensity scores of the treated and the controls, as counts per bin."""

    treatment: str
    bin_edges: tuple[float, ...]
    treated_counts: tuple[int, ...]
    control_counts: tuple[int, ...]
    share_outside: float
    warning: bool
    clipped: int = 0


@dataclass(frozen=True)
class PolicyNode:
    """A node of the policy tree: a split on a covariate, or a leaf that names a treatment."""

    n: int
    feature: str | None = None
    threshold: float | None = None
    left: PolicyNode | None = None
    right: PolicyNode | None = None
    treatment: str | None = None


@dataclass(frozen=True)
class PolicyGain:
    """Mean outcome under the tree's allocation against today's, with a 95 % interval."""

    gain: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class Estimates:
    effects: tuple[GroupEffect, ...]
    overlap: tuple[Overlap, ...] = ()
    balance: dict[str, tuple[Balance, ...]] = field(default_factory=dict)
    policy_tree: PolicyNode | None = None
    policy_gain: PolicyGain | None = None
    rows: int = 0
    seconds: float = 0.0
    control: str = ""
    folds: int = 0
    warnings: tuple[str, ...] = ()
