"""Writes for the sick-leave statistics: the all-or-nothing import of a quarterly file, and
the refresh of the aggregates the pages read. Every import is audited.

The file (UTF-8, with or without a byte-order mark; `;` or `,` between fields) has a header
line with these columns, in any order:

    organisation_number;year;quarter;possible_workdays;lost_workdays;graded_lost_workdays;sick_listed_persons

Workdays may have up to two decimals (`12.5`, or `12,5` when the separator is `;`).
Every row is checked before anything is written; one bad row refuses the whole file and the
refusal lists every bad row with its line number and reason. A row for an enterprise and
quarter already imported replaces the figures when they differ ("changed") and is left
alone when they are the same ("unchanged"), so importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Greatest, RowNumber, Substr
from django.utils import timezone, translation
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import orgnr

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core import disclosure
from velferd.core.errors import UNPROCESSABLE, DomainError
from velferd.employers.models import Enterprise

from . import selectors
from .models import (
    COUNTRY_KEY,
    EnterpriseSummary,
    GroupKind,
    GroupQuarter,
    GroupSummary,
    QuarterlyStatistics,
    StatisticsImport,
)
from .periods import Period, four_quarters, from_q, quarters_q, until_q

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


@dataclass
class ImportRejected(DomainError):
    """The file was refused as a whole; `problems` lists every bad line."""

    problems: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:  # type: ignore[override]
        return {**super().as_dict(), "errors": [p.as_dict() for p in self.problems]}


def rejected(problems: list[Problem]) -> ImportRejected:
    lines = len({p.line for p in problems})
    return ImportRejected(
        code="invalid_file",
        message_nb=f"Filen ble ikke importert: {lines} linje(r) har feil. Ingenting er lagret.",
        message_en=f"The file was not imported: {lines} line(s) have errors. Nothing was saved.",
        field="file",
        status=UNPROCESSABLE,
        problems=problems,
    )


@dataclass(frozen=True)
class Row:
    line: int
    organisation_number: str
    period: Period
    possible_workdays: Decimal
    lost_workdays: Decimal
    graded_lost_workdays: Decimal
    sick_listed_persons: int

    def figures(self) -> tuple[Decimal, Decimal, Decimal, int]:
        return (
            self.possible_workdays,
            self.lost_workdays,
            self.graded_lost_workdays,
            self.sick_listed_persons,
        )


@dataclass
class ImportReport:
    record: StatisticsImport
    quarters: list[Period]

    @property
    def rows(self) -> int:
        return self.record.rows

    @property
    def created(self) -> int:
        return self.record.created

    @property
    def changed(self) -> int:
        return self.record.changed

    @property
    def unchanged(self) -> int:
        return self.record.unchanged


# --- reading the file ---------------------------------------------------------------------


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
    unknown = [n for n in names if n not in COLUMNS]
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
    expected = ";".join(COLUMNS)
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
        raw = self.values["organisation_number"].strip()
        try:
            return str(orgnr.validate(raw))
        except StdnumError:
            self.problem(
                "invalid_organisation_number",
                f"«{raw}» er ikke et gyldig organisasjonsnummer.",
                f"“{raw}” is not a valid organisation number.",
            )
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

    def read(self) -> Row | None:
        number = self.organisation_number()
        year = self.integer("year", FIRST_YEAR, LAST_YEAR)
        quarter = self.integer("quarter", 1, 4)
        possible, lost, graded = (self.workdays(n) for n in WORKDAY_COLUMNS)
        persons = self.integer("sick_listed_persons", 0, 10_000_000)
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
        return Row(self.line, number, Period(year, quarter), possible, lost, graded, persons)


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


def _enterprise_ids(numbers: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(numbers)):
        found.update(
            Enterprise.objects.filter(organisation_number__in=chunk).values_list(
                "organisation_number", "pk"
            )
        )
    return found


def _unknown_enterprises(rows: list[Row]) -> list[Problem]:
    known = _enterprise_ids({r.organisation_number for r in rows})
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


# --- writing ------------------------------------------------------------------------------


@transaction.atomic
def statistics_import(*, actor: Actor, data: bytes, filename: str = "") -> ImportReport:
    """Import a statistics file: all rows or none; refreshes the aggregates; audited."""
    policies.require(actor, policies.can_import_sick_leave_statistics)
    rows = parse(data)
    ids = _enterprise_ids({r.organisation_number for r in rows})
    latest_before = selectors.latest_quarter()
    created, changed, unchanged = _write(rows, ids)
    quarters = sorted({r.period for r in rows})
    if created or changed:
        refresh_aggregates(
            quarters=set(quarters),
            enterprise_ids=set(ids.values()),
            latest_before=latest_before,
        )
    record = StatisticsImport.objects.create(
        imported_by=actor.label[:200],
        filename=filename[:200],
        sha256=hashlib.sha256(data).hexdigest(),
        rows=len(rows),
        created=created,
        changed=changed,
        unchanged=unchanged,
    )
    audit.record(
        actor=actor,
        action="sick_leave_statistics.imported",
        target=record,
        after={
            "filename": record.filename,
            "sha256": record.sha256,
            "rows": record.rows,
            "created": created,
            "changed": changed,
            "unchanged": unchanged,
            "quarters": [f"{p.year}Q{p.quarter}" for p in quarters],
        },
    )
    return ImportReport(record=record, quarters=quarters)


def _write(rows: list[Row], ids: dict[str, int]) -> tuple[int, int, int]:
    by_period: dict[Period, list[Row]] = {}
    for row in rows:
        by_period.setdefault(row.period, []).append(row)
    created: list[QuarterlyStatistics] = []
    changed: list[QuarterlyStatistics] = []
    unchanged = 0
    for period, period_rows in by_period.items():
        existing = _existing(period, [ids[r.organisation_number] for r in period_rows])
        for row in period_rows:
            enterprise_id = ids[row.organisation_number]
            current = existing.get(enterprise_id)
            if current is None:
                created.append(_new_row(enterprise_id, row))
            elif _figures(current) == row.figures():
                unchanged += 1
            else:
                (
                    current.possible_workdays,
                    current.lost_workdays,
                    current.graded_lost_workdays,
                    current.sick_listed_persons,
                ) = row.figures()
                current.updated_at = timezone.now()
                changed.append(current)
    QuarterlyStatistics.objects.bulk_create(created, batch_size=2000)
    QuarterlyStatistics.objects.bulk_update(
        changed,
        [
            "possible_workdays",
            "lost_workdays",
            "graded_lost_workdays",
            "sick_listed_persons",
            "updated_at",
        ],
        batch_size=500,
    )
    return len(created), len(changed), unchanged


def _existing(period: Period, enterprise_ids: list[int]) -> dict[int, QuarterlyStatistics]:
    found: dict[int, QuarterlyStatistics] = {}
    for start in range(0, len(enterprise_ids), CHUNK):
        for row in QuarterlyStatistics.objects.filter(
            year=period.year,
            quarter=period.quarter,
            enterprise_id__in=enterprise_ids[start : start + CHUNK],
        ):
            found[row.enterprise_id] = row
    return found


def _figures(row: QuarterlyStatistics) -> tuple[Decimal, Decimal, Decimal, int]:
    return (
        Decimal(row.possible_workdays).quantize(Decimal("0.01")),
        Decimal(row.lost_workdays).quantize(Decimal("0.01")),
        Decimal(row.graded_lost_workdays).quantize(Decimal("0.01")),
        row.sick_listed_persons,
    )


def _new_row(enterprise_id: int, row: Row) -> QuarterlyStatistics:
    now = timezone.now()
    return QuarterlyStatistics(
        enterprise_id=enterprise_id,
        year=row.period.year,
        quarter=row.period.quarter,
        possible_workdays=row.possible_workdays,
        lost_workdays=row.lost_workdays,
        graded_lost_workdays=row.graded_lost_workdays,
        sick_listed_persons=row.sick_listed_persons,
        created_at=now,
        updated_at=now,
    )


# --- the aggregates -----------------------------------------------------------------------

GROUP_KEYS = {
    GroupKind.INDUSTRY: Substr("enterprise__industry_code", 1, 2),
    GroupKind.SECTOR: F("enterprise__sector"),
    GroupKind.COUNTY: F("enterprise__county_id"),
    GroupKind.COUNTRY: Value(COUNTRY_KEY),
}


def refresh_aggregates(
    *,
    quarters: set[Period] | None = None,
    enterprise_ids: set[int] | None = None,
    latest_before: Period | None = None,
) -> None:
    """Recompute the group sums of the given quarters (None: all), the four-quarter group
    summaries, and the enterprise summaries of the given enterprises — of all of them when
    the latest quarter moved, since everyone's four-quarter window moved with it."""
    refresh_group_quarters(quarters)
    latest = selectors.latest_quarter()
    moved_industries = refresh_group_summaries(latest)
    if latest != latest_before:
        enterprise_ids = None
    refresh_enterprise_summaries(latest, enterprise_ids)
    if enterprise_ids is not None:
        refresh_saveable_workdays(moved_industries)


