"""`velferd settlement solve`: match a round's cases to municipalities from CSV files and
write the assignment (formats and exit statuses: docs/settlement.md).

    velferd settlement solve --municipalities municipalities.csv --persons persons.csv \\
        (--history history.csv | --scores scores.csv) --out assignment.csv [--report r.json]
        [--locks locks.csv] [--forbidden forbidden.csv]

Prints one JSON line (objective, bound, gap, solve time, cases, persons). A bad file is
refused with every bad line on standard error and exit status 2; an infeasible round with
what makes it infeasible and exit status 3."""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import BaseCommand, CommandParser

from velferd.settlement.matching import employment, files
from velferd.settlement.matching.feasibility import Infeasible
from velferd.settlement.matching.problem import Municipality, Person, build_instance, cases_of
from velferd.settlement.matching.solver import TARGET_GAP, solve

BAD_FILE = 2
INFEASIBLE = 3


class Refused(Exception):
    def __init__(self, status: int, summary: dict[str, Any], lines: list[str]) -> None:
        super().__init__(summary.get("error"))
        self.status, self.summary, self.lines = status, summary, lines


class Command(BaseCommand):
    help = "Settlement of refugees: match cases to municipalities (solve)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        solve_parser = sub.add_parser("solve", help="Match a round's cases to municipalities.")
        solve_parser.add_argument("--municipalities", type=Path, required=True)
        solve_parser.add_argument("--persons", type=Path, required=True)
        source = solve_parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--history", type=Path, help="Earlier years' adults, to learn from.")
        source.add_argument("--scores", type=Path, help="Given scores per (case, municipality).")
        solve_parser.add_argument("--out", type=Path, required=True)
        solve_parser.add_argument("--report", type=Path, help="Write the calibration here (JSON).")
        solve_parser.add_argument(
            "--locks", type=Path, help="case_id,municipality_number: the officer's placements."
        )
        solve_parser.add_argument(
            "--forbidden", type=Path, help="case_id,municipality_number: pairs never to use."
        )
        solve_parser.add_argument("--gap", type=float, default=TARGET_GAP)
        solve_parser.add_argument("--time-limit", type=float, default=60.0)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = run(options, self.stderr)
        except Refused as refused:
            for line in refused.lines:
                self.stderr.write(line)
            self.stdout.write(json.dumps(refused.summary, ensure_ascii=False))
            sys.exit(refused.status)
        self.stdout.write(json.dumps(summary, ensure_ascii=False))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problem = files.Problem(
            path.name, 0, "", f"Filen kan ikke leses: {error}", f"The file cannot be read: {error}"
        )
        raise files.BadFile([problem]) from None


def _bad(problems: list[files.Problem]) -> Refused:
    lines = [f"{p.file}:{p.line}: {p.column}: {p.message_nb} / {p.message_en}" for p in problems]
    summary = {"error": "bad_file", "problems": [p.as_dict() for p in problems]}
    return Refused(BAD_FILE, summary, lines)


def run(options: dict[str, Any], stderr: Any) -> dict[str, Any]:
    try:
        municipalities, persons, scores, listed, extra = _inputs(options, stderr)
        locks, forbidden = _officer_pairs(options, persons, municipalities)
    except files.BadFile as bad:
        raise _bad(bad.problems) from None
    cases = cases_of(persons)
    instance = build_instance(cases, municipalities, scores, listed, locks, forbidden)
    try:
        solution = solve(instance, options["gap"], options["time_limit"])
    except Infeasible as infeasible:
        lines = [f"{r.message_nb} / {r.message_en}" for r in infeasible.reasons]
        summary = {"error": "infeasible", "reasons": [r.as_dict() for r in infeasible.reasons]}
        raise Refused(INFEASIBLE, summary, lines) from None
    _write_assignment(options["out"], instance.cases, municipalities, solution.assignment)
    return {
        **solution.summary(),
        "cases": len(cases),
        "persons": len(persons),
        "adults": sum(p.adult for p in persons),
        "municipalities": len(municipalities),
        "eligible_pairs": int(instance.eligible.sum()),
        "locked": len(locks),
        "forbidden": len(forbidden),
        **extra,
    }


