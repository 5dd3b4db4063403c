"""The participation's dates against the catalogue's maximum duration for the scheme type:
an end date past it needs an extension reason, which the audit event keeps
(participation.extended)."""

from __future__ import annotations

import calendar
import datetime
from typing import Any

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid

from ..models import CLOSED, Participation
from .changes import changing


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def latest_end(scheme: Any, starts_on: datetime.date) -> datetime.date | None:
    """The last day within the type's maximum duration (None: no maximum)."""
    if scheme.max_duration_months is None:
        return None
    return add_months(starts_on, scheme.max_duration_months) - datetime.timedelta(days=1)


def check_dates(
    scheme: Any,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    extension_reason: str = "",
) -> bool:
    """Refuse an end before the start, and one past the maximum duration without a reason;
    returns whether the dates go past the maximum (an extension)."""
    if starts_on and ends_on and ends_on < starts_on:
        raise invalid(
            "ends_before_start",
            "ends_on",
            "Sluttdatoen kan ikke være før startdatoen.",
            "The end date cannot be before the start date.",
        )
    if not (starts_on and ends_on):
        return False
    latest = latest_end(scheme, starts_on)
    if latest is None or ends_on <= latest:
        return False
    if not extension_reason.strip():
        months = scheme.max_duration_months
        raise invalid(
            "longer_than_maximum",
            "ends_on",
            f"«{scheme.name_nb}» varer høyst {months} måneder, til {latest:%d.%m.%Y}. "
            "Skriv en begrunnelse for forlengelsen, eller velg en tidligere sluttdato.",
            f"“{scheme.name_en}” lasts at most {months} months, until {latest:%d.%m.%Y}. "
            "Write a reason for the extension, or choose an earlier end date.",
        )
    return True


@retried_atomic
def participation_change_dates(
    *,
    actor: Actor,
    participation: Participation,
    version: int,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    extension_reason: str = "",
) -> Participation:
    """Change the start and end dates; past the maximum duration only with a reason."""
    policies.require(actor, policies.can_change_participation, participation)
    scheme = participation.delivery.scheme_type
    extended = check_dates(scheme, starts_on, ends_on, extension_reason)
    event = "participation.extended" if extended else "participation.dates_changed"
    with changing(actor, participation, event, version=version) as step:
        if step.record.status in CLOSED:
            raise invalid(
                "participation_closed",
                None,
                "Deltakelsen er avsluttet og kan ikke endres.",
                "The participation is closed and cannot be changed.",
                status=CONFLICT,
            )
        step.record.starts_on, step.record.ends_on = starts_on, ends_on
        if extended:
            step.after = {"extension_reason": extension_reason.strip()[:2000]}
    return step.record
