"""What the funding pages share: the actor, forms' parsing, the month shown."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.errors import DomainError

from ..calculation import month_start, parse_month


def logged_in(request: HttpRequest) -> Actor:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    return actor


def chosen_month(value: str | None) -> datetime.date:
    """The month asked for (yyyy-mm), or this month; a bad value is refused."""
    if not value:
        return month_start(timezone.localdate())
    try:
        return parse_month(value)
    except ValueError:
        raise DomainError(
            code="invalid_month",
            field="month",
            message_nb="Skriv måneden som åååå-mm, for eksempel 2026-11.",
            message_en="Write the month as yyyy-mm, for example 2026-11.",
        ) from None


def neighbour_months(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    before = (month - datetime.timedelta(days=1)).replace(day=1)
    after = (month + datetime.timedelta(days=32)).replace(day=1)
    return before, after
