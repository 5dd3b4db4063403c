"""Benchmark of the effect estimator at national size, beside DoubleML on the same data.

    .venv/bin/pip install -e '.[bench]'      # DoubleML, for the comparison only
    .venv/bin/python bench/effects.py [--rows 1000000] [--covariates 20] [--schemes 3]
                                      [--repeats 3] [--folds 2] [--no-doubleml] [--csv]

Synthetic jobseekers (`velferd.results.estimation.synthetic`, as bench/effects_data.py
writes them): --rows people, --covariates covariates, the control plus --schemes schemes
(3 schemes: four treatment values in all), and ten subgroups (age band 5, education 3,
immigrant 2) beside `all`. It times `velferd.results.estimation.estimate` --repeats times
(wall clock and CPU seconds, median), records the process's peak resident memory after it,
then fits DoubleML's interactive regression model for several treatments (`DoubleMLAPOS`,
the same doubly robust score) with the same gradient-boosted learners and folds, once,
and compares: time ratio, and the estimates (overall and per subgroup, from DoubleML's own
scores) against velferd's and against the truth. With --csv it also writes the data to a
CSV and times reading it as the command line does. The load average is printed at the start
and the end: the machine is shared, and the figures mean little without it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from velferd.results.estimation import Question, estimate
from velferd.results.estimation.csv_input import read_columns
from velferd.results.estimation.nuisance import Tuning
from velferd.results.estimation.synthetic import Synthetic, generate

BY = ("age_band", "education", "immigrant")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def time_velferd(data: Synthetic, question: Question, repeats: int) -> tuple[dict, object]:
    walls, cpus, estimates = [], [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        estimates = estimate(data.columns, question)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        print(f"  velferd: {walls[-1]:.1f} s wall, {cpus[-1]:.1f} s CPU, load {load()}", flush=True)
    figures = {
        "wall_median": statistics.median(walls),
        "cpu_median": statistics.median(cpus),
        "walls": walls,
        "peak_rss_mb": peak_rss_mb(),
    }
    return figures, estimates


def time_doubleml(data: Synthetic, question: Question, arms: tuple[str, ...]) -> tuple[dict, dict]:
    import doubleml
    from sklearn.ensemble import HistGradientBoostingClassifier

    tuning = Tuning()
    settings = {
        "max_iter": tuning.max_iter,
        "learning_rate": tuning.learning_rate,
        "max_leaf_nodes": tuning.max_leaf_nodes,
        "min_samples_leaf": tuning.min_samples_leaf,
        "max_bins": tuning.max_bins,
        "early_stopping": False,
    }
    x = np.column_stack([data.columns[name] for name in question.covariates]).astype(np.float32)
    scheme = data.columns["scheme"]
    d = np.zeros(len(scheme))
    for a, name in enumerate(arms):
        d[scheme == name] = a
    y = data.columns["in_work"]
    wall, cpu = time.perf_counter(), time.process_time()
    dml_data = doubleml.DoubleMLData.from_arrays(x, y, d)
    model = doubleml.DoubleMLAPOS(
        dml_data,
        ml_g=HistGradientBoostingClassifier(**settings),
        ml_m=HistGradientBoostingClassifier(**settings),
        treatment_levels=list(range(len(arms))),
        n_folds=question.folds,
    )
    model.fit()
    figures = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
    figures["peak_rss_mb"] = peak_rss_mb()
    print(f"  DoubleML: {figures['wall']:.1f} s wall, {figures['cpu']:.1f} s CPU, load {load()}")
    psi = [np.asarray(m.psi_elements["psi_b"])[:, 0, 0] for m in model.modellist]
    effects = {}
    for a, name in enumerate(arms[1:], start=1):
        difference = psi[a] - psi[0]
        for group, members in groups(data):
            values = difference[members]
            half = 1.959964 * values.std(ddof=1) / np.sqrt(len(values))
            effects[(name, group)] = (
                float(values.mean()),
                float(values.mean() - half),
                float(values.mean() + half),
            )
    return figures, effects


def groups(data: Synthetic) -> list[tuple[str, np.ndarray]]:
    result = [("all", np.ones(len(data.columns["scheme"]), dtype=bool))]
    for column in BY:
        for value in np.unique(data.columns[column]):
            result.append((f"{column}={int(value)}", data.columns[column] == value))
    return result


def time_csv(data: Synthetic, question: Question) -> float:
    names = ["scheme", "in_work", *question.covariates]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "effects.csv"
        table = np.empty((len(data.columns["scheme"]), len(names)), dtype=object)
        for j, name in enumerate(names):
            table[:, j] = data.columns[name]
        with path.open("w") as file:
            file.write(",".join(names) + "\n")
            np.savetxt(file, table, fmt="%s", delimiter=",")
        started = time.perf_counter()
        read_columns(path, numeric=names[1:], text=["scheme", *BY])
        return time.perf_counter() - started


def report(data: Synthetic, estimates: object, dml: dict | None) -> None:
    print(
        f"\n{'scheme':<14}{'group':<14}{'truth':>8}{'velferd':>9}{'ci':>19}"
        f"{'naive':>8}{'DoubleML':>10}{'ci':>19}"
    )
    gaps, errors, naive_errors, covered = [], [], [], []
    for e in estimates.effects:  # type: ignore[attr-defined]
        truth = data.truth(e.treatment, e.group)
        errors.append(abs(e.effect - truth))
        naive_errors.append(abs(e.naive_difference - truth))
        covered.append(e.ci_low <= truth <= e.ci_high)
        line = (
            f"{e.treatment:<14}{e.group:<14}{truth:8.4f}{e.effect:9.4f}"
            f"  [{e.ci_low:7.4f},{e.ci_high:7.4f}]{e.naive_difference:8.4f}"
        )
        if dml:
            other, low, high = dml[(e.treatment, e.group)]
            gaps.append(abs(other - e.effect) / ((e.ci_high - e.ci_low) / 2 / 1.959964))
            line += f"{other:10.4f}  [{low:7.4f},{high:7.4f}]"
        print(line)
    print(
        f"\nestimates: {len(errors)}; mean |error| velferd {np.mean(errors):.4f}, naive "
        f"{np.mean(naive_errors):.4f}; truth inside velferd's 95 % interval: {np.mean(covered):.0%}"
    )
    if dml:
        print(
            f"velferd − DoubleML in velferd's standard errors: median {np.median(gaps):.2f}, "
            f"max {np.max(gaps):.2f}"
        )
    gain = estimates.policy_gain  # type: ignore[attr-defined]
    print(f"policy tree gain {gain.gain:+.4f} [{gain.ci_low:+.4f}, {gain.ci_high:+.4f}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--covariates", type=int, default=20)
    parser.add_argument("--schemes", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-doubleml", action="store_true")
    parser.add_argument("--csv", action="store_true")
    args = parser.parse_args()
    print(f"load at start {load()}; {os.cpu_count()} CPUs", flush=True)
    data = generate(args.rows, covariates=args.covariates, schemes=args.schemes, seed=args.seed)
    question = Question("scheme", "none", "in_work", data.covariates, BY, args.seed, args.folds)
    print(
        f"{args.rows} rows × {len(data.covariates)} covariates, {args.schemes + 1} treatment "
        f"values, {len(groups(data)) - 1} subgroups; peak RSS after generating "
        f"{peak_rss_mb():.0f} MB",
        flush=True,
    )
    velferd, estimates = time_velferd(data, question, args.repeats)
    print(
        f"velferd: median {velferd['wall_median']:.1f} s wall ({velferd['cpu_median']:.1f} s "
        f"CPU) over {args.repeats}; peak RSS {velferd['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    dml_effects = None
    if not args.no_doubleml:
        arms = ("none", *sorted(set(data.true_effect)))
        dml, dml_effects = time_doubleml(data, question, arms)
        print(
            f"DoubleML: {dml['wall']:.1f} s wall ({dml['cpu']:.1f} s CPU); peak RSS "
            f"{dml['peak_rss_mb']:.0f} MB; ratio DoubleML / velferd "
            f"{dml['wall'] / velferd['wall_median']:.1f}× wall, "
            f"{dml['cpu'] / velferd['cpu_median']:.1f}× CPU"
        )
    report(data, estimates, dml_effects)
    if args.csv:
        print(f"reading the CSV as the command line does: {time_csv(data, question):.1f} s")
    print(f"load at end {load()}")


if __name__ == "__main__":
    main()
