"""The portfolio's age rules read the birth date kept on the person, the National Population
Register's, not the identity number: a number issued from 2032 does not tell the century
(Skatteetaten, "Nytt fødselsnummer fra 2032"), so the same number is under 30 or not, of
working age or not, by the registry's date alone."""

from __future__ import annotations

import datetime
import itertools

import pytest

from velferd.core.identifiers import birth_date_from_number, synthetic_national_id_from_2032
from velferd.people.models import Person
from velferd.people.services import person_register

from ..sagene import DAY, D, Sagene, flagged

pytestmark = pytest.mark.django_db

SERIALS = itertools.count()


def registered_from_2032(sagene: Sagene, given: str, born: datetime.date) -> Person:
    """A person whose number follows the rule from 2032, with the registry's birth date,
    followed up at Sagene by the municipal caseworker."""
    number = synthetic_national_id_from_2032(born, next(SERIALS))
    assert birth_date_from_number(number) is None
    who = person_register(
        actor=sagene.state,
        national_id=number,
        birth_date=born,
        given_name=given,
        family_name="Sagen",
        municipality_number="0301",
        district="Sagene",
    )
    sagene.follow(who, by=sagene.municipal)
    return who


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        pytest.param(datetime.date(2001, 5, 5), ["Ung"], id="born-2001-is-24"),
        pytest.param(datetime.date(1901, 5, 5), [], id="born-1901-is-124"),
    ],
)
def test_the_activity_requirement_under_30_reads_the_registrys_birth_date(
    sagene: Sagene, born: datetime.date, expected: list[str]
) -> None:
    """Social Services Act § 20a: activity requirement for those under 30 on financial
    assistance."""
    who = registered_from_2032(sagene, "Ung", born)
    sagene.assistance(who, since=D - 100 * DAY)

    assert flagged(sagene.municipal, "activity_requirement") == expected


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        pytest.param(datetime.date(1985, 2, 2), ["Kandidat"], id="born-1985-is-40"),
        pytest.param(datetime.date(1885, 2, 2), [], id="born-1885-is-140"),
    ],
)
def test_the_qualification_programme_18_to_66_reads_the_registrys_birth_date(
    sagene: Sagene, born: datetime.date, expected: list[str]
) -> None:
    """Social Services Act § 29: the qualification programme is for those of working age."""
    who = registered_from_2032(sagene, "Kandidat", born)
    sagene.assistance(who, since=D - 200 * DAY)
    sagene.decide(who, "specially_adapted")

    assert flagged(sagene.municipal, "qualification_not_assessed") == expected
