"""Working days in Norway: Monday to Friday, less the public holidays (the Public Holidays
Act's helligdager, 1 May and 17 May), as the `holidays` library keeps them for country NO.
Every "working days" count of the Ministry's deadlines goes through this module."""

from __future__ import annotations

import datetime
from functools import cache

import holidays


@cache
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("NO", years=year))


def is_public_holiday(day: datetime.date) -> bool:
    return day in _public_holidays(day.year)


def is_working_day(day: datetime.date) -> bool:
    """Not a Saturday, a Sunday or a Norwegian public holiday."""
    return day.weekday() < 5 and not is_public_holiday(day)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The day `count` working days after `day` (the day itself is not counted)."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """How many working days there are after `start`, up to and including `end`."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        count += is_working_day(day)
    return count
