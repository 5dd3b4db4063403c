"""The deadlines of the Ministry's enquiries, and the rules they come from.

- An ordinary enquiry is answered within `VELFERD_ENQUIRY_DEADLINE_WORKING_DAYS` working
  days, a press enquiry within `VELFERD_PRESS_DEADLINE_WORKING_DAYS`.
- An access request (innsynskrav) is answered without undue delay (offentleglova § 29
  first paragraph, offentlegforskrifta § 7): the Ministry's practice is one to three working
  days, so its deadline is three (one for the press, if that is sooner). When it is not
  answered within five working days of its receipt, it counts as refused and may be
  appealed (offentleglova § 32 third paragraph): from the day after `deemed_refused_after`.
- An ordinary enquiry that cannot be answered within a month of its receipt gets a
  provisional answer (forvaltningsloven § 11a third paragraph) by `provisional_reply_by`;
  the inbox flags it from a week before.
"""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings

from .working_days import add_working_days

ACCESS_REQUEST_WORKING_DAYS = 3
DEEMED_REFUSED_WORKING_DAYS = 5
PROVISIONAL_REPLY_WARNING = datetime.timedelta(days=7)


def one_month_after(day: datetime.date) -> datetime.date:
    """The same day of the next month, or that month's last day if it is shorter."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def answer_by(received: datetime.date, *, is_access_request: bool, is_press: bool) -> datetime.date:
    """The deadline for answering an enquiry received on `received`."""
    days = (
        settings.VELFERD_PRESS_DEADLINE_WORKING_DAYS
        if is_press
        else settings.VELFERD_ENQUIRY_DEADLINE_WORKING_DAYS
    )
    if is_access_request:
        days = min(days, ACCESS_REQUEST_WORKING_DAYS)
    return add_working_days(received, days)


def deemed_refused_after(received: datetime.date) -> datetime.date:
    """The last day an access request can be answered before it counts as refused."""
    return add_working_days(received, DEEMED_REFUSED_WORKING_DAYS)


def provisional_reply_by(received: datetime.date) -> datetime.date:
    return one_month_after(received)


def provisional_reply_warned_from(by: datetime.date) -> datetime.date:
    return by - PROVISIONAL_REPLY_WARNING
