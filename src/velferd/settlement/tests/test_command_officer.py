"""`velferd settlement solve --locks --forbidden`: the officer's placements kept, forbidden
pairs never used, every bad line of both files named, a lock the rules forbid refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from velferd.settlement.tests.test_command import SCORES, _solve


def _assignment(out_file: Path) -> dict[str, str]:
    with out_file.open(encoding="utf-8") as f:
        return {r["case_id"]: r["municipality_number"] for r in csv.DictReader(f)}


def test_a_locked_case_stays_and_the_rest_is_matched_around_it(tmp_path: Path) -> None:
    locks = "case_id,municipality_number\nA,0301\n"
    status, summary, stderr, out_file = _solve(tmp_path, scores=SCORES, locks=locks)
    assert status == 0, stderr
    assert _assignment(out_file) == {"A": "0301", "B": "0301", "C": "0301", "D": "0301"}
    assert summary["objective"] == pytest.approx(1.1 + 0 + 0.6 + 0.5)
    assert summary["locked"] == 1


def test_a_forbidden_pair_is_not_used(tmp_path: Path) -> None:
    forbidden = "case_id,municipality_number\nD,0301\n"
    status, summary, stderr, out_file = _solve(tmp_path, scores=SCORES, forbidden=forbidden)
    assert status == 0, stderr
    assert _assignment(out_file)["D"] == "1103"
    assert summary["objective"] == pytest.approx(1.3 + 0 + 0.6 + 0.2)
    assert summary["forbidden"] == 1


def test_every_bad_line_of_the_locks_and_the_forbidden_pairs_is_named(tmp_path: Path) -> None:
    locks = "case_id,municipality_number\nZ,0301\nA,0301\nA,1103\n"
    forbidden = "case_id,municipality_number\nD,03x1\nB,5001\nC,0301\nC,0301\n"
    status, summary, stderr, out_file = _solve(
        tmp_path, scores=SCORES, locks=locks, forbidden=forbidden
    )
    assert status == 2
    assert not out_file.exists()
    found = {(p["file"], p["line"], p["column"]) for p in summary["problems"]}
    assert found == {
        ("locks.csv", 2, "case_id"),
        ("locks.csv", 4, "case_id"),
        ("forbidden.csv", 2, "municipality_number"),
        ("forbidden.csv", 3, "municipality_number"),
        ("forbidden.csv", 5, "municipality_number"),
    }
    assert "locks.csv:2: case_id: Ukjent sak «Z». / Unknown case 'Z'." in stderr
    assert "locks.csv:4: case_id: «A» står allerede på linje 3." in stderr
    assert "Unknown municipality '5001'" in stderr


def test_a_lock_the_rules_do_not_allow_is_refused_with_the_case_named(tmp_path: Path) -> None:
    locks = "case_id,municipality_number\nC,1103\n"
    status, summary, stderr, out_file = _solve(tmp_path, scores=SCORES, locks=locks)
    assert status == 3
    assert summary["error"] == "infeasible"
    assert "Case C is locked to 1103 Stavanger, which the rules do not allow" in stderr
    assert not out_file.exists()
