"""Working days: Monday to Friday, less Norway's public holidays (the Public Holidays Act,
lov om helligdager og helligdagsfred § 2, and 1 and 17 May), as the `holidays` library
keeps them; every deadline of the Ministry's enquiries counts them."""

from __future__ import annotations

import datetime

import pytest

from velferd.enquiries import deadlines
from velferd.enquiries.working_days import (
    add_working_days,
    is_working_day,
    working_days_between,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2026, 1, 1), "New Year's Day"),
        (D(2026, 4, 2), "Maundy Thursday"),
        (D(2026, 4, 3), "Good Friday"),
        (D(2026, 4, 6), "Easter Monday"),
        (D(2026, 5, 1), "1 May"),
        (D(2026, 5, 14), "Ascension Day"),
        (D(2026, 5, 25), "Whit Monday"),
        (D(2026, 12, 25), "Christmas Day"),
        (D(2027, 5, 17), "Constitution Day on a Monday"),
    ],
)
def test_public_holidays_are_not_working_days_helligdagsloven_2(day: D, name: str) -> None:
    assert day.weekday() < 5, name
    assert not is_working_day(day), name


def test_saturdays_and_sundays_are_not_working_days_and_christmas_eve_is() -> None:
    assert not is_working_day(D(2026, 12, 5)) and not is_working_day(D(2026, 12, 6))
    # Christmas Eve is no public holiday under the Act.
    assert is_working_day(D(2026, 12, 24))


def test_working_days_skip_the_weekend() -> None:
    friday = D(2026, 11, 20)
    assert add_working_days(friday, 1) == D(2026, 11, 23)
    assert add_working_days(friday, 5) == D(2026, 11, 27)


def test_a_deadline_over_easter_skips_the_holidays() -> None:
    """Wednesday before Easter 2026 plus one working day is the Tuesday after Easter."""
    assert add_working_days(D(2026, 4, 1), 1) == D(2026, 4, 7)
    assert working_days_between(D(2026, 4, 1), D(2026, 4, 7)) == 1


def test_a_deadline_over_christmas_and_new_year_skips_them() -> None:
    assert add_working_days(D(2026, 12, 23), 3) == D(2026, 12, 29)
    assert add_working_days(D(2026, 12, 30), 2) == D(2027, 1, 4)


def test_ten_working_days_for_an_enquiry_received_before_may_holidays(settings: object) -> None:
    """Received Wednesday 29 April 2026: 1 May, Ascension Day and the weekends are skipped."""
    assert deadlines.answer_by(D(2026, 4, 29), is_access_request=False, is_press=False) == D(
        2026, 5, 15
    )


def test_an_access_request_counts_as_refused_after_five_working_days_offl_32() -> None:
    """Offentleglova § 32 third paragraph: five working days, holidays not counted."""
    assert deadlines.deemed_refused_after(D(2026, 5, 13)) == D(2026, 5, 21)


def test_the_provisional_reply_is_due_a_month_after_receipt_fvl_11a() -> None:
    assert deadlines.provisional_reply_by(D(2026, 1, 31)) == D(2026, 2, 28)
    assert deadlines.provisional_reply_by(D(2026, 12, 15)) == D(2027, 1, 15)
