"""The import of a statistics file: all rows or none, the aggregates refreshed in the
same transaction, one StatisticsImport row and one audit event. A row for an enterprise
and quarter already imported replaces the figures when they differ ("changed") and is left
alone when they are the same ("unchanged"), so importing the same file twice changes
nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit

from .. import selectors
from ..models import (
    QuarterlyStatistics,
    StatisticsImport,
)
from ..periods import Period
from .aggregates import refresh_aggregates
from .statistics_file import CHUNK, Row, enterprise_ids, parse


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


@transaction.atomic
def statistics_import(*, actor: Actor, data: bytes, filename: str = "") -> ImportReport:
    """Import a statistics file: all rows or none; refreshes the aggregates; audited."""
    policies.require(actor, policies.can_import_sick_leave_statistics)
    rows = parse(data)
    ids = enterprise_ids({r.organisation_number for r in rows})
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
                    current.short_term_lost_workdays,
                    current.long_term_lost_workdays,
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
            "short_term_lost_workdays",
            "long_term_lost_workdays",
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


def _workdays(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def _figures(
    row: QuarterlyStatistics,
) -> tuple[Decimal, Decimal, Decimal, int, Decimal | None, Decimal | None]:
    return (
        Decimal(row.possible_workdays).quantize(Decimal("0.01")),
        Decimal(row.lost_workdays).quantize(Decimal("0.01")),
        Decimal(row.graded_lost_workdays).quantize(Decimal("0.01")),
        row.sick_listed_persons,
        _workdays(row.short_term_lost_workdays),
        _workdays(row.long_term_lost_workdays),
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
        short_term_lost_workdays=row.short_term_lost_workdays,
        long_term_lost_workdays=row.long_term_lost_workdays,
        created_at=now,
        updated_at=now,
    )
