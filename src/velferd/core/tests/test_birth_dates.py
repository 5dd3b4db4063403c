"""The birth date kept for a person is the National Population Register's: given, it must
agree with the date the number writes (folkeregisterforskriften: the first six digits are
the birth date); left out, it is read from the number where the number tells it, and
required where it does not, as for numbers issued from 2032, whose individual digits no
longer tell the century (Skatteetaten, "Nytt fødselsnummer fra 2032")."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from velferd.core import identifiers
from velferd.core.errors import DomainError
from velferd.core.identifiers import birth_date_for_number
from velferd.core.testing import refusal

FROM_2032_ONLY = "30108299939"  # Skatteetaten's example: born 30.10.1982, number from 2032
D_NUMBER_FROM_2032 = "70108299930"  # the same date as a D-number, first check digit + 1
BEFORE_2032 = "13097248022"  # navikt/fnrvalidator: born 13.09.1972
D_NUMBER = "53097248016"
BORN_1982 = datetime.date(1982, 10, 30)


def birth_date_refusal(number: str, given: datetime.date | None) -> DomainError:
    return refusal(lambda: birth_date_for_number(number, given))


def test_the_d_number_of_the_2032_examples_follows_only_the_rule_from_2032() -> None:
    assert identifiers.check_digit_rule(D_NUMBER_FROM_2032) is identifiers.CheckDigitRule.FROM_2032


class TestNoBirthDateGiven:
    def test_a_number_under_the_rule_before_2032_gives_its_birth_date(self) -> None:
        assert birth_date_for_number(BEFORE_2032, None) == datetime.date(1972, 9, 13)
        assert birth_date_for_number(D_NUMBER, None) == datetime.date(1972, 9, 13)

    @pytest.mark.parametrize("number", [FROM_2032_ONLY, D_NUMBER_FROM_2032])
    def test_a_number_that_cannot_tell_the_century_needs_the_registrys_birth_date(
        self, number: str
    ) -> None:
        error = birth_date_refusal(number, None)
        assert (error.code, error.field, error.status) == ("birth_date_required", "birth_date", 422)
        with translation.override("en"):
            assert "century" in error.message and "2032" in error.message
        with translation.override("nb"):
            assert "århundre" in error.message and "Folkeregisteret" in error.message


class TestBirthDateGiven:
    @pytest.mark.parametrize("century", [1882, 1982])
    def test_the_registrys_date_is_kept_for_a_number_that_cannot_tell_the_century(
        self, century: int
    ) -> None:
        born = BORN_1982.replace(year=century)
        assert birth_date_for_number(FROM_2032_ONLY, born) == born
        assert birth_date_for_number(D_NUMBER_FROM_2032, born) == born

    def test_the_registrys_date_is_kept_where_the_number_tells_the_same(self) -> None:
        born = datetime.date(1972, 9, 13)
        assert birth_date_for_number(BEFORE_2032, born) == born

    @pytest.mark.parametrize(
        "given",
        [
            datetime.date(1982, 10, 31),  # another day
            datetime.date(1982, 11, 30),  # another month
            datetime.date(1983, 10, 30),  # a year ending otherwise
        ],
    )
    def test_a_date_that_contradicts_the_number_is_refused_with_what_the_number_shows(
        self, given: datetime.date
    ) -> None:
        error = birth_date_refusal(FROM_2032_ONLY, given)
        assert (error.code, error.field) == ("birth_date_contradicts_national_id", "birth_date")
        with translation.override("en"):
            assert f"{given:%d.%m.%Y}" in error.message
            assert "30.10" in error.message and "ending in 82" in error.message
        with translation.override("nb"):
            assert "stemmer ikke" in error.message and "30.10" in error.message

    def test_a_d_numbers_date_is_checked_without_the_40_added_to_the_day(self) -> None:
        assert birth_date_for_number(D_NUMBER, datetime.date(1972, 9, 13))
        error = birth_date_refusal(D_NUMBER, datetime.date(1972, 9, 14))
        assert error.code == "birth_date_contradicts_national_id"

    def test_a_synthetic_numbers_date_is_checked_without_the_80_added_to_the_month(
        self,
    ) -> None:
        number = identifiers.synthetic_national_id(datetime.date(1990, 5, 17), 3)
        assert birth_date_for_number(number, datetime.date(1990, 5, 17))
        assert birth_date_refusal(number, datetime.date(1990, 6, 17)).code == (
            "birth_date_contradicts_national_id"
        )

    def test_a_birth_date_in_the_future_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(identifiers.timezone, "localdate", lambda: datetime.date(2026, 12, 1))
        error = birth_date_refusal("02013299997", datetime.date(2032, 1, 2))
        assert (error.code, error.field) == ("invalid_birth_date", "birth_date")
        assert "1854" in error.message_en and "1854" in error.message_nb

    def test_a_birth_date_before_the_first_individual_number_series_is_refused(self) -> None:
        error = birth_date_refusal(FROM_2032_ONLY, datetime.date(1782, 10, 30))
        assert error.code == "invalid_birth_date"
