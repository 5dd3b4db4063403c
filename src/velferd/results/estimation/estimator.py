"""`estimate`: every scheme against the control, overall and per group, with diagnostics."""

from __future__ import annotations

import time
from collections.abc import Mapping

import numpy as np
from threadpoolctl import threadpool_limits

from . import aipw, diagnostics
from .data import Prepared, prepare
from .nuisance import Tuning, cross_fit, fold_of_each_row
from .policy import policy_tree
from .types import Estimates, GroupEffect, Question

PARALLEL_FROM_ROWS = 100_000


def estimate(
    columns: Mapping[str, np.ndarray], question: Question, tuning: Tuning | None = None
) -> Estimates:
    """AIPW with K-fold cross-fitting; see docs/effects.md for the method and its assumptions.

    A group with no treated or no control people gets NaN for its effect and interval
    (null in JSON): there is nothing to compare in it.
    """
    started = time.perf_counter()
    data = prepare(columns, question)
    # Below this size the trees' threads cost more in waiting than they save, badly so on a
    # busy machine: one thread each.
    threads = 1 if len(data.arm) < PARALLEL_FROM_ROWS else None
    with threadpool_limits(limits=threads, user_api="openmp"):
        return _estimate(data, question, tuning or Tuning(), started)


def _estimate(data: Prepared, question: Question, tuning: Tuning, started: float) -> Estimates:
    folds = fold_of_each_row(len(data.arm), question.folds, question.seed)
    nuisance = cross_fit(
        data.covariates,
        data.arm,
        data.outcome,
        len(data.arms),
        folds,
        question.seed,
        tuning,
    )
    propensity, clipped = aipw.clip_propensity(nuisance.propensity)
    gamma = aipw.scores(data.arm, data.outcome, propensity, nuisance.outcome_mean)
    tree, gain = policy_tree(
        data.covariates, gamma, data.outcome, data.covariate_names, data.arms, question.seed
    )
    overlaps = tuple(
        diagnostics.overlap(name, nuisance.propensity, data.arm, a, clipped)
        for a, name in enumerate(data.arms)
        if a > 0
    )
    return Estimates(
        effects=_effects(data, gamma),
        overlap=overlaps,
        balance={
            name: diagnostics.balance(
                data.covariate_names, data.covariates, nuisance.propensity, data.arm, a
            )
            for a, name in enumerate(data.arms)
            if a > 0
        },
        policy_tree=tree,
        policy_gain=gain,
        rows=len(data.arm),
        seconds=time.perf_counter() - started,
        control=question.control,
        folds=question.folds,
        warnings=_overlap_warnings(overlaps),
    )


def _effects(data: Prepared, gamma: np.ndarray) -> tuple[GroupEffect, ...]:
    effects = []
    for a, name in enumerate(data.arms):
        if a == 0:
            continue
        difference = gamma[:, a] - gamma[:, 0]
        treated, control = data.arm == a, data.arm == 0
        for label, members in data.groups:
            n_treated = int((treated & members).sum())
            n_control = int((control & members).sum())
            if n_treated and n_control:
                interval = aipw.mean_with_interval(difference[members])
            else:
                interval = aipw.Interval(np.nan, np.nan, np.nan)
            effects.append(
                GroupEffect(
                    treatment=name,
                    group=label,
                    effect=interval.effect,
                    ci_low=interval.ci_low,
                    ci_high=interval.ci_high,
                    n_treated=n_treated,
                    n_control=n_control,
                    naive_difference=aipw.naive_difference(
                        data.outcome, treated & members, control & members
                    ),
                )
            )
    return tuple(effects)


def _overlap_warnings(overlaps: tuple) -> tuple[str, ...]:
    return tuple(
        f"overlap: {o.share_outside:.1%} of those compared for {o.treatment} have a propensity "
        f"outside [{diagnostics.OVERLAP_BOUNDS[0]}, {diagnostics.OVERLAP_BOUNDS[1]}]"
        for o in overlaps
        if o.warning
    )
