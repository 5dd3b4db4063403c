"""Norwegian identifiers: national identity numbers, organisation numbers, SSB codes.

Validation is python-stdnum's. Identity numbers are never logged; `mask_national_id`
gives the form shown in lists.
"""

import datetime
import re
import uuid

from django.conf import settings
from django.utils import timezone
from stdnum import exceptions as stdnum_exceptions
from stdnum.no import fodselsnummer, orgnr

from .errors import DomainError

_MUNICIPALITY_NUMBER = re.compile(r"^\d{4}$")
_COUNTY_NUMBER = re.compile(r"^\d{2}$")


def _invalid(field: str, nb: str, en: str, code: str) -> DomainError:
    return DomainError(code=code, message_nb=nb, message_en=en, field=field)


def is_synthetic_national_id(number: str) -> bool:
    """Skatteetaten's synthetic numbers add 80 to the month (digits 3-4)."""
    digits = fodselsnummer.compact(number)
    return len(digits) == 11 and digits.isdigit() and int(digits[2:4]) > 80


def _as_real_form(digits: str) -> str:
    """The number with the synthetic month offset removed, for reading its birth date."""
    return digits[:2] + f"{int(digits[2:4]) - 80:02d}" + digits[4:]


def validate_national_id(number: str, *, field: str = "national_id") -> str:
    """Return the compact 11-digit number (or D-number) or raise a DomainError saying why not.

    A synthetic number keeps its check digits over the digits as written; only its birth
    date is read with the month offset removed.
    """
    digits = fodselsnummer.compact(number or "")
    if not digits.isdigit() or len(digits) != 11:
        raise _invalid(
            field,
            "Fødselsnummeret må ha 11 sifre.",
            "The national identity number must have 11 digits.",
            "invalid_national_id_length",
        )
    synthetic = is_synthetic_national_id(digits)
    if synthetic and not settings.VELFERD_ALLOW_SYNTHETIC_IDS:
        raise _invalid(
            field,
            "Syntetiske fødselsnumre (måned + 80) er ikke tillatt her.",
            "Synthetic identity numbers (month + 80) are not allowed here.",
            "synthetic_national_id_not_allowed",
        )
    if digits[-2] != fodselsnummer.calc_check_digit1(digits) or digits[
        -1
    ] != fodselsnummer.calc_check_digit2(digits):
        raise _invalid(
            field,
            "Fødselsnummeret har feil kontrollsiffer.",
            "The national identity number has a wrong check digit.",
            "invalid_national_id_checksum",
        )
    try:
        born = fodselsnummer.get_birth_date(_as_real_form(digits) if synthetic else digits)
    except stdnum_exceptions.ValidationError:
        born = None
    if born is None or born > timezone.localdate():
        raise _invalid(
            field,
            "Fødselsnummeret inneholder ikke en gyldig fødselsdato.",
            "The national identity number does not contain a valid birth date.",
            "invalid_national_id_date",
        )
    return digits


def birth_date_of(number: str) -> datetime.date:
    """The birth date in a number already validated (D-numbers and synthetic ones too)."""
    digits = fodselsnummer.compact(number)
    return fodselsnummer.get_birth_date(
        _as_real_form(digits) if is_synthetic_national_id(digits) else digits
    )


def synthetic_national_id(born: datetime.date, serial: int) -> str:
    """A synthetic number (month + 80) for demo and test data; different serials give
    different numbers for the same birth date (about 200 valid ones per date)."""
    first, last = (0, 499) if born.year < 2000 else (500, 999)
    size = last - first + 1
    stem = f"{born.day:02d}{born.month + 80:02d}{born.year % 100:02d}"
    valid = 0
    for step in range(size):
        base = f"{stem}{first + step:03d}"
        check1 = fodselsnummer.calc_check_digit1(base)
        check2 = fodselsnummer.calc_check_digit2(base + check1)
        if len(check1) == 1 and len(check2) == 1:
            if valid == serial % 200:
                return base + check1 + check2
            valid += 1
    raise ValueError(f"no synthetic number for {born} with serial {serial}")


def mask_national_id(number: str) -> str:
    """Birth date shown, personal number hidden: 010190*****."""
    return number[:6] + "*****" if len(number) == 11 else "***********"


def validate_organisation_number(number: str, *, field: str = "organisation_number") -> str:
    digits = orgnr.compact(number or "")
    try:
        return str(orgnr.validate(digits))
    except stdnum_exceptions.InvalidChecksum:
        raise _invalid(
            field,
            "Organisasjonsnummeret har feil kontrollsiffer.",
            "The organisation number has a wrong check digit.",
            "invalid_organisation_number_checksum",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise _invalid(
            field,
            "Organisasjonsnummeret må ha ni sifre.",
            "The organisation number must have nine digits.",
            "invalid_organisation_number",
        ) from None


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
