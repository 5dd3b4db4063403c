"""`velferd effects estimate`: one JSON line per scheme and group; bad input refused in bokmål
and English with exit status 2 and no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from velferd.results.estimation.synthetic import generate

COVARIATES = "age_band,female,education,immigrant,health,months_out"
KEYS = ["treatment", "group", "effect", "ci_low", "ci_high", "n_treated", "n_control"]


def write_csv(path: Path, rows: int = 3000, edit: dict[int, dict[str, str]] | None = None) -> Path:
    data = generate(rows, covariates=6, schemes=2, seed=5)
    names = ["scheme", "in_work", *COVARIATES.split(",")]
    lines = [",".join(names)]
    for i in range(rows):
        values = {name: _text(data.columns[name][i]) for name in names}
        values.update((edit or {}).get(i, {}))
        lines.append(",".join(values[name] for name in names))
    path.write_text("\n".join(lines) + "\n")
    return path


def _text(value: object) -> str:
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)


def run(path: Path, *extra: str, **changes: str) -> list[dict[str, object]]:
    options = {
        "--treatment": "scheme",
        "--control": "none",
        "--outcome": "in_work",
        "--covariates": COVARIATES,
        "--by": "immigrant,education",
    }
    options.update({f"--{name}": value for name, value in changes.items()})
    arguments = [item for pair in options.items() for item in pair]
    out = StringIO()
    call_command(
        "effects",
        "estimate",
        "--input",
        str(path),
        *arguments,
        *extra,
        stdout=out,
        stderr=StringIO(),
    )
    return [json.loads(line) for line in out.getvalue().splitlines()]


def refusal(path: Path, *extra: str, **changes: str) -> str:
    with pytest.raises(CommandError) as refused:
        run(path, *extra, **changes)
    assert refused.value.returncode == 2
    return str(refused.value)


def test_one_line_per_scheme_and_group_with_the_agreed_keys_first(tmp_path: Path) -> None:
    diagnostics = tmp_path / "diagnostics.json"
    lines = run(
        write_csv(tmp_path / "people.csv"), "--seed", "2", "--diagnostics", str(diagnostics)
    )
    groups = ["all", "immigrant=0", "immigrant=1", "education=0", "education=1", "education=2"]
    assert [(line["treatment"], line["group"]) for line in lines] == [
        (scheme, group) for scheme in ("training", "wage_subsidy") for group in groups
    ]
    first = lines[0]
    assert list(first)[: len(KEYS)] == KEYS
    assert first["ci_low"] < first["effect"] < first["ci_high"]  # type: ignore[operator]
    assert first["n_treated"] + first["n_control"] < 3000  # type: ignore[operator]
    document = json.loads(diagnostics.read_text())
    assert {"overlap", "balance", "policy_tree", "policy_gain"} <= set(document)
    assert document["policy_tree"]["n"] > 0


def test_a_missing_file_is_refused_in_both_languages(tmp_path: Path) -> None:
    message = refusal(tmp_path / "nowhere.csv")
    assert "Kan ikke lese filen" in message
    assert "Cannot read the file" in message


def test_missing_columns_are_named(tmp_path: Path) -> None:
    message = refusal(write_csv(tmp_path / "p.csv"), covariates="age_band,salary,county")
    assert "Disse kolonnene finnes ikke i filen: salary, county." in message
    assert "These columns are not in the file: salary, county." in message


def test_a_non_numeric_covariate_is_refused_naming_column_and_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", edit={41: {"months_out": "seks"}})
    message = refusal(path)
    assert "Kolonnen months_out må inneholde tall, men linje 43 har «seks»." in message
    assert "Column months_out must hold numbers, but line 43 has 'seks'." in message


def test_a_non_numeric_outcome_is_refused(tmp_path: Path) -> None:
    message = refusal(write_csv(tmp_path / "p.csv", edit={0: {"in_work": "ja"}}))
    assert "Column in_work must hold numbers, but line 2 has 'ja'." in message


def test_a_treatment_with_one_value_is_refused(tmp_path: Path) -> None:
    lines = write_csv(tmp_path / "p.csv").read_text().splitlines()
    everyone_without = [lines[0], *("none," + line.split(",", 1)[1] for line in lines[1:])]
    path = tmp_path / "one.csv"
    path.write_text("\n".join(everyone_without) + "\n")
    message = refusal(path)
    assert "Kolonnen scheme har bare én verdi (none)" in message
    assert "Column scheme has only one value (none): there is nothing to compare." in message


def test_an_absent_control_value_is_refused(tmp_path: Path) -> None:
    message = refusal(write_csv(tmp_path / "p.csv"), control="no_scheme")
    assert "Kontrollverdien «no_scheme» finnes ikke i kolonnen scheme." in message
    assert "The control value 'no_scheme' does not occur in column scheme." in message


def test_fewer_than_two_folds_and_too_few_rows_are_refused(tmp_path: Path) -> None:
    assert "at least 2 (got 1)" in refusal(write_csv(tmp_path / "p.csv"), "--folds", "1")
    assert "Too few rows: 20." in refusal(write_csv(tmp_path / "small.csv", rows=20))


def test_a_group_without_controls_is_reported_with_a_null_effect(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv")
    lines = path.read_text().splitlines()
    header = lines[0] + ",county"
    rows = [f"{line},{'Oslo' if line.startswith('none') else 'Viken'}" for line in lines[1:]]
    path.write_text("\n".join([header, *rows]) + "\n")
    output = run(path, by="county")
    viken = [line for line in output if line["group"] == "county=Viken"]
    assert viken and all(line["effect"] is None and line["n_control"] == 0 for line in viken)


def test_the_console_script_exits_with_status_2_and_no_traceback(tmp_path: Path) -> None:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "velferd.settings.test"}
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "velferd.cli",
            "effects",
            "estimate",
            "--input",
            str(tmp_path / "nowhere.csv"),
            "--treatment",
            "scheme",
            "--control",
            "none",
            "--outcome",
            "in_work",
            "--covariates",
            "age_band",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2
    assert "Kan ikke lese filen" in completed.stderr
    assert "Cannot read the file" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert completed.stdout == ""
