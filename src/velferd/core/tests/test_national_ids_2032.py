"""National identity numbers and D-numbers under both check-digit rules.

From 1 January 2032 Skatteetaten issues numbers whose first check digit may leave the
remainder 0, 1, 2 or 3 and whose individual digits no longer tell the century (Skatteetaten,
"Nytt fødselsnummer fra 2032", skatteetaten.github.io/folkeregisteret-api-dokumentasjon/
nytt-fodselsnummer-fra-2032). Numbers issued before keep the rule of folkeregisterforskriften
(remainder 0, the century read from the individual digits). The vectors are Skatteetaten's
published examples and navikt/fnrvalidator's test suite."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, strategies as st
from pytest_django.fixtures import Settings

from velferd.core import identifiers
from velferd.core.identifiers import (
    CheckDigitRule,
    birth_date_from_number,
    check_digit_rule,
    validate_national_id,
)
from velferd.core.testing import refusal

BEFORE_2032 = CheckDigitRule.BEFORE_2032
FROM_2032 = CheckDigitRule.FROM_2032


@pytest.fixture
def a_day_in_2026(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    """Today pinned before 2032, for the numbers whose reading depends on what is past."""
    day = datetime.date(2026, 12, 1)
    monkeypatch.setattr(identifiers.timezone, "localdate", lambda: day)
    return day


def first_check_digits_by_skatteetaten(first_nine: str) -> set[int]:
    """Skatteetaten's own wording of the rule from 2032, as a second opinion:
    k1 = {11, 12, 13, 14} - (weighted sum MOD 11), less 11 when above 10, dropped when 10."""
    total = sum(w * int(d) for w, d in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), first_nine, strict=True))
    values = set()
    for start in (11, 12, 13, 14):
        k1 = start - total % 11
        k1 = k1 - 11 if k1 > 10 else k1
        if k1 != 10:
            values.add(k1)
    return values


def second_check_digit(first_ten: str) -> int | None:
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    k2 = (11 - sum(w * int(d) for w, d in zip(weights, first_ten, strict=True)) % 11) % 11
    return None if k2 == 10 else k2


def numbers_by_skatteetaten(first_nine: str) -> set[str]:
    """Every valid eleven-digit number for nine digits under the rule from 2032."""
    found = set()
    for k1 in first_check_digits_by_skatteetaten(first_nine):
        k2 = second_check_digit(f"{first_nine}{k1}")
        if k2 is not None:
            found.add(f"{first_nine}{k1}{k2}")
    return found


class TestSkatteetatensExamples:
    """Skatteetaten, "Nytt fødselsnummer fra 2032", Eksempler."""

    def test_the_first_person_born_on_2_january_2032_is_accepted(
        self, a_day_in_2026: datetime.date
    ) -> None:
        assert validate_national_id("02013299997") == "02013299997"
        assert check_digit_rule("02013299997") is BEFORE_2032  # k1 = 9 leaves remainder 0

    def test_two_people_born_on_30_october_1982_given_numbers_in_2032_are_accepted(self) -> None:
        assert validate_national_id("30108299920") == "30108299920"  # remainder 0
        assert validate_national_id("30108299939") == "30108299939"  # remainder 1
        assert check_digit_rule("30108299939") is FROM_2032

    def test_a_number_only_the_rule_from_2032_accepts_does_not_tell_the_birth_date(self) -> None:
        """The individual digits no longer tell the century: 1882, 1982 or 2082 alike."""
        assert birth_date_from_number("30108299939") is None

    def test_a_number_the_rule_before_2032_would_read_as_born_in_the_future_does_not_tell(
        self, a_day_in_2026: datetime.date
    ) -> None:
        """Read with the individual digits of the rule before 2032, 02013299997 is born on
        2 January 2032; before that day it can only be a number issued from 2032."""
        assert birth_date_from_number("02013299997") is None

    def test_a_number_the_rule_before_2032_reads_tells_that_birth_date(self) -> None:
        assert birth_date_from_number("30108299920") == datetime.date(1982, 10, 30)


class TestNavsFnrvalidatorVectors:
    """navikt/fnrvalidator, tests/fnr.spec.ts: the numbers it accepts and refuses."""

    @pytest.mark.parametrize(
        ("number", "born"),
        [
            ("13097248022", datetime.date(1972, 9, 13)),  # fnr
            ("29029648784", datetime.date(1996, 2, 29)),  # a standard leap year
            ("29020075838", datetime.date(2000, 2, 29)),  # year 00 as a leap year
            ("15021951940", datetime.date(2019, 2, 15)),  # a check digit computed as 11 is 0
            ("53097248016", datetime.date(1972, 9, 13)),  # dnr
            ("70108299914", datetime.date(1982, 10, 30)),  # dnr in the 2032 examples
        ],
    )
    def test_national_identity_numbers_and_d_numbers_are_accepted_in_production(
        self, settings: Settings, number: str, born: datetime.date
    ) -> None:
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = False
        assert validate_national_id(number) == number
        assert birth_date_from_number(number) == born

    @pytest.mark.parametrize(
        "number",
        [
            "13527248013",  # hnr: month + 40
            "68467038838",  # dnr and hnr
            "10915596784",  # tnr: Skatteetaten's synthetic, month + 80
            "50846202355",  # dnr and tnr
        ],
    )
    def test_helper_and_synthetic_numbers_are_accepted_only_in_demo_and_tests(
        self, settings: Settings, number: str
    ) -> None:
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = True
        assert validate_national_id(number) == number
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = False
        assert refusal(lambda: validate_national_id(number)).code == (
            "synthetic_national_id_not_allowed"
        )

    @pytest.mark.parametrize(
        "number",
        [
            "30108299939",  # rest 1, k1 = 3
            "02013299997",  # k1 = 9
            "30108299920",  # rest 0, k1 = 2
        ],
    )
    def test_the_new_check_digits_are_accepted(self, number: str) -> None:
        assert validate_national_id(number) == number

    @pytest.mark.parametrize("number", ["1234567890", "123456789101", "1234567891A"])
    def test_a_number_without_eleven_digits_is_refused(self, number: str) -> None:
        assert refusal(lambda: validate_national_id(number)).code == "invalid_national_id_length"

    @pytest.mark.parametrize(
        "number",
        [
            "13097248032",  # first check digit wrong
            "13097248023",  # second check digit wrong
            "02013299987",  # no remainder 0-3 gives k1 = 8
            "02013299996",  # k1 right, k2 wrong
            "29020112345",  # wrong digits and 29 February 2001 (navikt: both reasons)
            "32127248022",  # wrong digits and day 32
            "13137248022",  # wrong digits and month 13
        ],
    )
    def test_a_wrong_check_digit_is_refused_under_both_rules(self, number: str) -> None:
        assert refusal(lambda: validate_national_id(number)).code == (
            "invalid_national_id_checksum"
        )


class TestImpossibleDates:
    """The first six digits are a birth date (folkeregisterforskriften); the check digits
    being right does not make a day 32, a month 13 or a 29 February in no leap year one."""

    @pytest.mark.parametrize(
        "first_six", ["321272", "131372", "290201", "000172", "810172", "311172"]
    )
    def test_a_number_with_right_check_digits_and_no_real_date_is_refused(
        self, first_six: str
    ) -> None:
        number = next(
            n
            for individual in range(1000)
            for n in sorted(numbers_by_skatteetaten(f"{first_six}{individual:03d}"))
        )
        assert refusal(lambda: validate_national_id(number)).code == "invalid_national_id_date"

    def test_29_february_of_a_year_ending_00_is_a_date(self) -> None:
        """As Skatteetaten's validator: with no century told, 00 may be 2000, a leap year."""
        number = next(
            n for i in range(1000) for n in sorted(numbers_by_skatteetaten(f"290200{i:03d}"))
        )
        assert validate_national_id(number) == number


