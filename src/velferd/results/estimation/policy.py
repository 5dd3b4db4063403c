"""A shallow policy tree on the doubly robust scores, and what following it would gain.

The tree (Athey & Wager 2021, the `policytree` approach) splits people on covariates into at
most four groups and gives each group the arm whose mean score is highest there: the arm
that, by the estimates, gets most of that group into work. The search is exhaustive at depth
2 over thresholds at the covariates' quantiles.

Honesty: the tree is learnt on one half of the people and its gain measured on the other
half, so the gain is not flattered by the search. The gain is the mean, over the evaluation
half, of Γ[i, tree(x_i)] − Y_i: the outcome under the tree's allocation minus the outcome
under today's; its interval comes from the variance of that difference.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .aipw import mean_with_interval
from .types import PolicyGain, PolicyNode

THRESHOLDS = 16
LEARNING_ROWS = 100_000


@dataclass(frozen=True)
class _Split:
    feature: int
    bin: int
    left_arm: int
    right_arm: int
    value: float


def policy_tree(
    covariates: np.ndarray,
    gamma: np.ndarray,
    outcome: np.ndarray,
    names: tuple[str, ...],
    arms: tuple[str, ...],
    seed: int,
) -> tuple[PolicyNode, PolicyGain]:
    rng = np.random.default_rng(seed + 1)
    half = rng.random(len(outcome)) < 0.5
    learn = np.flatnonzero(half)
    if len(learn) > LEARNING_ROWS:
        learn = rng.choice(learn, LEARNING_ROWS, replace=False)
    edges = [_quantile_edges(covariates[learn, j]) for j in range(covariates.shape[1])]
    tree = _learn(covariates[learn], gamma[learn], edges, names, arms)
    evaluate = ~half
    chosen = assign(tree, covariates[evaluate], names, arms)
    rows = np.arange(int(evaluate.sum()))
    interval = mean_with_interval(gamma[evaluate][rows, chosen] - outcome[evaluate])
    return tree, PolicyGain(interval.effect, interval.ci_low, interval.ci_high)


def _quantile_edges(column: np.ndarray) -> np.ndarray:
    levels = np.linspace(0, 1, THRESHOLDS + 1)[1:-1]
    return np.unique(np.quantile(column, levels))


def _codes(covariates: np.ndarray, edges: list[np.ndarray]) -> np.ndarray:
    """codes[i, j] = b means edges[j][b - 1] < x < = edges[j][b]: `x <= edges[j][b]` is code ≤ b."""
    codes = np.empty(covariates.shape, dtype=np.int64)
    for j, e in enumerate(edges):
        codes[:, j] = np.searchsorted(e, covariates[:, j], side="left")
    return codes


def _learn(
    covariates: np.ndarray,
    gamma: np.ndarray,
    edges: list[np.ndarray],
    names: tuple[str, ...],
    arms: tuple[str, ...],
) -> PolicyNode:
    codes = _codes(covariates, edges)
    sizes = [len(e) + 1 for e in edges]
    best: tuple[float, int, int, _Split, _Split] | None = None
    for j in range(codes.shape[1]):
        left_best, right_best = _best_children(codes, gamma, j, sizes)
        for b in range(sizes[j] - 1):
            value = left_best[b].value + right_best[b].value
            if best is None or value > best[0]:
                best = (value, j, b, left_best[b], right_best[b])
    if best is None:
        return _leaf(len(gamma), int(np.argmax(gamma.sum(axis=0))), arms)
    _, j, b, left, right = best
    on_left = codes[:, j] <= b
    return PolicyNode(
        n=len(gamma),
        feature=names[j],
        threshold=float(edges[j][b]),
        left=_node(left, codes[on_left], edges, names, arms),
        right=_node(right, codes[~on_left], edges, names, arms),
    )


def _best_children(
    codes: np.ndarray, gamma: np.ndarray, j: int, sizes: list[int]
) -> tuple[list[_Split], list[_Split]]:
    """For every threshold b on feature j, the best depth-1 tree on each side of it."""
    n_arms = gamma.shape[1]
    left_best: list[_Split | None] = [None] * (sizes[j] - 1)
    right_best: list[_Split | None] = [None] * (sizes[j] - 1)
    for k in range(codes.shape[1]):
        joint = codes[:, j] * sizes[k] + codes[:, k]
        table = np.stack(
            [np.bincount(joint, gamma[:, a], sizes[j] * sizes[k]) for a in range(n_arms)], -1
        ).reshape(sizes[j], sizes[k], n_arms)
        below = np.cumsum(table, axis=0)[:-1]  # [b, code_k, arm]: people with code_j ≤ b
        above = table.sum(axis=0)[None] - below
        for side, best in ((below, left_best), (above, right_best)):
            value, split_bin, left_arm, right_arm = _best_stump(side)
            for b in range(len(best)):
                current = best[b]
                if current is None or value[b] > current.value:
                    best[b] = _Split(
                        k, int(split_bin[b]), int(left_arm[b]), int(right_arm[b]), value[b]
                    )
    return [s for s in left_best if s], [s for s in right_best if s]


def _best_stump(
    side: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """side[b, code_k, arm] summed scores; the best split on k for every b, vectorised."""
    cumulative = np.cumsum(side, axis=1)
    total = cumulative[:, -1:, :]
    value = cumulative.max(axis=2) + (total - cumulative).max(axis=2)
    split_bin = value.argmax(axis=1)
    rows = np.arange(len(side))
    left_arm = cumulative[rows, split_bin].argmax(axis=1)
    right_arm = (total[:, 0] - cumulative[rows, split_bin]).argmax(axis=1)
    return value[rows, split_bin], split_bin, left_arm, right_arm


def _node(
    split: _Split,
    codes: np.ndarray,
    edges: list[np.ndarray],
    names: tuple[str, ...],
    arms: tuple[str, ...],
) -> PolicyNode:
    on_left = codes[:, split.feature] <= split.bin
    n_left = int(on_left.sum())
    last_bin = split.bin >= len(edges[split.feature])
    if split.left_arm == split.right_arm or last_bin or n_left in (0, len(codes)):
        arm = split.left_arm if n_left else split.right_arm
        return _leaf(len(codes), arm, arms)
    return PolicyNode(
        n=len(codes),
        feature=names[split.feature],
        threshold=float(edges[split.feature][split.bin]),
        left=_leaf(n_left, split.left_arm, arms),
        right=_leaf(len(codes) - n_left, split.right_arm, arms),
    )


def _leaf(n: int, arm: int, arms: tuple[str, ...]) -> PolicyNode:
    return PolicyNode(n=n, treatment=arms[arm])


def assign(
    tree: PolicyNode, covariates: np.ndarray, names: tuple[str, ...], arms: tuple[str, ...]
) -> np.ndarray:
    """The arm (as its index) the tree gives each row."""
    if tree.treatment is not None:
        return np.full(len(covariates), arms.index(tree.treatment), dtype=np.int64)
    assert tree.left is not None and tree.right is not None
    assert tree.feature is not None and tree.threshold is not None
    on_left = covariates[:, names.index(tree.feature)].astype(np.float64) <= tree.threshold
    chosen = np.empty(len(covariates), dtype=np.int64)
    chosen[on_left] = assign(tree.left, covariates[on_left], names, arms)
    chosen[~on_left] = assign(tree.right, covariates[~on_left], names, arms)
    return chosen
