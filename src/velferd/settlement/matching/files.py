"""Reading the command's CSV files: every bad line is reported (line, column, message in
bokmål and English), none is skipped silently. Formats: docs/settlement.md."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from velferd.settlement.matching.employment import HistoryRow
from velferd.settlement.matching.problem import Municipality, Person

MUNICIPALITY_COLUMNS = (
    "municipality_number",
    "name",
    "capacity_persons",
    "capacity_unaccompanied_minors",
    "health_competence",
)
PERSON_COLUMNS = (
    "person_id",
    "case_id",
    "age",
    "gender",
    "education_years",
    "speaks_english",
    "origin_group",
    "health_need",
    "unaccompanied_minor",
)
HISTORY_COLUMNS = (
    "person_id",
    "age",
    "gender",
    "education_years",
    "speaks_english",
    "origin_group",
    "health_need",
    "municipality_number",
    "employed_2y",
)
SCORE_COLUMNS = ("case_id", "municipality_number", "score")
GENDERS = ("F", "M")
T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    message_nb: str
    message_en: str

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message_nb": self.message_nb,
            "message_en": self.message_en,
        }


class BadFile(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems in the files")
        self.problems = problems


class _Line:
    """One data line: typed reads that record a problem instead of failing."""

    def __init__(self, file: str, number: int, values: dict[str, str], problems: list[Problem]):
        self.file, self.number, self.values, self.problems = file, number, values, problems

    def bad(self, column: str, nb: str, en: str) -> None:
        self.problems.append(Problem(self.file, self.number, column, nb, en))

    def text(self, column: str) -> str:
        value = (self.values.get(column) or "").strip()
        if not value:
            self.bad(column, "Verdien mangler.", "The value is missing.")
        return value

    def integer(self, column: str, low: int, high: int) -> int:
        raw = self.text(column)
        if not raw:
            return 0
        try:
            value = int(raw)
        except ValueError:
            self.bad(column, f"«{raw}» er ikke et heltall.", f"'{raw}' is not a whole number.")
            return 0
        if not low <= value <= high:
            self.bad(
                column,
                f"{value} er utenfor {low}–{high}.",
                f"{value} is outside {low}-{high}.",
            )
        return value

    def flag(self, column: str) -> bool:
        raw = self.text(column)
        if raw and raw not in ("0", "1"):
            self.bad(column, f"«{raw}» skal være 0 eller 1.", f"'{raw}' must be 0 or 1.")
        return raw == "1"

    def decimal(self, column: str) -> float:
        raw = self.text(column)
        try:
            value = float(raw) if raw else 0.0
        except ValueError:
            value = math.nan
        if raw and (not math.isfinite(value) or value < 0):
            self.bad(
                column,
                f"«{raw}» er ikke et tall som er null eller mer.",
                f"'{raw}' is not a number of zero or more.",
            )
            return 0.0
        return value

    def municipality_number(self, column: str) -> str:
        raw = self.text(column)
        if raw and not (len(raw) == 4 and raw.isdigit()):
            self.bad(
                column,
                f"«{raw}» er ikke et kommunenummer (fire sifre).",
                f"'{raw}' is not a municipality number (four digits).",
            )
        return raw

    def gender(self, column: str) -> str:
        raw = self.text(column)
        if raw and raw not in GENDERS:
            self.bad(column, f"«{raw}» skal være F eller M.", f"'{raw}' must be F or M.")
        return raw


def _lines(
    file: str, text: str, columns: tuple[str, ...], read: Callable[[_Line], T]
) -> tuple[list[tuple[int, T]], list[Problem]]:
    problems: list[Problem] = []
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    if missing:
        problems.append(
            Problem(
                file,
                1,
                ",".join(missing),
                f"Kolonner mangler i overskriften: {', '.join(missing)}.",
                f"Columns missing from the header: {', '.join(missing)}.",
            )
        )
        return [], problems
    rows = []
    for values in reader:
        line = _Line(file, reader.line_num, values, problems)
        if None in values:
            line.bad(
                "",
                "Linjen har flere felt enn overskriften.",
                "The line has more fields than the header.",
            )
        before = len(problems)
        row = read(line)
        if len(problems) == before:
            rows.append((reader.line_num, row))
    if not rows and not problems:
        problems.append(Problem(file, 1, "", "Filen har ingen linjer.", "The file has no lines."))
    return rows, problems


def _duplicates(file: str, column: str, keyed: list[tuple[int, str]]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for number, key in keyed:
        if key in seen:
            problems.append(
                Problem(
                    file,
                    number,
                    column,
                    f"«{key}» står allerede på linje {seen[key]}.",
                    f"'{key}' is already on line {seen[key]}.",
                )
            )
        seen.setdefault(key, number)
    return problems


def municipalities(file: str, text: str) -> tuple[list[Municipality], list[Problem]]:
    def read(line: _Line) -> Municipality:
        return Municipality(
            number=line.municipality_number("municipality_number"),
            name=line.text("name"),
            capacity_persons=line.integer("capacity_persons", 0, 1_000_000),
            capacity_minors=line.integer("capacity_unaccompanied_minors", 0, 1_000_000),
            health_competence=line.flag("health_competence"),
        )

    rows, problems = _lines(file, text, MUNICIPALITY_COLUMNS, read)
    problems += _duplicates(file, "municipality_number", [(n, m.number) for n, m in rows])
    for number, m in rows:
        if m.capacity_minors > m.capacity_persons:
            problems.append(
                Problem(
                    file,
                    number,
                    "capacity_unaccompanied_minors",
                    "Flere plasser for enslige mindreårige enn for personer i alt.",
                    "More places for unaccompanied minors than for persons in all.",
                )
            )
    return [m for _, m in rows], problems


def _person(line: _Line, case_column: bool) -> Person:
    age = line.integer("age", 0, 120)
    minor = False if not case_column else line.flag("unaccompanied_minor")
    if minor and age >= 18:
        line.bad(
            "unaccompanied_minor",
            "En enslig mindreårig må være under 18 år.",
            "An unaccompanied minor must be under 18.",
        )
    return Person(
        person_id=line.text("person_id"),
        case_id=line.text("case_id") if case_column else "",
        age=age,
        gender=line.gender("gender"),
        education_years=line.integer("education_years", 0, 30),
        speaks_english=line.flag("speaks_english"),
        origin_group=line.text("origin_group"),
        health_need=line.flag("health_need"),
        unaccompanied_minor=minor,
    )


def persons(file: str, text: str) -> tuple[list[Person], list[Problem]]:
    rows, problems = _lines(file, text, PERSON_COLUMNS, lambda line: _person(line, True))
    problems += _duplicates(file, "person_id", [(n, p.person_id) for n, p in rows])
    return [p for _, p in rows], problems


def case_ids(text: str) -> set[str]:
    """Every case id named in the persons file, on good lines and bad, so that a bad
    person line does not make its case unknown elsewhere too."""
    return {(row.get("case_id") or "").strip() for row in csv.DictReader(io.StringIO(text))}


def history(file: str, text: str) -> tuple[list[HistoryRow], list[Problem]]:
    def read(line: _Line) -> HistoryRow:
        person = _person(line, False)
        if person.age < 18:
            line.bad(
                "age",
                "Historikken gjelder voksne (18 år og over).",
                "The history is of adults (18 and over).",
            )
        return HistoryRow(
            person=person,
            municipality_number=line.municipality_number("municipality_number"),
            employed=line.flag("employed_2y"),
        )

    rows, problems = _lines(file, text, HISTORY_COLUMNS, read)
    return [r for _, r in rows], problems


def scores(
    file: str, text: str, case_ids: set[str], municipality_numbers: set[str]
) -> tuple[list[tuple[str, str, float]], list[Problem]]:
    def read(line: _Line) -> tuple[str, str, float]:
        case_id = line.text("case_id")
        number = line.municipality_number("municipality_number")
        if case_id and case_id not in case_ids:
            line.bad("case_id", f"Ukjent sak «{case_id}».", f"Unknown case '{case_id}'.")
        if number and number not in municipality_numbers and len(number) == 4:
            line.bad(
                "municipality_number",
                f"Ukjent kommune «{number}».",
                f"Unknown municipality '{number}'.",
            )
        return case_id, number, line.decimal("score")

    rows, problems = _lines(file, text, SCORE_COLUMNS, read)
    problems += _duplicates(file, "municipality_number", [(n, f"{c},{m}") for n, (c, m, _) in rows])
    return [r for _, r in rows], problems


PAIR_COLUMNS = ("case_id", "municipality_number")


def pairs(
    file: str,
    text: str,
    case_ids: set[str],
    municipality_numbers: set[str],
    one_per_case: bool,
) -> tuple[list[tuple[str, str]], list[Problem]]:
    """The officer's (case, municipality) pairs: locks (`one_per_case`: a case is locked
    to one municipality only) or forbidden pairs (each pair once). An empty file (the
    header only) is no pairs."""
    if not text.strip():
        return [], []

    def read(line: _Line) -> tuple[str, str]:
        case_id = line.text("case_id")
        number = line.municipality_number("municipality_number")
        if case_id and case_id not in case_ids:
            line.bad("case_id", f"Ukjent sak «{case_id}».", f"Unknown case '{case_id}'.")
        if number and number not in municipality_numbers and len(number) == 4:
            line.bad(
                "municipality_number",
                f"Ukjent kommune «{number}».",
                f"Unknown municipality '{number}'.",
            )
        return case_id, number

    rows, problems = _lines(file, text, PAIR_COLUMNS, read)
    if len(problems) == 1 and problems[0].message_en == "The file has no lines.":
        problems = []
    if one_per_case:
        problems += _duplicates(file, "case_id", [(n, c) for n, (c, _) in rows])
    else:
        problems += _duplicates(
            file, "municipality_number", [(n, f"{c},{m}") for n, (c, m) in rows]
        )
    return [r for _, r in rows], problems
