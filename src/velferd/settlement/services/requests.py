"""IMDi's requests to the municipalities, in bulk: rows (the API's) or a CSV file (the
officer's page). Every line is checked before anything is written: one bad line refuses
them all, and every bad line is named by its number. A line that asks what the municipality
was already asked changes nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import FORBIDDEN, UNPROCESSABLE, DomainError
from velferd.core.validation import invalid

from ..models import MunicipalityRequest, SettlementYear
from .common import count, lock_request, lock_year, municipality, user_of, year_of
from .round import minors_within

REQUIRED_COLUMNS = ("municipality_number", "persons")
OPTIONAL_COLUMNS = ("unaccompanied_minors",)
MAX_FILE_BYTES = 1_000_000

Numbered = Sequence[tuple[int, Mapping[str, Any]]]


@dataclass
class RowsRejected(DomainError):
    """The requests refused as a whole; `problems` names every bad line. Nothing is saved."""

    problems: Sequence[DomainError] = field(default_factory=list)


@dataclass(frozen=True)
class RequestSaved:
    """A line of the receipt: the request as saved, and whether it is new, changed (from
    `before`) or as it was."""

    request: MunicipalityRequest
    outcome: str
    before: dict[str, Any] | None = None


def _on_line(error: DomainError, line: int) -> DomainError:
    return DomainError(
        code=error.code,
        field=error.field,
        status=error.status,
        message_nb=f"Linje {line}: {error.message_nb}",
        message_en=f"Line {line}: {error.message_en}",
    )


def _rejected(problems: list[DomainError]) -> RowsRejected:
    if len(problems) == 1:
        (only,) = problems
        return RowsRejected(
            code=only.code,
            field=only.field,
            status=only.status,
            message_nb=only.message_nb,
            message_en=only.message_en,
            problems=problems,
        )
    forbidden_only = all(p.status == FORBIDDEN for p in problems)
    return RowsRejected(
        code="invalid_rows",
        field="rows",
        status=FORBIDDEN if forbidden_only else UNPROCESSABLE,
        message_nb=f"{len(problems)} linjer har feil; ingenting er lagret. "
        + " ".join(p.message_nb for p in problems),
        message_en=f"{len(problems)} lines have errors; nothing was saved. "
        + " ".join(p.message_en for p in problems),
        problems=problems,
    )


def _request_row(row: Mapping[str, Any]) -> tuple[Any, int, int]:
    if any(key is None for key in row):  # csv's place for the fields past the header's
        raise invalid(
            "too_many_fields",
            None,
            "Linjen har flere felt enn overskriften.",
            "The line has more fields than the header.",
        )
    place = municipality(row.get("municipality_number") or row.get("municipality"))
    persons = count(row.get("persons"), "persons", "Antall personer", "number of persons")
    minors = count(
        row.get("unaccompanied_minors") or 0,
        "unaccompanied_minors",
        "Antall enslige mindreårige",
        "number of unaccompanied minors",
    )
    minors_within(minors, persons, "unaccompanied_minors")
    return place, persons, minors


def _outside_county() -> DomainError:
    return DomainError(
        code="forbidden",
        field="municipality",
        status=FORBIDDEN,
        message_nb="Du kan bare anmode kommunene i ditt eget fylke.",
        message_en="You may only ask the municipalities of your own county.",
    )


def _checked_rows(actor: Actor, numbered: Numbered) -> list[tuple[Any, int, int]]:
    checked: list[tuple[Any, int, int]] = []
    problems: list[DomainError] = []
    seen: dict[str, int] = {}
    for line, row in numbered:
        try:
            place, persons, minors = _request_row(row)
        except DomainError as error:
            problems.append(_on_line(error, line))
            continue
        if place.number in seen:
            problems.append(_on_line(_twice(seen[place.number]), line))
        elif not policies.allows(actor, policies.can_manage_settlement_for, place):
            problems.append(_on_line(_outside_county(), line))
        seen.setdefault(place.number, line)
        checked.append((place, persons, minors))
    if problems:
        raise _rejected(problems)
    return checked


def _twice(first: int) -> DomainError:
    return invalid(
        "duplicate_municipality",
        "municipality",
        f"Kommunen står også på linje {first}.",
        f"The municipality is on line {first} as well.",
    )


def _requests_saved(actor: Actor, year: object, numbered: Numbered) -> list[RequestSaved]:
    policies.require(actor, policies.can_manage_settlement_round)
    settlement_year = lock_year(year_of(year))
    checked = _checked_rows(actor, numbered)
    return [_request_set(actor, settlement_year, *row) for row in checked]


@transaction.atomic
def requests_set(
    *, actor: Actor, year: object, rows: Sequence[Mapping[str, Any]]
) -> list[MunicipalityRequest]:
    """IMDi's requests to the municipalities, in bulk: a row per municipality (a new
    request, or a changed number). All rows are checked before any is written; every bad
    row is refused with its line number (RowsRejected), and nothing is written."""
    numbered = list(enumerate(rows, start=1))
    return [saved.request for saved in _requests_saved(actor, year, numbered)]


@transaction.atomic
def requests_import(*, actor: Actor, year: object, data: bytes) -> list[RequestSaved]:
    """The requests of a CSV file (UTF-8, commas or semicolons, a header line with
    municipality_number and persons, and unaccompanied_minors if any), all or none; each
    bad line is named by its line in the file."""
    policies.require(actor, policies.can_manage_settlement_round)
    return _requests_saved(actor, year, _file_rows(_text(data)))


def requests_from_csv(text: str) -> list[dict[str, Any]]:
    """The rows of a requests file, for `requests_set`."""
    return [dict(row) for _, row in _file_rows(text)]


def _file_problem(code: str, nb: str, en: str) -> DomainError:
    return invalid(code, "file", nb, en)


def _text(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise _file_problem(
            "file_too_large", "Filen er større enn 1 MB.", "The file is larger than 1 MB."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_problem(
            "not_utf8",
            "Filen er ikke UTF-8 (lagre den som CSV UTF-8).",
            "The file is not UTF-8 (save it as CSV UTF-8).",
        ) from None


def _header(names: list[str]) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    unknown = [n for n in names if n not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing:
        raise _file_problem(
            "missing_columns",
            f"Filen mangler kolonnene {', '.join(missing)}.",
            f"The file lacks the columns {', '.join(missing)}.",
        )
    if unknown or len(set(names)) != len(names):
        raise _file_problem(
            "unknown_columns",
            f"Overskriften har ukjente eller doble kolonner: {', '.join(unknown or names)}.",
            f"The header has unknown or repeated columns: {', '.join(unknown or names)}.",
        )


def _file_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    reader = csv.DictReader(
        io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ","
    )
    names = [(name or "").strip().lower() for name in reader.fieldnames or []]
    _header(names)
    reader.fieldnames = names
    rows = [(reader.line_num, _stripped(row)) for row in reader if any(row.values())]
    if not rows:
        raise _file_problem(
            "empty_file",
            "Filen har ingen linjer med anmodninger.",
            "The file has no lines with requests.",
        )
    return rows


def _stripped(row: Mapping[Any, Any]) -> dict[Any, Any]:
    return {key: value.strip() if isinstance(value, str) else value for key, value in row.items()}


def _request_set(
    actor: Actor, year: SettlementYear, place: Any, persons: int, minors: int
) -> RequestSaved:
    found = MunicipalityRequest.objects.filter(year=year, municipality=place).first()
    if found is None:
        created = MunicipalityRequest.objects.create(
            year=year,
            municipality=place,
            persons=persons,
            unaccompanied_minors=minors,
            requested_by=user_of(actor),
        )
        audit.record(
            actor=actor,
            action="settlement_request.created",
            target=created,
            after=_request(created),
        )
        return RequestSaved(created, "created")
    locked = lock_request(found.pk)
    before = _request(locked)
    if (locked.persons, locked.unaccompanied_minors) == (persons, minors):
        return RequestSaved(locked, "unchanged", before)
    locked.persons, locked.unaccompanied_minors = persons, minors
    locked.bump_version()
    locked.save()
    audit.record(
        actor=actor,
        action="settlement_request.changed",
        target=locked,
        before=before,
        after=_request(locked),
    )
    return RequestSaved(locked, "changed", before)


def _request(request: MunicipalityRequest) -> dict[str, Any]:
    return {
        "municipality": request.municipality_id,
        "persons": request.persons,
        "unaccompanied_minors": request.unaccompanied_minors,
    }
