"""The statistics file and every check of it, before anything is written.

The file (UTF-8, with or without a byte-order mark; `;` or `,` between fields) has a header
line with these columns, in any order:

    organisation_number;year;quarter;possible_workdays;lost_workdays;graded_lost_workdays;sick_listed_persons

and, optionally, the lost workdays of short-term sick leave (1–16 days) and of long-term
sick leave (17 days and more), as NAV's statistics split them by duration:

    short_term_lost_workdays;long_term_lost_workdays

A file without them is read as before; an empty cell means "not in the file" for that line.
Workdays may have up to two decimals (`12.5`, or `12,5` when the separator is `;`).
Every row is checked before anything is written; one bad row refuses the whole file and the
refusal lists every bad row with its line number and reason.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import translation

from velferd.core.errors import DomainError, rejected
from velferd.core.identifiers import validate_organisation_number
from velferd.employers import selectors as employer_selectors

from ..periods import Period

COLUMNS = (
    "organisation_number",
    "year",
    "quarter",
    "possible_workdays",
    "lost_workdays",
    "graded_lost_workdays",
    "sick_listed_persons",
)
WORKDAY_COLUMNS = ("possible_workdays", "lost_workdays", "graded_lost_workdays")
DURATION_COLUMNS = ("short_term_lost_workdays", "long_term_lost_workdays")
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_WORKDAYS = Decimal("999999999999.99")
MAX_FILE_BYTES = 200 * 1024 * 1024
CHUNK = 500


@dataclass(frozen=True)
class Problem:
    """Why one line of the file was refused."""

    line: int
    code: str
    message_nb: str
    message_en: str

    @property
    def message(self) -> str:
        language = translation.get_language() or "nb"
        return self.message_en if language.startswith("en") else self.message_nb

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class Row:
    line: int
    organisation_number: str
    period: Period
    possible_workdays: Decimal
    lost_workdays: Decimal
    graded_lost_workdays: Decimal
    sick_listed_persons: int
    short_term_lost_workdays: Decimal | None = None
    long_term_lost_workdays: Decimal | None = None

    def figures(self) -> tuple[Decimal, Decimal, Decimal, int, Decimal | None, Decimal | None]:
        return (
            self.possible_workdays,
            self.lost_workdays,
            self.graded_lost_workdays,
            self.sick_listed_persons,
            self.short_term_lost_workdays,
            self.long_term_lost_workdays,
        )


def _text(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise rejected(
            [
                Problem(
                    0,
                    "file_too_large",
                    "Filen er større enn 200 MB.",
                    "The file is larger than 200 MB.",
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise rejected(
            [
                Problem(
                    line,
                    "not_utf8",
                    "Filen er ikke UTF-8 (lagre den som CSV UTF-8).",
                    "The file is not UTF-8 (save it as CSV UTF-8).",
                )
            ]
        ) from None


def _header(fields: list[str]) -> list[Problem]:
    names = [name.strip().lower() for name in fields]
    missing = [c for c in COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS + DURATION_COLUMNS]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if not (missing or unknown or doubled):
        return []
    detail_nb = "; ".join(
        part
        for part in (
            f"mangler {', '.join(missing)}" if missing else "",
            f"ukjent {', '.join(unknown)}" if unknown else "",
            f"to ganger {', '.join(doubled)}" if doubled else "",
        )
        if part
    )
    detail_en = "; ".join(
        part
        for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"unknown {', '.join(unknown)}" if unknown else "",
            f"twice {', '.join(doubled)}" if doubled else "",
        )
        if part
    )
    expected = ";".join(COLUMNS) + f" [;{';'.join(DURATION_COLUMNS)}]"
    return [
        Problem(
            1,
            "invalid_header",
            f"Feil overskriftslinje ({detail_nb}). Ventet: {expected}",
            f"Wrong header line ({detail_en}). Expected: {expected}",
        )
    ]


def _number(value: str, decimal_comma: bool) -> Decimal | None:
    text = value.strip().replace(" ", "")
    if decimal_comma:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return number


class _RowReader:
    """Checks one data line and collects what is wrong with it."""

    def __init__(self, line: int, values: dict[str, str], decimal_comma: bool) -> None:
        self.line, self.values, self.decimal_comma = line, values, decimal_comma
        self.problems: list[Problem] = []

    def problem(self, code: str, nb: str, en: str) -> None:
        self.problems.append(Problem(self.line, code, nb, en))

    def organisation_number(self) -> str:
        try:
            return validate_organisation_number(self.values["organisation_number"])
        except DomainError as refused:
            self.problem(refused.code, refused.message_nb, refused.message_en)
            return ""

    def integer(self, name: str, low: int, high: int) -> int | None:
        raw = self.values[name].strip()
        if raw.isdigit() and low <= int(raw) <= high:
            return int(raw)
        self.problem(
            f"invalid_{name}",
            f"{name} må være et heltall fra {low} til {high}, ikke «{raw}».",
            f"{name} must be a whole number from {low} to {high}, not “{raw}”.",
        )
        return None

    def workdays(self, name: str) -> Decimal | None:
        raw = self.values[name]
        number = _number(raw, self.decimal_comma)
        exponent = number.as_tuple().exponent if number is not None else 0
        if (
            number is None
            or number < 0
            or number > MAX_WORKDAYS
            or (isinstance(exponent, int) and exponent < -2)
        ):
            self.problem(
                f"invalid_{name}",
                f"{name} må være et tall fra 0 med høyst to desimaler, ikke «{raw.strip()}».",
                f"{name} must be a number from 0 with at most two decimals, not “{raw.strip()}”.",
            )
            return None
        return number.quantize(Decimal("0.01"))

    def duration(self, name: str, lost: Decimal | None) -> Decimal | None:
        """An optional column: None where the file leaves it out or the cell is empty."""
        if not self.values.get(name, "").strip():
            return None
        found = self.workdays(name)
        if found is not None and lost is not None and found > lost:
            self.problem(
                f"{name[: -len('_lost_workdays')]}_exceeds_lost",
                f"{name} er flere enn alle tapte dagsverk.",
                f"{name} exceed all lost workdays.",
            )
        return found

    def split(self, lost: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
        before = len(self.problems)
        short, long = (self.duration(n, lost) for n in DURATION_COLUMNS)
        if len(self.problems) > before:
            return None, None
        if short is not None and long is not None and lost is not None and short + long > lost:
            self.problem(
                "duration_exceeds_lost",
                "Korttids- og langtidsfraværet er til sammen flere enn alle tapte dagsverk.",
                "Short-term and long-term sick leave together exceed all lost workdays.",
            )
        return short, long

    def read(self) -> Row | None:
        number = self.organisation_number()
        year = self.integer("year", FIRST_YEAR, LAST_YEAR)
        quarter = self.integer("quarter", 1, 4)
        possible, lost, graded = (self.workdays(n) for n in WORKDAY_COLUMNS)
        persons = self.integer("sick_listed_persons", 0, 10_000_000)
        short, long = self.split(lost)
        if possible is not None and lost is not None and lost > possible:
            self.problem(
                "lost_exceeds_possible",
                "Tapte dagsverk er flere enn mulige dagsverk.",
                "The lost workdays exceed the possible workdays.",
            )
        if lost is not None and graded is not None and graded > lost:
            self.problem(
                "graded_exceeds_lost",
                "Tapte dagsverk ved gradert sykmelding er flere enn alle tapte dagsverk.",
                "The lost workdays under graded sick leave exceed all lost workdays.",
            )
        if (
            self.problems
            or not number
            or year is None
            or quarter is None
            or possible is None
            or lost is None
            or graded is None
            or persons is None
        ):
            return None
        return Row(
            self.line, number, Period(year, quarter), possible, lost, graded, persons, short, long
        )


def parse(data: bytes) -> list[Row]:
    """Every row of the file, or ImportRejected with every problem found."""
    text = _text(data)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise rejected([Problem(1, "empty_file", "Filen er tom.", "The file is empty.")])
    separator = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(lines, delimiter=separator)
    header = next(reader)
    if problems := _header(header):
        raise rejected(problems)
    names = [name.strip().lower() for name in header]
    rows: list[Row] = []
    problems = []
    seen: dict[tuple[str, Period], int] = {}
    for fields in reader:
        line = reader.line_num
        if not any(value.strip() for value in fields):
            continue
        if len(fields) != len(names):
            problems.append(
                Problem(
                    line,
                    "wrong_field_count",
                    f"Linjen har {len(fields)} felt, ventet {len(names)}.",
                    f"The line has {len(fields)} fields, expected {len(names)}.",
                )
            )
            continue
        checked = _RowReader(line, dict(zip(names, fields, strict=True)), separator == ";")
        row = checked.read()
        problems.extend(checked.problems)
        if row is None:
            continue
        key = (row.organisation_number, row.period)
        if key in seen:
            problems.append(
                Problem(
                    line,
                    "duplicate_row",
                    f"Samme virksomhet og kvartal som linje {seen[key]}.",
                    f"The same enterprise and quarter as line {seen[key]}.",
                )
            )
            continue
        seen[key] = line
        rows.append(row)
    problems.extend(_unknown_enterprises(rows))
    if problems:
        raise rejected(sorted(problems, key=lambda p: p.line))
    if not rows:
        raise rejected(
            [Problem(2, "no_rows", "Filen har ingen datalinjer.", "The file has no data lines.")]
        )
    return rows


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def enterprise_ids(numbers: set[str]) -> dict[str, int]:
    """The registered enterprises among the file's organisation numbers, by number."""
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(numbers)):
        found.update(employer_selectors.enterprise_ids(chunk))
    return found


def _unknown_enterprises(rows: list[Row]) -> list[Problem]:
    known = enterprise_ids({r.organisation_number for r in rows})
    return [
        Problem(
            r.line,
            "unknown_enterprise",
            f"Virksomheten {r.organisation_number} er ikke registrert.",
            f"The enterprise {r.organisation_number} is not registered.",
        )
        for r in rows
        if r.organisation_number not in known
    ]