def percentage(lost: Decimal, possible: Decimal) -> Decimal | None:
    if not possible:
        return None
    return (Decimal(lost) / Decimal(possible) * 100).quantize(Decimal("0.01"))


def refresh_group_quarters(quarters: set[Period] | None) -> None:
    source = QuarterlyStatistics.objects.all()
    stale = GroupQuarter.objects.all()
    if quarters is not None:
        source = source.filter(quarters_q(quarters))
        stale = stale.filter(quarters_q(quarters))
    fresh: list[GroupQuarter] = []
    for kind, key in GROUP_KEYS.items():
        sums = (
            source.annotate(group_key=key)
            .values("group_key", "year", "quarter")
            .annotate(
                possible=Sum("possible_workdays"),
                lost=Sum("lost_workdays"),
                graded=Sum("graded_lost_workdays"),
                persons=Sum("sick_listed_persons"),
                count=Count("id"),
            )
            .order_by()
        )
        fresh.extend(
            GroupQuarter(
                kind=kind,
                key=s["group_key"],
                year=s["year"],
                quarter=s["quarter"],
                possible_workdays=s["possible"],
                lost_workdays=s["lost"],
                graded_lost_workdays=s["graded"],
                sick_listed_persons=s["persons"],
                enterprises=s["count"],
            )
            for s in sums
        )
    largest = _largest(source)
    for group in fresh:
        top = largest.get((group.kind, group.key, group.year, group.quarter), [])
        group.largest_lost_workdays = top[0] if top else Decimal(0)
        group.second_lost_workdays = top[1] if len(top) > 1 else Decimal(0)
    stale.delete()
    GroupQuarter.objects.bulk_create(fresh, batch_size=1000)


