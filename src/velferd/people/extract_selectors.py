"""Reads for the results domain's pseudonymised extract: what a statistical row may know of
a person, and never who they are. The identity number is read here and leaves as a keyed
hash (HMAC-SHA256) and the gender it tells; the name is never read. One query for any
number of people (the ids may be a queryset, used as a subquery)."""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from velferd.core.identifiers import CheckDigitRule, check_digit_rule

from .models import Person

FEMALE, MALE, UNKNOWN = "female", "male", "unknown"


@dataclass(frozen=True)
class PersonFacts:
    pseudonym: str
    birth_date: datetime.date
    gender: str
    needs_interpreter: bool
    county: str


def pseudonym(national_id: str, key: bytes) -> str:
    """The keyed hash that stands for the person in an extract: stable under one key,
    unlinkable to the number without it."""
    return hmac.new(key, national_id.encode("ascii"), hashlib.sha256).hexdigest()


def gender_in_number(national_id: str) -> str:
    """The gender the identity number tells (the third individual digit: even for women,
    odd for men), or unknown: numbers under the rule from 2032 tell none."""
    if check_digit_rule(national_id) is not CheckDigitRule.BEFORE_2032:
        return UNKNOWN
    return MALE if int(national_id[8]) % 2 else FEMALE


def facts_for_extract(person_ids: Iterable[Any], *, key: bytes) -> dict[Any, PersonFacts]:
    """What the extract may know of each person named, by person id."""
    rows = Person.objects.filter(pk__in=person_ids).values_list(
        "pk", "national_id", "birth_date", "needs_interpreter", "municipality__county_id"
    )
    return {
        pk: PersonFacts(
            pseudonym=pseudonym(national_id, key),
            birth_date=born,
            gender=gender_in_number(national_id),
            needs_interpreter=interpreter,
            county=county or "",
        )
        for pk, national_id, born, interpreter, county in rows
    }
