"""Synthetic identity numbers (month + 80) for demo and test data: every one generated is
valid where synthetic numbers are allowed, carries the birth date asked for, and different
serials give different people different numbers."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, strategies as st
from pytest_django.fixtures import Settings

from velferd.core.errors import DomainError
from velferd.core.identifiers import (
    CheckDigitRule,
    birth_date_for_number,
    birth_date_from_number,
    check_digit_rule,
    is_synthetic_national_id,
    synthetic_national_id,
    synthetic_national_id_from_2032,
    validate_national_id,
)

FIRST_DAY = datetime.date(1900, 1, 1)
birth_dates = st.dates(FIRST_DAY, datetime.date.today())
serials = st.integers(0, 199)


class TestEveryGeneratedNumber:
    @given(born=birth_dates, serial=serials)
    def test_validates_is_synthetic_and_carries_its_birth_date(
        self, born: datetime.date, serial: int
    ) -> None:
        number = synthetic_national_id(born, serial)

        assert len(number) == 11 and number.isdigit()
        assert validate_national_id(number) == number
        assert is_synthetic_national_id(number)
        assert birth_date_from_number(number) == born

    @given(born=birth_dates, serial=serials)
    def test_shows_the_birth_date_with_80_added_to_the_month(
        self, born: datetime.date, serial: int
    ) -> None:
        number = synthetic_national_id(born, serial)

        assert number[:6] == f"{born.day:02d}{born.month + 80:02d}{born:%y}"

    @given(born=birth_dates, serials=st.lists(serials, min_size=2, max_size=10, unique=True))
    def test_different_serials_give_different_numbers(
        self, born: datetime.date, serials: list[int]
    ) -> None:
        numbers = {synthetic_national_id(born, serial) for serial in serials}

        assert len(numbers) == len(serials)

    @given(born=birth_dates, serial=serials)
    def test_the_same_serial_always_gives_the_same_number(
        self, born: datetime.date, serial: int
    ) -> None:
        assert synthetic_national_id(born, serial) == synthetic_national_id(born, serial)


@pytest.mark.parametrize(
    "born",
    [
        FIRST_DAY,
        datetime.date(1999, 12, 31),
        datetime.date(2000, 1, 1),
        datetime.date(2000, 2, 29),
        datetime.date.today(),
    ],
)
def test_two_hundred_serials_give_two_hundred_valid_numbers_for_one_date(
    born: datetime.date,
) -> None:
    numbers = [synthetic_national_id(born, serial) for serial in range(200)]

    assert len(set(numbers)) == 200
    assert all(validate_national_id(n) == n and birth_date_from_number(n) == born for n in numbers)


def test_a_generated_number_is_refused_where_synthetic_numbers_are_not_allowed(
    settings: Settings,
) -> None:
    settings.VELFERD_ALLOW_SYNTHETIC_IDS = False
    number = synthetic_national_id(datetime.date(1990, 5, 17), 0)

    with pytest.raises(DomainError) as caught:
        validate_national_id(number)

    assert caught.value.code == "synthetic_national_id_not_allowed"


class TestNumbersUnderTheRuleFrom2032:
    """Synthetic numbers as Skatteetaten will issue them from 2032 (first check digit with
    remainder 1 to 3): valid, but the birth date is not in them."""

    @given(born=birth_dates, serial=st.integers(0, 50))
    def test_validates_follows_only_the_new_rule_and_needs_its_birth_date(
        self, born: datetime.date, serial: int
    ) -> None:
        number = synthetic_national_id_from_2032(born, serial)

        assert validate_national_id(number) == number
        assert is_synthetic_national_id(number)
        assert check_digit_rule(number) is CheckDigitRule.FROM_2032
        assert birth_date_from_number(number) is None
        assert birth_date_for_number(number, born) == born

    @given(born=birth_dates)
    def test_different_serials_give_different_numbers(self, born: datetime.date) -> None:
        numbers = {synthetic_national_id_from_2032(born, serial) for serial in range(20)}

        assert len(numbers) == 20