def _largest(
    source: QuerySet[QuarterlyStatistics],
) -> dict[tuple[str, str, int, int], list[Decimal]]:
    """The lost workdays of the two largest enterprises of every group and quarter (for the
    dominance and subtraction rules of velferd.core.disclosure): a window over each group's
    enterprises, largest first, of which the database returns the first two rows."""
    found: dict[tuple[str, str, int, int], list[Decimal]] = {}
    for kind, key in GROUP_KEYS.items():
        partition: list[Any] = [F("year"), F("quarter")]
        if kind != GroupKind.COUNTRY:
            partition.insert(0, key)
        ranked = (
            source.annotate(
                group_key=key,
                rank=Window(
                    RowNumber(),
                    partition_by=partition,
                    order_by=[F("lost_workdays").desc(), F("pk").asc()],
                ),
            )
            .filter(rank__lte=2)
            .order_by()
            .values_list("group_key", "year", "quarter", "rank", "lost_workdays")
        )
        for group_key, year, quarter, rank, lost in ranked:
            top = found.setdefault((kind, group_key, year, quarter), [Decimal(0), Decimal(0)])
            top[rank - 1] = Decimal(lost)
    return found


def _window(latest: Period | None, prefix: str = "") -> Q:
    if latest is None:
        return Q(pk__in=[])
    return from_q(four_quarters(latest)[0], prefix) & until_q(latest, prefix)


def saveable(
    lost: Decimal, possible: Decimal, persons: int, industry_percentage: Decimal | None
) -> Decimal | None:
    """The lost workdays beyond what the industry's percentage would give; never below 0;
    none for masked figures (fewer than disclosure.MIN_PERSONS persons)."""
    if disclosure.persons_reason(persons) or industry_percentage is None:
        return None
    excess = Decimal(lost) - Decimal(possible) * industry_percentage / 100
    return max(excess, Decimal(0)).quantize(Decimal("0.01"))


