"""Synthetic jobseekers with confounded scheme assignment and known, heterogeneous effects.

    .venv/bin/python bench/effects_data.py --rows 1000000 --out /tmp/effects.csv

writes the CSV (one row per person: scheme, in_work and the covariates) and beside it
`<out>.truth.json`: the true effect of every scheme in `all` and in every group of the
`--by` columns. The people and effects are made by `velferd.results.estimation.synthetic`,
which the test suite uses too (it imports only the installed package).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from velferd.results.estimation.synthetic import CONTROL, generate

BY = ("age_band", "education", "immigrant")


def write(rows: int, covariates: int, schemes: int, seed: int, out: Path) -> dict[str, float]:
    data = generate(rows, covariates=covariates, schemes=schemes, seed=seed)
    names = ["scheme", "in_work", *data.covariates]
    table = np.empty((rows, len(names)), dtype=object)
    for j, name in enumerate(names):
        column = data.columns[name]
        table[:, j] = column if column.dtype.kind in "US" else _compact(column)
    with out.open("w") as file:
        file.write(",".join(names) + "\n")
        np.savetxt(file, table, fmt="%s", delimiter=",")
    truth = {}
    for scheme in data.true_effect:
        groups = ["all"] + [
            f"{column}={int(value)}" for column in BY for value in np.unique(data.columns[column])
        ]
        for group in groups:
            truth[f"{scheme}|{group}"] = data.truth(scheme, group)
    Path(f"{out}.truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def _compact(column: np.ndarray) -> np.ndarray:
    if np.all(column == np.round(column)):
        return column.astype(np.int64)
    return column


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--covariates", type=int, default=20)
    parser.add_argument("--schemes", type=int, default=3, help=f"besides the control '{CONTROL}'")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/effects.csv"))
    args = parser.parse_args()
    write(args.rows, args.covariates, args.schemes, args.seed, args.out)
    print(f"wrote {args.rows} rows to {args.out} and the true effects to {args.out}.truth.json")


if __name__ == "__main__":
    main()
