"""Norwegian identifiers: national identity numbers and D-numbers, organisation numbers,
SSB codes.

Identity numbers follow folkeregisterforskriften: eleven digits, the birth date (ddmmyy),
three individual digits and two check digits; a D-number adds 4 to the first digit. From
1 January 2032 Skatteetaten issues numbers under a new rule: the first check digit may take
one of four values and the individual digits no longer tell the century of birth, so the
birth date is the registry's, kept on the person, not read from the number alone.

Helper numbers (H-numbers) and NAV's test numbers add 40 to the month, Skatteetaten's
synthetic test numbers add 80: none of them is a national identity number or a D-number,
and they are accepted only where VELFERD_ALLOW_SYNTHETIC_IDS is on (demo and tests).

Organisation numbers are python-stdnum's. Identity numbers are never logged;
`mask_national_id` gives the form shown in lists.
"""

import datetime
import enum
import re
import uuid

from django.conf import settings
from django.utils import timezone
from stdnum import exceptions as stdnum_exceptions
from stdnum.no import fodselsnummer, orgnr

from .errors import DomainError

_MUNICIPALITY_NUMBER = re.compile(r"^\d{4}$")
_COUNTY_NUMBER = re.compile(r"^\d{2}$")
_ELEVEN_DIGITS = re.compile(r"[0-9]{11}")

# The weights of the two check digits, each with weight 1 for the check digit itself:
# a number is valid when the weighted sum leaves an allowed remainder modulo 11.
_FIRST_CHECK_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_SECOND_CHECK_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
# Before 2032 the first check digit leaves remainder 0; from 2032 0, 1, 2 or 3 (Skatteetaten,
# "Nytt fødselsnummer fra 2032"). The second check digit leaves 0 under both rules.
_REMAINDERS_BEFORE_2032 = frozenset({0})
_REMAINDERS_FROM_2032 = frozenset({0, 1, 2, 3})
# The earliest birth year the individual-digit series cover (folkeregisterforskriften).
EARLIEST_BIRTH_YEAR = 1854
# Months written + 40 (H-numbers, NAV's test numbers) and + 80 (Skatteetaten's synthetic).
HELPER_MONTH_OFFSET = 40
SYNTHETIC_MONTH_OFFSET = 80
D_NUMBER_DAY_OFFSET = 40


class CheckDigitRule(enum.Enum):
    """Which rule a number's check digits follow. A number whose first check digit leaves
    remainder 0 follows both; it is said to follow the rule before 2032."""

    BEFORE_2032 = "before_2032"
    FROM_2032 = "from_2032"


def _invalid(field: str, nb: str, en: str, code: str) -> DomainError:
    return DomainError(code=code, message_nb=nb, message_en=en, field=field)


def _compact(number: str) -> str:
    return fodselsnummer.compact(number or "")


def _is_eleven_digits(digits: str) -> bool:
    """Eleven ASCII digits: str.isdigit() also takes other scripts' digits and "²"."""
    return _ELEVEN_DIGITS.fullmatch(digits) is not None


def _remainder(digits: str, weights: tuple[int, ...]) -> int:
    return sum(weight * int(digit) for weight, digit in zip(weights, digits, strict=True)) % 11


def check_digit_rule(number: str) -> CheckDigitRule | None:
    """The rule the number's check digits follow, or None when they follow neither.

    python-stdnum (2.2, its newest release) knows only the rule before 2032, one value for
    the first check digit, so the rule from 2032 is written out here: the first check digit
    may leave the remainder 0, 1, 2 or 3; the second is computed as before, over the digits
    including the first."""
    digits = _compact(number)
    if not _is_eleven_digits(digits):
        return None
    if _remainder(digits, _SECOND_CHECK_WEIGHTS) != 0:
        return None
    first = _remainder(digits[:10], _FIRST_CHECK_WEIGHTS)
    if first in _REMAINDERS_BEFORE_2032:
        return CheckDigitRule.BEFORE_2032
    if first in _REMAINDERS_FROM_2032:
        return CheckDigitRule.FROM_2032
    return None


def month_offset(number: str) -> int:
    """0 for a national identity number or D-number, 40 for a helper number (H-number) or
    NAV's test numbers, 80 for Skatteetaten's synthetic numbers."""
    month = int(_compact(number)[2:4])
    for offset in (SYNTHETIC_MONTH_OFFSET, HELPER_MONTH_OFFSET):
        if offset < month <= offset + 12:
            return offset
    return 0


def is_synthetic_national_id(number: str) -> bool:
    """Skatteetaten's synthetic numbers add 80 to the month (digits 3-4)."""
    digits = _compact(number)
    return _is_eleven_digits(digits) and month_offset(digits) == 80


def is_helper_or_test_number(number: str) -> bool:
    """A number with 40 or 80 added to the month: a helper number, NAV's test numbers or
    Skatteetaten's synthetic ones; not a national identity number or a D-number."""
    digits = _compact(number)
    return _is_eleven_digits(digits) and month_offset(digits) != 0


