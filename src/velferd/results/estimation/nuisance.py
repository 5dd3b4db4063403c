"""Cross-fitted nuisance models: the propensity of every arm and the outcome under every arm.

Each person's predictions come from models that never saw that person (K-fold cross-fitting,
Chernozhukov et al. 2018), so the flexible models' overfitting does not leak into the scores.

The propensity is one multiclass model over all arms rather than one binary model per arm
against the control: its probabilities are coherent (they sum to one for every person), the
covariates are binned once, and every arm's propensity is learnt from everyone, not only from
the people in that arm and the control.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor


@dataclass(frozen=True)
class Tuning:
    """Settings of the gradient-boosted trees; chosen so a million rows fit in a minute."""

    max_iter: int = 60
    learning_rate: float = 0.1
    max_leaf_nodes: int = 7
    min_samples_leaf: int = 100
    max_bins: int = 63
    # The propensity model, the dearest (one tree per arm per round), learns from at most this
    # many people of the training folds, drawn at random; every person still gets a prediction.
    propensity_rows: int = 250_000


@dataclass(frozen=True)
class Nuisance:
    """Out-of-fold predictions: propensity[i, a] and outcome mean[i, a] for every arm a."""

    propensity: np.ndarray
    outcome_mean: np.ndarray


def fold_of_each_row(n: int, folds: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.permutation(n) % folds).astype(np.int32)


def cross_fit(
    covariates: np.ndarray,
    arm: np.ndarray,
    outcome: np.ndarray,
    n_arms: int,
    folds: np.ndarray,
    seed: int,
    tuning: Tuning = Tuning(),
) -> Nuisance:
    n = len(arm)
    propensity = np.empty((n, n_arms), dtype=np.float64)
    outcome_mean = np.empty((n, n_arms), dtype=np.float64)
    binary = bool(np.isin(outcome, (0.0, 1.0)).all())
    for fold in range(int(folds.max()) + 1):
        held_out = folds == fold
        train = ~held_out
        learn = _at_most(np.flatnonzero(train), tuning.propensity_rows, seed + fold)
        propensity[held_out] = _propensity(
            covariates[learn], arm[learn], covariates[held_out], n_arms, seed, tuning
        )
        for a in range(n_arms):
            in_arm = train & (arm == a)
            if not in_arm.any():  # an arm too small to appear in every fold
                in_arm = arm == a
            outcome_mean[held_out, a] = _outcome(
                covariates[in_arm], outcome[in_arm], covariates[held_out], binary, seed, tuning
            )
    return Nuisance(propensity, outcome_mean)


def _at_most(rows: np.ndarray, limit: int, seed: int) -> np.ndarray:
    if len(rows) <= limit:
        return rows
    chosen = np.random.default_rng(seed).choice(rows, limit, replace=False)
    return np.sort(chosen)


def _propensity(
    x_train: np.ndarray,
    arm_train: np.ndarray,
    x_predict: np.ndarray,
    n_arms: int,
    seed: int,
    tuning: Tuning,
) -> np.ndarray:
    model = HistGradientBoostingClassifier(**_settings(tuning, seed))
    model.fit(x_train, arm_train)
    probabilities = np.zeros((len(x_predict), n_arms))
    probabilities[:, model.classes_] = model.predict_proba(x_predict)
    return probabilities


def _outcome(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_predict: np.ndarray,
    binary: bool,
    seed: int,
    tuning: Tuning,
) -> np.ndarray:
    if binary:
        if np.unique(y_train).size < 2:
            return np.full(len(x_predict), float(y_train[0]))
        classifier = HistGradientBoostingClassifier(**_settings(tuning, seed))
        classifier.fit(x_train, y_train.astype(np.int8))
        return classifier.predict_proba(x_predict)[:, 1]
    regressor = HistGradientBoostingRegressor(**_settings(tuning, seed))
    regressor.fit(x_train, y_train)
    return regressor.predict(x_predict)


def _settings(tuning: Tuning, seed: int) -> dict[str, object]:
    return {
        "max_iter": tuning.max_iter,
        "learning_rate": tuning.learning_rate,
        "max_leaf_nodes": tuning.max_leaf_nodes,
        "min_samples_leaf": tuning.min_samples_leaf,
        "max_bins": tuning.max_bins,
        "early_stopping": False,
        "random_state": seed,
    }
