"""Norwegian identifiers: national identity numbers, D-numbers, helper and synthetic numbers,
validated and refused with a code and a message in both languages. The rule from 2032 is
tested in test_national_ids_2032, the birth date kept for a number in test_birth_dates,
organisation numbers in test_organisation_numbers."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from hypothesis import assume, given, strategies as st
from pytest_django.fixtures import Settings
from stdnum.no import fodselsnummer

from velferd.core.errors import DomainError
from velferd.core.identifiers import (
    birth_date_from_number,
    is_helper_or_test_number,
    is_synthetic_national_id,
    mask_national_id,
    validate_county_number,
    validate_municipality_number,
    validate_national_id,
)
from velferd.core.testing import refusal


def with_check_digits(first_nine: str) -> str | None:
    """The eleven-digit number for nine digits, or None when no check digit fits (a '10')."""
    digit1 = fodselsnummer.calc_check_digit1(first_nine)
    digit2 = fodselsnummer.calc_check_digit2(first_nine + digit1)
    if len(digit1) != 1 or len(digit2) != 1:
        return None
    return first_nine + digit1 + digit2


def national_id(
    born: datetime.date,
    individual: int,
    *,
    d_number: bool = False,
    synthetic: bool = False,
    helper: bool = False,
) -> str | None:
    """A number for a birth date and individual number, check digits computed over the
    digits as written (so also for D-numbers, helper and synthetic numbers)."""
    day = born.day + (40 if d_number else 0)
    month = born.month + (80 if synthetic else 40 if helper else 0)
    return with_check_digits(f"{day:02d}{month:02d}{born.year % 100:02d}{individual:03d}")


def first_national_id(born: datetime.date, **kind: bool) -> str:
    """The first valid number for a birth date in the 1900s (individual numbers 000–499)."""
    for individual in range(100, 500):
        number = national_id(born, individual, **kind)
        if number is not None:
            return number
    raise AssertionError("no individual number gives valid check digits")


BORN = datetime.date(1990, 1, 15)
REAL = first_national_id(BORN)
D_NUMBER = first_national_id(BORN, d_number=True)
SYNTHETIC = first_national_id(BORN, synthetic=True)
HELPER = first_national_id(BORN, helper=True)


def id_refusal(number: str) -> DomainError:
    return refusal(lambda: validate_national_id(number))


def assert_bilingual(error: DomainError) -> None:
    assert error.message_nb and error.message_en
    assert error.message_nb != error.message_en
    with translation.override("nb"):
        assert error.message == error.message_nb
    with translation.override("en"):
        assert error.message == error.message_en


class TestValidateNationalId:
    def test_a_valid_real_number_is_accepted_as_written(self) -> None:
        assert fodselsnummer.is_valid(REAL)  # python-stdnum agrees it is a real number
        assert validate_national_id(REAL) == REAL

    def test_separators_and_spaces_are_removed(self) -> None:
        written = f" {REAL[:6]} {REAL[6:]} "
        assert validate_national_id(written) == REAL

    def test_a_d_number_is_accepted(self) -> None:
        assert int(D_NUMBER[:2]) > 40
        assert validate_national_id(D_NUMBER) == D_NUMBER

    def test_a_synthetic_number_is_accepted_where_synthetic_numbers_are_allowed(
        self, settings: Settings
    ) -> None:
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = True
        assert is_synthetic_national_id(SYNTHETIC)
        assert validate_national_id(SYNTHETIC) == SYNTHETIC

    def test_a_synthetic_number_is_refused_where_synthetic_numbers_are_not_allowed(
        self, settings: Settings
    ) -> None:
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = False
        error = id_refusal(SYNTHETIC)
        assert error.code == "synthetic_national_id_not_allowed"
        assert error.field == "national_id"
        assert "80" in error.message_en
        assert_bilingual(error)

    def test_a_real_number_and_a_d_number_are_accepted_where_synthetic_ones_are_not(
        self, settings: Settings
    ) -> None:
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = False
        assert validate_national_id(REAL) == REAL
        assert validate_national_id(D_NUMBER) == D_NUMBER

    @pytest.mark.parametrize("number", [HELPER, "13527248013", "68467038838"])
    def test_a_helper_number_month_plus_40_is_refused_where_synthetic_numbers_are_not_allowed(
        self, settings: Settings, number: str
    ) -> None:
        """H-numbers and NAV's test numbers add 40 to the month: neither is a national
        identity number nor a D-number (folkeregisterforskriften), which is all the API
        promises. The last two are navikt/fnrvalidator's H-number and D- and H-number."""
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = False
        error = id_refusal(number)
        assert error.code == "synthetic_national_id_not_allowed"
        assert "40" in error.message_en and "40" in error.message_nb
        assert_bilingual(error)

    @pytest.mark.parametrize("number", [HELPER, "13527248013", "68467038838"])
    def test_a_helper_number_is_accepted_where_synthetic_numbers_are_allowed(
        self, settings: Settings, number: str
    ) -> None:
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = True
        assert is_helper_or_test_number(number) and not is_synthetic_national_id(number)
        assert validate_national_id(number) == number

    @pytest.mark.parametrize(
        "number", ["", "1234567890", "123456789012", "0101901234a", "0101901234²", "٠١٠١٩٠١٢٣٤٥"]
    )
    def test_a_number_without_eleven_digits_is_refused_for_its_length(self, number: str) -> None:
        error = id_refusal(number)
        assert error.code == "invalid_national_id_length"
        assert error.message_en == "The national identity number must have 11 digits."
        assert_bilingual(error)

    def test_a_wrong_check_digit_is_refused(self) -> None:
        wrong = REAL[:-1] + str((int(REAL[-1]) + 1) % 10)
        error = id_refusal(wrong)
        assert error.code == "invalid_national_id_checksum"
        assert error.message_en == "The national identity number has a wrong check digit."
        assert_bilingual(error)

    def test_an_impossible_birth_date_is_refused(self) -> None:
        number = next(
            n
            for i in range(100, 500)
            if (n := with_check_digits(f"300290{i:03d}")) is not None  # 30 February 1990
        )
        error = id_refusal(number)
        assert error.code == "invalid_national_id_date"
        assert_bilingual(error)

    def test_the_field_of_the_refusal_can_be_named_by_the_caller(self) -> None:
        with pytest.raises(DomainError) as caught:
            validate_national_id("123", field="child_national_id")
        assert caught.value.field == "child_national_id"

    def test_each_refusal_has_its_own_code(self) -> None:
        impossible = next(
            n for i in range(100, 500) if (n := with_check_digits(f"300290{i:03d}")) is not None
        )
        codes = {
            id_refusal("123").code,
            id_refusal(REAL[:-1] + str((int(REAL[-1]) + 1) % 10)).code,
            id_refusal(impossible).code,
        }
        assert len(codes) == 3


