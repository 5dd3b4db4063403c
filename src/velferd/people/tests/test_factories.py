"""The people factories make people and consents as the services would take them: a valid
synthetic identity number, at NAV Grünerløkka, a consent that holds today."""

from __future__ import annotations

import pytest
from django.utils import timezone

from velferd.access import policies
from velferd.core.identifiers import is_synthetic_national_id, validate_national_id
from velferd.core.testing import login_actor

from .factories import (
    a_consent,
    a_person,
    at_sagene,
    citizen_of,
    confidential,
    office_employee,
    strictly_confidential,
)

pytestmark = pytest.mark.django_db


def test_a_factory_person_has_a_valid_synthetic_identity_number_of_their_own() -> None:
    made = [a_person() for _ in range(3)]

    numbers = {p.national_id for p in made}
    assert len(numbers) == 3
    for someone in made:
        assert validate_national_id(someone.national_id) == someone.national_id
        assert is_synthetic_national_id(someone.national_id)


def test_a_factory_person_lives_in_grunerlokka_and_is_followed_up_there() -> None:
    someone = a_person(given_name="Frida")

    assert (someone.municipality_id, someone.district) == ("0301", "Grünerløkka")
    assert someone.office.unit_number == "0317"
    assert someone.full_name == "Frida Fabrikk"
    assert policies.can_view_person(login_actor("veileder"), someone)


def test_a_factory_consent_holds_today_for_the_gp() -> None:
    consent = a_consent()

    assert consent.holds
    assert consent.person.consent_holds("gp")
    assert consent.starts_on == timezone.localdate()


def test_the_kinds_of_people_the_rules_tell_apart() -> None:
    assert confidential().has_protected_address
    assert strictly_confidential().is_strictly_confidential
    assert office_employee().is_office_employee
    sagene = at_sagene()
    assert (sagene.district, sagene.office.unit_number) == ("Sagene", "0320")
    assert not policies.can_view_person(login_actor("veileder"), sagene)


def test_a_citizen_login_is_linked_to_its_person_and_sees_them() -> None:
    someone = a_person()
    own = citizen_of(someone)

    assert someone.user == own.user
    assert policies.can_view_access_log(own, someone)
    assert not policies.can_view_access_log(citizen_of(a_person()), someone)
