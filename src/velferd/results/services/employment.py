"""The import of the employers' monthly reports (A-ordningen): every person's employment in
a month. All lines or none; one EmploymentImport row and one audit event per file. A line
for a person and month already imported replaces that row (one upsert per batch, set-based);
lines for people velferd does not know are counted and left out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import ImportRejected
from velferd.people.register_selectors import person_ids_by_national_id

from ..models import EmploymentImport, EmploymentMonth
from .employment_file import COLUMNS, Problem, Row, parse

__all__ = ["COLUMNS", "EmploymentReport", "ImportRejected", "Problem", "employment_import"]

BATCH = 5000


@dataclass(frozen=True)
class EmploymentReport:
    record: EmploymentImport
    lines: int

    @property
    def rows(self) -> int:
        return self.record.rows

    @property
    def ignored(self) -> int:
        return self.record.ignored


@transaction.atomic
def employment_import(*, actor: Actor, data: bytes, filename: str = "") -> EmploymentReport:
    """Import a file of monthly employment statuses: all lines or none; audited."""
    policies.require(actor, policies.can_import_employment)
    rows = parse(data)
    persons = person_ids_by_national_id(r.national_id for r in rows)
    known = [r for r in rows if r.national_id in persons]
    months = [r.month for r in rows]
    record = EmploymentImport.objects.create(
        imported_by=actor.user,
        imported_by_label=actor.label[:200],
        file_name=filename[:200],
        rows=len(known),
        ignored=len(rows) - len(known),
        first_month=min(months),
        last_month=max(months),
    )
    _upsert(known, persons, record)
    audit.record(
        actor=actor,
        action="employment_import.imported",
        target=record,
        after={
            "file_name": record.file_name,
            "rows": record.rows,
            "ignored": record.ignored,
            "first_month": record.first_month.isoformat(),
            "last_month": record.last_month.isoformat(),
        },
    )
    return EmploymentReport(record=record, lines=len(rows))


def _upsert(rows: list[Row], persons: dict[str, Any], record: EmploymentImport) -> None:
    for start in range(0, len(rows), BATCH):
        EmploymentMonth.objects.bulk_create(
            [
                EmploymentMonth(
                    person_id=persons[r.national_id],
                    month=r.month,
                    employed=r.employed,
                    contracted_hours=r.contracted_hours,
                    industry=r.industry,
                    source=record,
                )
                for r in rows[start : start + BATCH]
            ],
            update_conflicts=True,
            unique_fields=["person", "month"],
            update_fields=["employed", "contracted_hours", "industry", "source"],
        )
