"""The supplier's monthly progress report for a participant: the month, the days attended of
the days planned, and a text the caseworker and the person read.

One report a month: a second for the same month is refused (409 `report_exists`), not
merged or overwritten, so that what the person and the caseworker have read never changes
under them; a mistake is put right in next month's report. The unique constraint holds it
when two are sent at once. A month is reported once it has begun, and only a month the
participation runs in; a participation closed lately (still the supplier's to see) takes
the report of its last month."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid, required_text

from ..models import Participation, ProgressReport
from .changes import require_user
from .supplier_access import locked_for_supplier

MAX_DAYS_IN_MONTH = 31
REPORT_FIELDS = ("month", "days_attended", "days_planned")


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def parse_month(value: object) -> datetime.date | None:
    """`2026-11` (what a month field sends), `11.2026` or a whole date."""
    text = str(value or "").strip()
    if not text:
        return None
    for pattern in ("%Y-%m", "%m.%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return month_of(datetime.datetime.strptime(text, pattern).date())
        except ValueError:
            continue
    raise invalid(
        "invalid_month",
        "month",
        "Skriv måneden som mm.åååå, for eksempel 11.2026.",
        "Write the month as mm.yyyy, for example 11.2026.",
    )


def parse_days(value: object, field: str) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise invalid(
            "invalid_number", field, "Skriv et helt tall, som 12.", "Write a whole number, like 12."
        )
    return int(text)


def _check_month(participation: Participation, month: datetime.date | None) -> None:
    if month is None:
        raise invalid("month_required", "month", "Velg måneden.", "Choose the month.")
    if month > month_of(timezone.localdate()):
        raise invalid(
            "month_not_begun",
            "month",
            "Du kan ikke rapportere for en måned som ikke har begynt.",
            "You cannot report on a month that has not begun.",
        )
    starts, ends = participation.starts_on, participation.ends_on
    if (starts and month < month_of(starts)) or (ends and month > month_of(ends)):
        raise invalid(
            "month_outside_participation",
            "month",
            "Deltakelsen varer ikke i den måneden.",
            "The participation does not run in that month.",
        )


def _check_days(attended: int | None, planned: int | None) -> list[DomainError]:
    problems: list[DomainError] = []
    if planned is None:
        problems.append(
            invalid(
                "days_planned_required",
                "days_planned",
                "Skriv planlagte dager.",
                "Write the days planned.",
            )
        )
    elif not 1 <= planned <= MAX_DAYS_IN_MONTH:
        problems.append(
            invalid(
                "days_out_of_range",
                "days_planned",
                "Planlagte dager er fra 1 til 31.",
                "The days planned are from 1 to 31.",
            )
        )
    if attended is None:
        problems.append(
            invalid(
                "days_attended_required",
                "days_attended",
                "Skriv dager med oppmøte.",
                "Write the days attended.",
            )
        )
    elif planned is not None and attended > planned:
        problems.append(
            invalid(
                "attended_over_planned",
                "days_attended",
                "Dager med oppmøte kan ikke være flere enn planlagte dager.",
                "The days attended cannot be more than the days planned.",
            )
        )
    return problems


def report_problems(participation: Participation, values: dict[str, Any]) -> list[DomainError]:
    """Every refusal of a report's values at once (the page shows them all)."""
    problems: list[DomainError] = []
    try:
        _check_month(participation, values.get("month"))
    except DomainError as error:
        problems.append(error)
    problems.extend(_check_days(values.get("days_attended"), values.get("days_planned")))
    try:
        required_text(values.get("text"), "text", "Rapporten", "report", 5000)
    except DomainError as error:
        problems.append(error)
    return problems


def _exists(month: datetime.date) -> DomainError:
    return DomainError(
        code="report_exists",
        field="month",
        status=CONFLICT,
        message_nb=f"Det er allerede sendt en rapport for {month:%m.%Y}.",
        message_en=f"A report for {month:%m.%Y} has already been sent.",
    )


@transaction.atomic
def report_submit(*, actor: Actor, participation: Participation, **values: Any) -> ProgressReport:
    """The supplier sends the month's report. Someone else's participant is 404, a second
    report for the month 409, a value that does not hold 422."""
    locked = locked_for_supplier(actor, participation)
    problems = report_problems(locked, values)
    if problems:
        raise problems[0]
    month = values["month"]
    if ProgressReport.objects.filter(participation=locked, month=month).exists():
        raise _exists(month)
    try:
        with transaction.atomic():
            report = ProgressReport.objects.create(
                participation=locked,
                month=month,
                days_attended=values["days_attended"],
                days_planned=values["days_planned"],
                text=values["text"].strip(),
                submitted_by=require_user(actor),
            )
    except IntegrityError:
        raise _exists(month) from None
    audit.record(
        actor=actor,
        action="progress_report.sent",
        target=report,
        after=audit.snapshot(report, *REPORT_FIELDS),
    )
    return report
