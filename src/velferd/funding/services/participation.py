"""Participation rows from a CSV file, until the participants domain keeps them (the format:
docs/funding-participation.md). Every row is checked; if any is bad, every bad row is
reported with its line number and nothing is written. A row for a participant and a
delivery from a date already on record replaces that row. A participation kept in velferd
wins: a line for its pseudonymous id in its delivery is refused (services/participation_kept.py)."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import DomainError
from velferd.schemes import selectors as schemes_selectors

from ..models import Participation, ParticipationSource

HEADER = ["delivery", "participant", "from_date", "to_date", "percentage"]
MAX_ROWS = 200_000
PARTICIPANT_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


@dataclass
class Row:
    line: int
    delivery: str
    participant: str
    from_date: datetime.date
    to_date: datetime.date | None
    percentage: Decimal


@dataclass
class LineError:
    line: int
    message_nb: str
    message_en: str


class RowRejected(Exception):
    def __init__(self, nb: str, en: str) -> None:
        super().__init__(en)
        self.nb, self.en = nb, en


def _date(value: str, name_nb: str, name_en: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise RowRejected(
            f"{name_nb} «{value}» er ikke en dato (åååå-mm-dd).",
            f"{name_en} “{value}” is not a date (yyyy-mm-dd).",
        ) from None


def _percentage(value: str) -> Decimal:
    try:
        found = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        found = Decimal("NaN")
    if not found.is_finite() or not 0 < found <= 100 or found != round(found, 2):
        raise RowRejected(
            f"Deltakelsesprosenten «{value}» må være over 0 og høyst 100, med høyst to desimaler.",
            f"The participation percentage “{value}” must be above 0 and at most 100, with at "
            "most two decimals.",
        )
    return found


def _row(line: int, cells: list[str]) -> Row:
    if len(cells) != len(HEADER):
        raise RowRejected(
            f"Raden har {len(cells)} felt; den skal ha {len(HEADER)}.",
            f"The row has {len(cells)} fields; it must have {len(HEADER)}.",
        )
    delivery, participant, start, end, share = (cell.strip() for cell in cells)
    if not participant or len(participant) > 40 or set(participant) - PARTICIPANT_CHARS:
        raise RowRejected(
            "Deltakerens id må være 1–40 tegn: bokstaver a–z, sifre, - og _.",
            "The participant's id must be 1–40 characters: letters a–z, digits, - and _.",
        )
    from_date = _date(start, "Fra-datoen", "The from date")
    to_date = _date(end, "Til-datoen", "The to date") if end else None
    if to_date is not None and to_date < from_date:
        raise RowRejected("Til-datoen er før fra-datoen.", "The to date is before the from date.")
    return Row(line, delivery, participant, from_date, to_date, _percentage(share))


def _check_delivery(actor: Actor, row: Row, deliveries: dict[str, Any]) -> Any:
    delivery = deliveries.get(row.delivery)
    if delivery is None or not policies.allows(
        actor, policies.can_manage_schemes_in, delivery.county_id
    ):
        raise RowRejected(
            f"Fant ingen gjennomføring med nummer «{row.delivery}» i fylkene du forvalter.",
            f"No delivery numbered “{row.delivery}” in the counties you manage.",
        )
    last = delivery.ends_on
    if row.from_date < delivery.starts_on or (last and (row.to_date or last) > last):
        raise RowRejected(
            "Deltakelsen må ligge innenfor gjennomføringens periode.",
            "The participation must lie inside the delivery's period.",
        )
    return delivery


def _kept_in_velferd(deliveries: dict[str, Any]) -> set[tuple[Any, str]]:
    """The (delivery, participant) pairs kept in velferd among the file's deliveries, read
    a chunk of deliveries at a time (a query's parameters are limited)."""
    ids = sorted(delivery.pk for delivery in deliveries.values())
    kept: set[tuple[Any, str]] = set()
    for at in range(0, len(ids), 500):
        kept.update(
            Participation.objects.filter(
                source=ParticipationSource.VELFERD, delivery_id__in=ids[at : at + 500]
            ).values_list("delivery_id", "participant")
        )
    return kept


def _check_not_kept(row: Row, delivery: Any, kept: set[tuple[Any, str]]) -> None:
    if (delivery.pk, row.participant) in kept:
        raise RowRejected(
            f"Deltakelsen «{row.participant}» føres i velferd og kan ikke lastes opp fra fil.",
            f"The participation “{row.participant}” is kept in velferd and cannot be imported "
            "from a file.",
        )


def _rows(text: str) -> tuple[list[Row], list[LineError]]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    rows: list[Row] = []
    errors: list[LineError] = []
    header = next(reader, None)
    if header is None or [cell.strip().lower() for cell in header] != HEADER:
        errors.append(
            LineError(
                1,
                "Første linje skal være overskriftene: " + ";".join(HEADER) + ".",
                "The first line must be the headings: " + ";".join(HEADER) + ".",
            )
        )
        return rows, errors
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        try:
            rows.append(_row(reader.line_num, cells))
        except RowRejected as rejected:
            errors.append(LineError(reader.line_num, rejected.nb, rejected.en))
    return rows, errors


def refused(errors: list[LineError]) -> DomainError:
    shown = errors[:50]
    more_nb = f"\n… og {len(errors) - 50} linjer til." if len(errors) > 50 else ""
    more_en = f"\n… and {len(errors) - 50} more lines." if len(errors) > 50 else ""
    return DomainError(
        code="invalid_rows",
        field="file",
        message_nb="Ingenting er lagret. Rett linjene og last opp filen på nytt:\n"
        + "\n".join(f"Linje {e.line}: {e.message_nb}" for e in shown)
        + more_nb,
        message_en="Nothing was saved. Correct the lines and upload the file again:\n"
        + "\n".join(f"Line {e.line}: {e.message_en}" for e in shown)
        + more_en,
    )


@transaction.atomic
def participation_import(*, actor: Actor, text: str) -> int:
    """Import the file's rows; the number of rows written. All or nothing."""
    policies.require(actor, policies.can_manage_funding)
    rows, errors = _rows(text)
    if len(rows) > MAX_ROWS:
        errors.append(
            LineError(MAX_ROWS + 2, "Filen har for mange rader.", "The file has too many rows.")
        )
    deliveries = schemes_selectors.funding_deliveries_by_number({row.delivery for row in rows})
    kept = _kept_in_velferd(deliveries)
    checked = []
    for row in rows:
        try:
            delivery = _check_delivery(actor, row, deliveries)
            _check_not_kept(row, delivery, kept)
            checked.append((row, delivery))
        except RowRejected as rejected:
            errors.append(LineError(row.line, rejected.nb, rejected.en))
    if errors:
        raise refused(sorted(errors, key=lambda e: e.line))
    if not checked:
        raise DomainError(
            code="empty_file",
            field="file",
            message_nb="Filen har ingen rader.",
            message_en="The file has no rows.",
        )
    for row, delivery in checked:
        Participation.objects.update_or_create(
            delivery=delivery,
            participant=row.participant,
            from_date=row.from_date,
            defaults={"to_date": row.to_date, "percentage": row.percentage},
        )
    audit.record(
        actor=actor,
        action="participation.imported",
        target=checked[0][1],
        after={"rows": len(checked), "deliveries": sorted({row.delivery for row, _ in checked})},
    )
    return len(checked)
