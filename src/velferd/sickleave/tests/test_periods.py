"""Quarters."""

from velferd.sickleave.periods import Period, four_quarters


def test_periods_roll_over_the_year() -> None:
    assert Period(2025, 4).shifted(1) == Period(2026, 1)
    assert four_quarters(Period(2026, 2)) == [
        Period(2025, 3), Period(2025, 4), Period(2026, 1), Period(2026, 2)]  # fmt: skip