def _inputs(
    options: dict[str, Any], stderr: Any
) -> tuple[list[Municipality], list[Person], np.ndarray, np.ndarray | None, dict[str, Any]]:
    problems: list[files.Problem] = []
    municipalities, found = files.municipalities(
        options["municipalities"].name, _read(options["municipalities"])
    )
    problems += found
    persons_text = _read(options["persons"])
    persons, found = files.persons(options["persons"].name, persons_text)
    problems += found
    numbers = [m.number for m in municipalities]
    case_ids = list(dict.fromkeys(p.case_id for p in persons))
    if options["scores"] is not None:
        path = options["scores"]
        named = files.case_ids(persons_text)
        rows, found = files.scores(path.name, _read(path), named, set(numbers))
        problems += found
        if problems:
            raise files.BadFile(problems)
        scores, listed = _score_matrix(rows, case_ids, numbers)
        return municipalities, persons, scores, listed, {"scores_from": "scores"}
    history, found = files.history(options["history"].name, _read(options["history"]))
    problems += found
    if problems:
        raise files.BadFile(problems)
    started = time.perf_counter()
    try:
        model, calibration = employment.train(history)
    except ValueError as error:
        raise files.BadFile(
            [
                files.Problem(
                    options["history"].name, 0, "", "For lite historikk å lære av.", str(error)
                )
            ]
        ) from None
    scores = employment.case_scores(model, persons, case_ids, numbers)
    _report(options, calibration, stderr)
    extra = {
        "scores_from": "history",
        "model_seconds": round(time.perf_counter() - started, 3),
        "brier": round(calibration.brier, 5),
        "brier_constant": round(calibration.brier_constant, 5),
    }
    return municipalities, persons, scores, None, extra


def _officer_pairs(
    options: dict[str, Any], persons: list[Person], municipalities: list[Municipality]
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The locks (case -> municipality) and forbidden pairs, every bad line of both files
    reported together."""
    case_ids = {p.case_id for p in persons}
    numbers = {m.number for m in municipalities}
    problems: list[files.Problem] = []
    found: dict[str, list[tuple[str, str]]] = {"locks": [], "forbidden": []}
    for name in found:
        path = options.get(name)
        if path is None:
            continue
        rows, bad = files.pairs(path.name, _read(path), case_ids, numbers, name == "locks")
        found[name], problems = rows, problems + bad
    if problems:
        raise files.BadFile(problems)
    return dict(found["locks"]), found["forbidden"]


def _score_matrix(
    rows: list[tuple[str, str, float]], case_ids: list[str], numbers: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    case_index = {c: i for i, c in enumerate(case_ids)}
    municipality_index = {n: j for j, n in enumerate(numbers)}
    scores = np.zeros((len(case_ids), len(numbers)))
    listed = np.zeros(scores.shape, dtype=bool)
    for case_id, number, score in rows:
        i, j = case_index[case_id], municipality_index[number]
        scores[i, j] = score
        listed[i, j] = True
    return scores, listed


def _report(options: dict[str, Any], calibration: employment.Calibration, stderr: Any) -> None:
    if options["report"] is not None:
        text = json.dumps(calibration.as_dict(), indent=2, ensure_ascii=False)
        options["report"].write_text(text + "\n", encoding="utf-8")
        return
    stderr.write(
        f"Calibration on {calibration.held_out} held-out adults: Brier {calibration.brier:.4f} "
        f"(constant rate {calibration.brier_constant:.4f})"
    )
    stderr.write("decile  count  predicted  observed")
    for d in calibration.deciles:
        stderr.write(
            f"{d['decile']:>6}  {d['count']:>5}  {d['predicted']:>9.3f}  {d['observed']:>8.3f}"
        )


def _write_assignment(
    path: Path, cases: list[Any], municipalities: list[Municipality], assignment: np.ndarray
) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["case_id", "municipality_number"])
        for case, j in zip(cases, assignment, strict=True):
            writer.writerow([case.case_id, municipalities[int(j)].number])
