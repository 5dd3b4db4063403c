"""`velferd settlement solve`: the assignment file and its JSON line, every bad line of a
bad file, an infeasible round refused with its reason, the calibration from history."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

MUNICIPALITIES = (
    "municipality_number,name,capacity_persons,capacity_unaccompanied_minors,health_competence\n"
    """0301,Oslo,6,1,1
1103,Stavanger,5,0,0
"""
)
PERSONS = (
    "person_id,case_id,age,gender,education_years,speaks_english,origin_group,health_need,"
    "unaccompanied_minor\n"
    """p1,A,34,F,12,1,A,0,0
p2,A,36,M,9,0,A,0,0
p3,A,4,F,0,0,A,0,0
p4,B,16,M,8,0,B,0,1
p5,C,45,M,14,1,C,1,0
p6,D,29,F,10,0,B,0,0
"""
)
SCORES = """case_id,municipality_number,score
A,0301,1.1
A,1103,1.3
B,0301,0
C,0301,0.6
D,0301,0.5
D,1103,0.2
"""


def _solve(tmp_path: Path, **files: str) -> tuple[int, dict, str, Path]:
    paths = {"municipalities": MUNICIPALITIES, "persons": PERSONS, **files}
    args = ["solve"]
    for name, text in paths.items():
        path = tmp_path / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        args += [f"--{name}", str(path)]
    out_file = tmp_path / "assignment.csv"
    args += ["--out", str(out_file)]
    stdout, stderr = io.StringIO(), io.StringIO()
    status = 0
    try:
        call_command("settlement", *args, stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    lines = stdout.getvalue().strip().splitlines()
    assert len(lines) == 1
    return status, json.loads(lines[0]), stderr.getvalue(), out_file


def test_solve_writes_every_case_once_and_prints_the_figures(tmp_path: Path) -> None:
    status, summary, _, out_file = _solve(tmp_path, scores=SCORES)
    assert status == 0
    with out_file.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["case_id"]: r["municipality_number"] for r in rows} == {
        "A": "1103",
        "B": "0301",
        "C": "0301",
        "D": "0301",
    }
    assert summary["objective"] == pytest.approx(1.3 + 0 + 0.6 + 0.5)
    assert summary["bound"] >= summary["objective"]
    assert summary["gap"] <= 0.001
    assert summary["cases"] == 4
    assert summary["persons"] == 6
    assert summary["solve_seconds"] >= 0


def test_a_bad_file_is_refused_with_every_bad_line(tmp_path: Path) -> None:
    persons = PERSONS.replace("p2,A,36,M,9", "p2,A,3x,M,9").replace(
        "p4,B,16,M,8,0,B,0,1", "p4,B,19,Q,8,0,B,0,1"
    )
    scores = SCORES.replace("D,1103,0.2", "D,9999,-1")
    status, summary, stderr, out_file = _solve(tmp_path, persons=persons, scores=scores)
    assert status == 2
    assert not out_file.exists()
    found = {(p["file"], p["line"], p["column"]) for p in summary["problems"]}
    assert found == {
        ("persons.csv", 3, "age"),
        ("persons.csv", 5, "gender"),
        ("persons.csv", 5, "unaccompanied_minor"),
        ("scores.csv", 7, "municipality_number"),
        ("scores.csv", 7, "score"),
    }
    assert "persons.csv:3: age: «3x» er ikke et heltall. / '3x' is not a whole number." in stderr
    assert "Traceback" not in stderr


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    municipalities = MUNICIPALITIES.replace(",health_competence", "")
    status, summary, _, _ = _solve(tmp_path, municipalities=municipalities, scores=SCORES)
    assert status == 2
    assert (
        summary["problems"][0]["message_en"]
        == "Columns missing from the header: health_competence."
    )


def test_more_minors_than_places_is_refused_with_the_reason(tmp_path: Path) -> None:
    persons = PERSONS + "p7,E,15,F,8,0,A,0,1\n"
    status, summary, stderr, out_file = _solve(tmp_path, persons=persons, scores=SCORES)
    assert status == 3
    assert summary["error"] == "infeasible"
    assert "2 unaccompanied minors, but the municipalities have only 1 places" in stderr
    assert not out_file.exists()


def _history(rows: int) -> str:
    rng = np.random.default_rng(7)
    lines = [
        "person_id,age,gender,education_years,speaks_english,origin_group,health_need,"
        "municipality_number,employed_2y"
    ]
    for k in range(rows):
        education = int(rng.integers(0, 18))
        english = int(rng.random() < 0.3)
        place = "0301" if rng.random() < 0.5 else "1103"
        chance = 0.15 + 0.03 * education + 0.2 * english * (place == "0301")
        employed = int(rng.random() < chance)
        lines.append(
            f"h{k},{int(rng.integers(18, 60))},{'F' if rng.random() < 0.5 else 'M'},"
            f"{education},{english},A,0,{place},{employed}"
        )
    return "\n".join(lines) + "\n"


def test_solve_from_history_reports_calibration_by_decile(tmp_path: Path) -> None:
    status, summary, stderr, out_file = _solve(tmp_path, history=_history(3000))
    assert status == 0, stderr
    assert summary["scores_from"] == "history"
    assert summary["brier"] < summary["brier_constant"]
    assert "Calibration on" in stderr
    assert "decile  count  predicted  observed" in stderr
    assert len(out_file.read_text(encoding="utf-8").strip().splitlines()) == 5
