"""Organisation numbers: nine digits, the last a modulus-11 check digit (Brønnøysund Register
Centre, "Organisasjonsnummer"). One check, with one set of messages, serves enterprises,
suppliers' and employers' logins and the sick-leave statistics file."""

from __future__ import annotations

import pytest
from django.utils import translation

from velferd.core.errors import DomainError
from velferd.core.identifiers import is_organisation_number, validate_organisation_number
from velferd.core.testing import refusal


def assert_bilingual(error: DomainError) -> None:
    assert error.message_nb and error.message_en and error.message_nb != error.message_en
    with translation.override("nb"):
        assert error.message == error.message_nb
    with translation.override("en"):
        assert error.message == error.message_en


@pytest.mark.parametrize("number", ["912345688", "987654309", "974760673", "889640782"])
def test_a_valid_number_is_accepted(number: str) -> None:
    assert validate_organisation_number(number) == number
    assert is_organisation_number(number)


def test_spaces_are_removed() -> None:
    assert validate_organisation_number(" 912 345 688 ") == "912345688"


@pytest.mark.parametrize("number", ["912345678", "123456789", "889640783"])
def test_a_wrong_check_digit_is_refused_naming_the_number_and_the_check_digit(
    number: str,
) -> None:
    error = refusal(lambda: validate_organisation_number(number))
    assert (error.code, error.field, error.status) == (
        "invalid_organisation_number",
        "organisation_number",
        422,
    )
    assert number in error.message_nb and "kontrollsifferet" in error.message_nb
    assert error.message_en == (
        f"“{number}” is not a valid organisation number: the check digit does not match."
    )
    assert_bilingual(error)
    assert not is_organisation_number(number)


@pytest.mark.parametrize("number", ["", "12345678", "1234567890", "91234568x"])
def test_a_number_without_nine_digits_is_refused_saying_so(number: str) -> None:
    error = refusal(lambda: validate_organisation_number(number))
    assert error.code == "invalid_organisation_number"
    assert error.message_en == (
        f"“{number}” is not an organisation number: it must have nine digits."
    )
    assert "ni sifre" in error.message_nb
    assert_bilingual(error)


def test_the_field_can_be_named_by_the_caller() -> None:
    error = refusal(lambda: validate_organisation_number("1", field="supplier"))
    assert error.field == "supplier"
