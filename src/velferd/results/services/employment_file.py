"""The employment file (A-ordningen's monthly statuses) and every check of it, before
anything is written.

UTF-8 (with or without a byte-order mark), `;` or `,` between fields, a header line with
these columns in any order:

    national_id;month;employed;contracted_hours;industry

- `national_id`: the person's identity number or D-number (11 digits, check digits right).
- `month`: `yyyy-mm` (2000-01 up to this month).
- `employed`: `1`/`0`, `ja`/`nei` or `yes`/`no`.
- `contracted_hours`: contracted hours a week, 0–100 with at most one decimal (`37,5` or
  `37.5`); may be empty; must be empty or 0 when not employed.
- `industry`: the employer's industry as an SN2007 code (`47.111`, `47111`, `47.1` or
  `47`); may be empty.

Every line is checked; one bad line refuses the file, and the refusal lists every bad line
with its line number, its field and what is wrong. A line for a person velferd does not know
is no error: it is counted and left out.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import timezone, translation

from velferd.core.errors import DomainError, rejected
from velferd.core.identifiers import validate_national_id

COLUMNS = ("national_id", "month", "employed", "contracted_hours", "industry")
YES, NO = frozenset({"1", "ja", "j", "yes", "y"}), frozenset({"0", "nei", "n", "no"})
MAX_HOURS = Decimal("100")
FIRST_YEAR = 2000
MAX_FILE_BYTES = 500 * 1024 * 1024
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
INDUSTRY = re.compile(r"^(\d{2})(?:\.?(\d{1,3}))?$")
# SN2007's divisions (the two first digits of a code).
DIVISIONS = frozenset(
    f"{n:02d}"
    for n in (
        *range(1, 4),
        *range(5, 10),
        *range(10, 34),
        *range(35, 40),
        *range(41, 44),
        *range(45, 48),
        *range(49, 54),
        *range(55, 57),
        *range(58, 64),
        *range(64, 67),
        *range(68, 76),
        *range(77, 83),
        *range(84, 89),
        *range(90, 94),
        *range(94, 100),
    )
)


@dataclass(frozen=True)
class Problem:
    """Why one line of the file was refused, and in which field."""

    line: int
    field: str
    code: str
    message_nb: str
    message_en: str

    @property
    def message(self) -> str:
        language = translation.get_language() or "nb"
        return self.message_en if language.startswith("en") else self.message_nb

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "field": self.field, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class Row:
    line: int
    national_id: str
    month: datetime.date
    employed: bool
    contracted_hours: Decimal | None
    industry: str


def _text(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise rejected(
            [
                Problem(
                    0,
                    "file",
                    "file_too_large",
                    "Filen er større enn 500 MB.",
                    "The file is larger than 500 MB.",
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
                    "file",
                    "not_utf8",
                    "Filen er ikke UTF-8 (lagre den som CSV UTF-8).",
                    "The file is not UTF-8 (save it as CSV UTF-8).",
                )
            ]
        ) from None


def _header(names: list[str]) -> list[Problem]:
    missing = [c for c in COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if not (missing or unknown or doubled):
        return []
    parts = (
        ("mangler", "missing", missing),
        ("ukjent", "unknown", unknown),
        ("to ganger", "twice", doubled),
    )
    detail_nb = "; ".join(f"{nb} {', '.join(found)}" for nb, _en, found in parts if found)
    detail_en = "; ".join(f"{en} {', '.join(found)}" for _nb, en, found in parts if found)
    expected = ";".join(COLUMNS)
    return [
        Problem(
            1,
            "header",
            "invalid_header",
            f"Feil overskriftslinje ({detail_nb}). Ventet: {expected}",
            f"Wrong header line ({detail_en}). Expected: {expected}",
        )
    ]


class _LineReader:
    """Checks one data line and collects what is wrong with it."""

    def __init__(self, line: int, values: dict[str, str], this_month: datetime.date) -> None:
        self.line, self.values, self.this_month = line, values, this_month
        self.problems: list[Problem] = []

    def problem(self, name: str, code: str, nb: str, en: str) -> None:
        self.problems.append(Problem(self.line, name, code, nb, en))

    def national_id(self) -> str:
        try:
            return validate_national_id(self.values["national_id"])
        except DomainError as refused:
            self.problem("national_id", refused.code, refused.message_nb, refused.message_en)
            return ""

    def month(self) -> datetime.date | None:
        raw = self.values["month"].strip()
        found = MONTH.match(raw)
        if found and 1 <= int(found[2]) <= 12 and int(found[1]) >= FIRST_YEAR:
            month = datetime.date(int(found[1]), int(found[2]), 1)
            if month <= self.this_month:
                return month
            self.problem(
                "month",
                "month_in_future",
                f"Måneden {raw} er ikke kommet ennå.",
                f"The month {raw} has not come yet.",
            )
            return None
        self.problem(
            "month",
            "invalid_month",
            f"Måneden må skrives åååå-mm fra {FIRST_YEAR}-01, ikke «{raw}».",
            f"The month must be written yyyy-mm from {FIRST_YEAR}-01, not “{raw}”.",
        )
        return None

    def employed(self) -> bool | None:
        raw = self.values["employed"].strip()
        if raw.lower() in YES:
            return True
        if raw.lower() in NO:
            return False
        self.problem(
            "employed",
            "invalid_employed",
            f"I arbeid må være 1/0 eller ja/nei, ikke «{raw}».",
            f"Employed must be 1/0 or yes/no, not “{raw}”.",
        )
        return None

    def hours(self, employed: bool | None) -> Decimal | None:
        raw = self.values["contracted_hours"].strip()
        if not raw:
            return None
        try:
            hours = Decimal(raw.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            hours = Decimal("NaN")
        exponent = hours.as_tuple().exponent if hours.is_finite() else 0
        if (
            not hours.is_finite()
            or hours < 0
            or hours > MAX_HOURS
            or (isinstance(exponent, int) and exponent < -1)
        ):
            self.problem(
                "contracted_hours",
                "invalid_contracted_hours",
                f"Avtalte timer i uka må være et tall fra 0 til {MAX_HOURS} med høyst én "
                f"desimal, ikke «{raw}».",
                f"Contracted hours a week must be a number from 0 to {MAX_HOURS} with at "
                f"most one decimal, not “{raw}”.",
            )
            return None
        if employed is False and hours > 0:
            self.problem(
                "contracted_hours",
                "hours_without_employment",
                "Avtalte timer er oppgitt for en som ikke er i arbeid.",
                "Contracted hours are given for someone not employed.",
            )
            return None
        return hours.quantize(Decimal("0.1"))

    def industry(self) -> str | None:
        raw = self.values["industry"].strip()
        if not raw:
            return ""
        found = INDUSTRY.match(raw)
        if found and found[1] in DIVISIONS:
            return f"{found[1]}.{found[2]}" if found[2] else found[1]
        self.problem(
            "industry",
            "invalid_industry",
            f"Næringen må være en SN2007-kode (som 47.111), ikke «{raw}».",
            f"The industry must be an SN2007 code (such as 47.111), not “{raw}”.",
        )
        return None

    def read(self) -> Row | None:
        number, month, employed = self.national_id(), self.month(), self.employed()
        hours, industry = self.hours(employed), self.industry()
        if self.problems or month is None or employed is None or industry is None:
            return None
        return Row(self.line, number, month, employed, hours, industry)


def parse(data: bytes) -> list[Row]:
    """Every line of the file, or ImportRejected with every problem found."""
    lines = _text(data).splitlines()
    if not lines or not lines[0].strip():
        raise rejected([Problem(1, "file", "empty_file", "Filen er tom.", "The file is empty.")])
    separator = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=separator)
    names = [name.strip().lower() for name in next(reader)]
    if problems := _header(names):
        raise rejected(problems)
    this_month = timezone.localdate().replace(day=1)
    rows: list[Row] = []
    problems = []
    seen: dict[tuple[str, datetime.date], int] = {}
    for fields in reader:
        line = reader.line_num
        if not any(value.strip() for value in fields):
            continue
        if len(fields) != len(names):
            problems.append(
                Problem(
                    line,
                    "line",
                    "wrong_field_count",
                    f"Linjen har {len(fields)} felt, ventet {len(names)}.",
                    f"The line has {len(fields)} fields, expected {len(names)}.",
                )
            )
            continue
        checked = _LineReader(line, dict(zip(names, fields, strict=True)), this_month)
        row = checked.read()
        problems.extend(checked.problems)
        if row is None:
            continue
        key = (row.national_id, row.month)
        if key in seen:
            problems.append(
                Problem(
                    line,
                    "month",
                    "duplicate_line",
                    f"Samme person og måned som linje {seen[key]}.",
                    f"The same person and month as line {seen[key]}.",
                )
            )
            continue
        seen[key] = line
        rows.append(row)
    if problems:
        raise rejected(problems)
    if not rows:
        raise rejected(
            [
                Problem(
                    2,
                    "file",
                    "no_rows",
                    "Filen har ingen datalinjer.",
                    "The file has no data lines.",
                )
            ]
        )
    return rows