def is_d_number(number: str) -> bool:
    """A D-number adds 40 to the day (first digit 4 to 7)."""
    return D_NUMBER_DAY_OFFSET < int(_compact(number)[:2]) <= D_NUMBER_DAY_OFFSET + 31


def date_in_number(number: str) -> tuple[int, int, int] | None:
    """Day, month and two-digit year as the number writes the birth date, the D-number's
    and the test numbers' offsets taken off; None for a day or month no date can have."""
    digits = _compact(number)
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if is_d_number(digits):
        day -= D_NUMBER_DAY_OFFSET
    month -= month_offset(digits)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, year


def _century_before_2032(individual: int, year: int) -> int | None:
    """The century the individual digits give under the rule before 2032
    (folkeregisterforskriften): 000-499 the 1900s, 500-749 the 1800s (years 54-99),
    500-999 the 2000s (years 00-39), 900-999 the 1900s (years 40-99)."""
    if individual < 500:
        return 1900
    if individual < 750 and year >= 54:
        return 1800
    if year < 40:
        return 2000
    if individual >= 900:
        return 1900
    return None


def _date_or_none(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def birth_date_from_number(number: str) -> datetime.date | None:
    """The birth date the number tells, or None when it cannot tell: a number under the rule
    from 2032 (its individual digits give no century), or one whose individual digits give
    no century, no real date or a day still to come; such numbers are read as issued under
    the rule from 2032, and the birth date must come from the registry."""
    digits = _compact(number)
    written = date_in_number(digits)
    if written is None or check_digit_rule(digits) is not CheckDigitRule.BEFORE_2032:
        return None
    day, month, year = written
    century = _century_before_2032(int(digits[6:9]), year)
    if century is None:
        return None
    born = _date_or_none(century + year, month, day)
    if born is None or born > timezone.localdate():
        return None
    return born


def _is_a_date_in_some_century(day: int, month: int, year: int) -> bool:
    return any(
        _date_or_none(century + year, month, day) is not None for century in (1800, 1900, 2000)
    )


def validate_national_id(number: str, *, field: str = "national_id") -> str:
    """Return the compact 11-digit national identity number or D-number, or raise a
    DomainError saying why not. Check digits under the rule before 2032 and the rule from
    2032 are both accepted; helper and test numbers (month + 40 or + 80) only where
    VELFERD_ALLOW_SYNTHETIC_IDS is on. Their check digits are over the digits as written."""
    digits = _compact(number)
    if not _is_eleven_digits(digits):
        raise _invalid(
            field,
            "Fødselsnummeret må ha 11 sifre.",
            "The national identity number must have 11 digits.",
            "invalid_national_id_length",
        )
    if is_helper_or_test_number(digits) and not settings.VELFERD_ALLOW_SYNTHETIC_IDS:
        raise _invalid(
            field,
            "Hjelpenumre og syntetiske testnumre (måned + 40 eller + 80) er ikke "
            "fødselsnumre eller D-numre og er ikke tillatt her.",
            "Helper numbers and synthetic test numbers (month + 40 or + 80) are not national "
            "identity numbers or D-numbers and are not allowed here.",
            "synthetic_national_id_not_allowed",
        )
    if check_digit_rule(digits) is None:
        raise _invalid(
            field,
            "Fødselsnummeret har feil kontrollsiffer.",
            "The national identity number has a wrong check digit.",
            "invalid_national_id_checksum",
        )
    written = date_in_number(digits)
    if written is None or not _is_a_date_in_some_century(*written):
        raise _invalid(
            field,
            "Fødselsnummeret inneholder ikke en gyldig fødselsdato.",
            "The national identity number does not contain a valid birth date.",
            "invalid_national_id_date",
        )
    return digits


def birth_date_for_number(
    number: str, given: datetime.date | None, *, field: str = "birth_date"
) -> datetime.date:
    """The birth date to keep for a person with this (validated) number: the one given,
    the registry's, when it agrees with the date written in the number; none given, the
    one the number tells; refused when the number cannot tell it and none is given."""
    if given is None:
        told = birth_date_from_number(number)
        if told is None:
            raise _invalid(
                field,
                "Fødselsdato mangler: nummeret viser ikke hvilket århundre personen er født i "
                "(slik fødselsnumre og D-numre tildelt fra 2032). Oppgi fødselsdatoen fra "
                "Folkeregisteret.",
                "The birth date is missing: the number does not tell the century of birth "
                "(as national identity numbers and D-numbers issued from 2032). Give the birth "
                "date from the National Population Register.",
                "birth_date_required",
            )
        return told
    _check_birth_date(given, field)
    _check_birth_date_matches_number(number, given, field)
    return given


def _check_birth_date(born: datetime.date, field: str) -> None:
    if born > timezone.localdate() or born.year < EARLIEST_BIRTH_YEAR:
        raise _invalid(
            field,
            f"Fødselsdatoen må være fra {EARLIEST_BIRTH_YEAR} til i dag.",
            f"The birth date must be from {EARLIEST_BIRTH_YEAR} until today.",
            "invalid_birth_date",
        )


def _check_birth_date_matches_number(number: str, born: datetime.date, field: str) -> None:
    written = date_in_number(number)
    if written is None or written == (born.day, born.month, born.year % 100):
        return
    day, month, year = written
    raise _invalid(
        field,
        f"Fødselsdatoen {born:%d.%m.%Y} stemmer ikke med nummeret, som viser dag og måned "
        f"{day:02d}.{month:02d} og et år som ender på {year:02d}.",
        f"The birth date {born:%d.%m.%Y} does not match the number, which shows day and month "
        f"{day:02d}.{month:02d} and a year ending in {year:02d}.",
        "birth_date_contradicts_national_id",
    )


def synthetic_national_id(born: datetime.date, serial: int) -> str:
    """A synthetic number (month + 80) for demo and test data, under the check-digit rule
    before 2032 so that it tells its birth date; different serials give different numbers
    for the same birth date (about 200 valid ones per date)."""
    first, last = (0, 499) if born.year < 2000 else (500, 999)
    stem = f"{born.day:02d}{born.month + SYNTHETIC_MONTH_OFFSET:02d}{born.year % 100:02d}"
    valid = 0
    for individual in range(first, last + 1):
        base = f"{stem}{individual:03d}"
        check1 = fodselsnummer.calc_check_digit1(base)
        check2 = fodselsnummer.calc_check_digit2(base + check1)
        if len(check1) == 1 and len(check2) == 1:
            if valid == serial % 200:
                return base + check1 + check2
            valid += 1
    raise ValueError(f"no synthetic number for {born} with serial {serial}")


def synthetic_national_id_from_2032(born: datetime.date, serial: int) -> str:
    """A synthetic number (month + 80) whose first check digit only the rule from 2032
    allows, as Skatteetaten will issue from 2032: it does not tell the century, so the
    person's birth date must be given. Individual digits from 999 down, as Skatteetaten
    plans; different serials give different numbers for the same birth date."""
    stem = f"{born.day:02d}{born.month + SYNTHETIC_MONTH_OFFSET:02d}{born.year % 100:02d}"
    found = 0
    for individual in range(999, -1, -1):
        for first_check in range(10):
            first_ten = f"{stem}{individual:03d}{first_check}"
            second_check = (11 - _remainder(f"{first_ten}0", _SECOND_CHECK_WEIGHTS)) % 11
            number = f"{first_ten}{second_check}"
            if second_check < 10 and check_digit_rule(number) is CheckDigitRule.FROM_2032:
                if found == serial:
                    return number
                found += 1
    raise ValueError(f"no synthetic number from 2032 for {born} with serial {serial}")


def mask_national_id(number: str) -> str:
    """Birth date shown, personal number hidden: 010190*****."""
    return number[:6] + "*****" if len(number) == 11 else "***********"


def validate_organisation_number(number: str, *, field: str = "organisation_number") -> str:
    """The organisation number in its compact form (nine digits, the last a modulus-11
    check digit, as Brønnøysundregistrene assign them), or a refusal saying why not. The one
    check of organisation numbers: enterprises, suppliers, employers' logins and the
    sick-leave statistics all use it."""
    written = (number or "").strip()
    digits = orgnr.compact(written)
    try:
        return str(orgnr.validate(digits))
    except stdnum_exceptions.InvalidChecksum:
        raise _invalid(
            field,
            f"«{written}» er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke.",
            f"“{written}” is not a valid organisation number: the check digit does not match.",
            "invalid_organisation_number",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise _invalid(
            field,
            f"«{written}» er ikke et organisasjonsnummer: det må ha ni sifre.",
            f"“{written}” is not an organisation number: it must have nine digits.",
            "invalid_organisation_number",
        ) from None


def is_organisation_number(number: str) -> bool:
    try:
        validate_organisation_number(number)
    except DomainError:
        return False
    return True


def validate_municipality_number(number: str, *, field: str = "municipality") -> str:
    if not _MUNICIPALITY_NUMBER.match(number or ""):
        raise _invalid(
            field,
            f"«{number}» er ikke et kommunenummer: det må ha fire sifre.",
            f"“{number}” is not a municipality number: it must have four digits.",
            "malformed_municipality_number",
        )
    return number


def validate_county_number(number: str, *, field: str = "county") -> str:
    if not _COUNTY_NUMBER.match(number or ""):
        raise _invalid(
            field,
            f"«{number}» er ikke et fylkesnummer: det må ha to sifre.",
            f"“{number}” is not a county number: it must have two digits.",
            "malformed_county_number",
        )
    return number


def as_uuid(value: object) -> uuid.UUID | None:
    """The value as a UUID, or None when it is not one (an id from a URL, say)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