class TestBothRulesAgainstSkatteetatensWording:
    @given(first_nine=st.from_regex(r"\A(0[1-9]|[12][0-9]|30)(0[1-9]|1[0-2])[0-9]{5}\Z"))
    def test_exactly_the_numbers_the_rule_from_2032_allows_are_accepted(
        self, first_nine: str
    ) -> None:
        allowed = numbers_by_skatteetaten(first_nine)
        accepted = {
            f"{first_nine}{tail:02d}"
            for tail in range(100)
            if check_digit_rule(f"{first_nine}{tail:02d}") is not None
        }
        assert accepted == allowed
        assert len(accepted) <= 4

    @given(first_nine=st.from_regex(r"\A[0-9]{9}\Z"))
    def test_the_rule_before_2032_is_the_first_of_the_four(self, first_nine: str) -> None:
        before = {
            f"{first_nine}{tail:02d}"
            for tail in range(100)
            if check_digit_rule(f"{first_nine}{tail:02d}") is BEFORE_2032
        }
        assert len(before) <= 1
        assert before <= numbers_by_skatteetaten(first_nine)

    def test_a_d_number_may_take_a_first_check_digit_of_the_rule_from_2032(self) -> None:
        from_2032 = sorted(
            n for n in numbers_by_skatteetaten("701082999") if check_digit_rule(n) is FROM_2032
        )
        assert from_2032, "the rule from 2032 gives the D-number more than one number"
        for number in from_2032:
            assert validate_national_id(number) == number
            assert birth_date_from_number(number) is None