@st.composite
def valid_national_ids(draw: st.DrawFn) -> str:
    """Valid numbers of every kind, born in the 1900s or in the 2000s up to last year."""
    last_year = datetime.date.today().year - 1
    if draw(st.booleans()):
        born = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(1999, 12, 31)))
        series = range(0, 500)
    else:
        born = draw(st.dates(datetime.date(2000, 1, 1), datetime.date(last_year, 12, 31)))
        series = range(500, 1000)
    kind = draw(st.sampled_from(["real", "d_number", "synthetic", "helper"]))
    start = draw(st.integers(0, len(series) - 1))
    # The first individual number from `start` on whose check digits are not a '10'.
    for step in range(len(series)):
        number = national_id(
            born,
            series[(start + step) % len(series)],
            d_number=kind == "d_number",
            synthetic=kind == "synthetic",
            helper=kind == "helper",
        )
        if number is not None:
            return number
    raise AssertionError("no individual number gives valid check digits")


class TestNationalIdProperties:
    @given(number=valid_national_ids(), replacement=st.integers(1, 9))
    def test_changing_only_the_last_digit_of_a_valid_number_makes_it_invalid(
        self, number: str, replacement: int
    ) -> None:
        assert validate_national_id(number) == number
        changed = number[:-1] + str((int(number[-1]) + replacement) % 10)
        with pytest.raises(DomainError) as caught:
            validate_national_id(changed)
        assert caught.value.code == "invalid_national_id_checksum"

    @given(number=valid_national_ids())
    def test_a_number_python_stdnum_accepts_is_accepted_and_tells_the_same_birth_date(
        self, number: str
    ) -> None:
        """python-stdnum knows the rule before 2032, and reads the month + 40 and the
        D-number's day + 40 the same way; the synthetic month + 80 it does not know."""
        assume(not is_synthetic_national_id(number))
        assert fodselsnummer.is_valid(number)
        assert validate_national_id(number) == number
        assert birth_date_from_number(number) == fodselsnummer.get_birth_date(number)


class TestMaskNationalId:
    def test_the_birth_date_is_shown_and_the_personal_number_hidden(self) -> None:
        masked = mask_national_id(REAL)
        assert masked == REAL[:6] + "*****"
        assert REAL[6:] not in masked

    @pytest.mark.parametrize("number", ["", "123", "123456789012"])
    def test_a_malformed_number_is_hidden_entirely(self, number: str) -> None:
        assert mask_national_id(number) == "*" * 11


class TestMunicipalityAndCountyNumbers:
    def test_a_four_digit_municipality_number_is_accepted(self) -> None:
        assert validate_municipality_number("0301") == "0301"

    @pytest.mark.parametrize("number", ["301", "03011", "03a1", ""])
    def test_a_malformed_municipality_number_is_refused(self, number: str) -> None:
        with pytest.raises(DomainError) as caught:
            validate_municipality_number(number)
        assert caught.value.code == "malformed_municipality_number"
        assert_bilingual(caught.value)

    def test_a_two_digit_county_number_is_accepted(self) -> None:
        assert validate_county_number("46") == "46"

    @pytest.mark.parametrize("number", ["4", "460", "4x", ""])
    def test_a_malformed_county_number_is_refused(self, number: str) -> None:
        with pytest.raises(DomainError) as caught:
            validate_county_number(number)
        assert caught.value.code == "malformed_county_number"
        assert_bilingual(caught.value)