def refresh_group_summaries(latest: Period | None) -> set[int]:
    """Returns the ids of the industries whose four-quarter percentage changed."""
    sums = {
        (s["kind"], s["key"]): s
        for s in GroupQuarter.objects.filter(_window(latest))
        .values("kind", "key")
        .annotate(
            possible=Sum("possible_workdays"),
            lost=Sum("lost_workdays"),
            graded=Sum("graded_lost_workdays"),
            persons=Max("sick_listed_persons"),
            count=Max("enterprises"),
        )
        .order_by()
    }
    existing = {(g.kind, g.key): g for g in GroupSummary.objects.all()}
    before = {key: g.percentage for key, g in existing.items()}
    for key in sums.keys() - existing.keys():
        existing[key] = GroupSummary(kind=key[0], key=key[1])
    for key, group in existing.items():
        s = sums.get(key)
        group.possible_workdays = s["possible"] if s else Decimal(0)
        group.lost_workdays = s["lost"] if s else Decimal(0)
        group.graded_lost_workdays = s["graded"] if s else Decimal(0)
        group.sick_listed_persons = s["persons"] if s else 0
        group.enterprises = s["count"] if s else 0
        group.percentage = percentage(group.lost_workdays, group.possible_workdays)
    fields = [
        "possible_workdays",
        "lost_workdays",
        "graded_lost_workdays",
        "sick_listed_persons",
        "enterprises",
        "percentage",
    ]
    GroupSummary.objects.bulk_update([g for g in existing.values() if g.pk], fields)
    GroupSummary.objects.bulk_create([g for g in existing.values() if not g.pk])
    return {
        g.pk
        for key, g in existing.items()
        if g.kind == GroupKind.INDUSTRY and before.get(key) != g.percentage
    }


def refresh_saveable_workdays(industry_ids: set[int]) -> None:
    """Rewrite the workdays to save of every enterprise of the given industries (their
    percentage moved), one UPDATE per industry."""
    for industry in GroupSummary.objects.filter(pk__in=industry_ids):
        rows = EnterpriseSummary.objects.filter(industry=industry)
        if industry.percentage is None:
            rows.update(saveable_workdays=None)
            continue
        excess = F("lost_workdays") - F("possible_workdays") * Value(industry.percentage) / Value(
            Decimal(100)
        )
        rows.update(
            saveable_workdays=Case(
                When(
                    sick_listed_persons__gte=disclosure.MIN_PERSONS,
                    then=Greatest(excess, Value(Decimal(0))),
                ),
                default=None,
                output_field=DecimalField(max_digits=14, decimal_places=2),
            )
        )


def refresh_enterprise_summaries(latest: Period | None, enterprise_ids: set[int] | None) -> None:
    industries = {
        key: (pk, pct)
        for key, pk, pct in GroupSummary.objects.filter(kind=GroupKind.INDUSTRY).values_list(
            "key", "pk", "percentage"
        )
    }
    source = QuarterlyStatistics.objects.filter(_window(latest))
    stale = EnterpriseSummary.objects.all()
    if enterprise_ids is not None:
        ids = sorted(enterprise_ids)
        for start in range(0, len(ids), CHUNK):
            EnterpriseSummary.objects.filter(enterprise_id__in=ids[start : start + CHUNK]).delete()
            _summarise(source.filter(enterprise_id__in=ids[start : start + CHUNK]), industries)
        return
    stale.delete()
    _summarise(source, industries)


def _summarise(source: object, industries: dict[str, tuple[int, Decimal | None]]) -> None:
    sums = (
        source.values(  # type: ignore[attr-defined]
            "enterprise_id", "enterprise__county_id", "enterprise__industry_code"
        )
        .annotate(
            possible=Sum("possible_workdays"),
            lost=Sum("lost_workdays"),
            graded=Sum("graded_lost_workdays"),
            persons=Max("sick_listed_persons"),
        )
        .order_by()
    )
    batch: list[EnterpriseSummary] = []
    for s in sums.iterator(chunk_size=5000):
        industry, industry_percentage = industries.get(
            s["enterprise__industry_code"][:2], (None, None)
        )
        batch.append(
            EnterpriseSummary(
                enterprise_id=s["enterprise_id"],
                county_id=s["enterprise__county_id"],
                industry_id=industry,
                saveable_workdays=saveable(
                    s["lost"], s["possible"], s["persons"], industry_percentage
                ),
                possible_workdays=s["possible"],
                lost_workdays=s["lost"],
                graded_lost_workdays=s["graded"],
                sick_listed_persons=s["persons"],
                percentage=percentage(s["lost"], s["possible"]),
            )
        )
        if len(batch) >= 5000:
            EnterpriseSummary.objects.bulk_create(batch)
            batch = []
    EnterpriseSummary.objects.bulk_create(batch)
