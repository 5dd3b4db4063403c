"""Dates and times as the refusals name them: the Norwegian way (31.12.2026, 12:00), in
both languages, in the local time zone."""

from __future__ import annotations

import datetime

from django.utils import timezone


def norwegian_date(day: datetime.date) -> str:
    return f"{day:%d.%m.%Y}"


def norwegian_moment(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%d.%m.%Y %H:%M}"
