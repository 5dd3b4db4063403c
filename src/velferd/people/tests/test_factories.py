"""The people factories make people and consents as the services would take them: a valid
synthetic identity number, at NAV Grünerløkka, a consent that holds today."""

from __future__ import annotations

import pytest
from django.utils import timezone

from velferd.access import policies
from velferd.core.identifiers import is_synthetic_national_id, validate_national_id
from velferd.core.testing import login_actor

from .factories import a_consent, a_person

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
