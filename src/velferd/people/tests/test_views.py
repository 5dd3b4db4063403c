"""People pages: the staff's list with masked numbers and flags, its search, the registration
form with errors beside their fields. The citizen's own pages are tested in
velferd/citizen/tests."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import choose_english, field_error, nb, row_of, rows
from velferd.people.models import Person

from .factories import a_child, a_person, confidential, office_employee, strictly_confidential

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

TODAY = timezone.localdate
NEW_NUMBER = synthetic_national_id(datetime.date(1991, 7, 3), 21)


# Helpers -------------------------------------------------------------------------------------


def registration(**changes: str) -> dict[str, str]:
    return {
        "national_id": NEW_NUMBER,
        "given_name": "Sigrid",
        "family_name": "Moe",
        "municipality": "0301",
        "district": "Grünerløkka",
        "address_line": "Sofienberggata 5",
        "postal_code": "0558",
        "postal_town": "Oslo",
        "address_protection": "none",
        "language": "nb",
        "child_name": "Lise",
        "child_birth_date": "2015-04-01",
        **changes,
    }


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


# The staff's list ---------------------------------------------------------------------------


class TestPeopleList:
    def test_lists_a_person_with_a_masked_number_linking_to_their_overview(
        self, veileder: Client
    ) -> None:
        someone = a_person(given_name="Oline", family_name="Listesen")

        response = veileder.get("/people/")

        assert response.status_code == 200
        assertTemplateUsed(response, "people/list.html")
        row = row_of(response.content.decode(), "people", "Oline Listesen")
        assert f"<code>{someone.national_id[:6]}*****</code>" in row
        assert f'href="/people/{someone.pk}/"' in row
        assert "NAV Grünerløkka" in row

    def test_never_shows_a_full_identity_number(self, veileder: Client) -> None:
        a_person()
        html = veileder.get("/people/").content.decode()

        for someone in Person.objects.all():
            assert someone.national_id not in html

    def test_flags_children_interpreter_and_protected_address_on_the_right_rows(
        self, veileder: Client
    ) -> None:
        parent = a_person(given_name="Forelder", family_name="Flagg")
        a_child(person=parent)
        a_person(given_name="Tolk", family_name="Flagg", language="ar", needs_interpreter=True)
        confidential(given_name="Beskyttet", family_name="Flagg")
        a_person(given_name="Vanlig", family_name="Flagg")

        html = veileder.get("/people/").content.decode()

        children, interpreter, protected = (
            nb("Children under 18"),
            nb("Interpreter"),
            nb("Protected address"),
        )
        parent_row = row_of(html, "people", "Forelder Flagg")
        assert children in parent_row
        assert interpreter not in parent_row
        interpreted = row_of(html, "people", "Tolk Flagg")
        assert interpreter in interpreted
        assert children not in interpreted
        protected_row = row_of(html, "people", "Beskyttet Flagg")
        assert "tag--warn" in protected_row
        assert protected in protected_row
        assert 'class="tag' not in row_of(html, "people", "Vanlig Flagg")

    def test_people_hidden_from_the_caseworker_are_not_listed(
        self, veileder: Client, actor_of_login: Callable[[str], Actor]
    ) -> None:
        strictly_confidential(given_name="Per", family_name="Skjultsen")
        office_employee(given_name="Nina", family_name="Kollegasen")
        a_person(given_name="Synlig", family_name="Person")

        html = veileder.get("/people/").content.decode()

        seen = actor_of_login("veileder")
        visible = [p for p in Person.objects.all() if policies.can_view_person(seen, p)]
        assert len(rows(html, "people")) == len(visible)
        assert "Synlig Person" in html
        assert "Per Skjultsen" not in html
        assert "Nina Kollegasen" not in html

    def test_a_search_by_name_shows_only_the_match(self, veileder: Client) -> None:
        a_person(given_name="Oline", family_name="Søkesen")
        a_person(given_name="Oline", family_name="Annensen")

        response = veileder.get("/people/", {"q": "søkesen"})

        found = rows(response.content.decode(), "people")
        assert len(found) == 1
        assert "Oline Søkesen" in found[0]
        assertContains(response, 'value="søkesen"')

    def test_a_search_by_identity_number_finds_the_person(self, veileder: Client) -> None:
        number = a_person(given_name="Nummer", family_name="Søkesen").national_id

        found = rows(veileder.get("/people/", {"q": number}).content.decode(), "people")

        assert len(found) == 1
        assert "Nummer Søkesen" in found[0]
        assert f"<code>{number[:6]}*****</code>" in found[0]

    def test_a_search_that_matches_nobody_says_so(self, veileder: Client) -> None:
        response = veileder.get("/people/", {"q": "zzzz"})

        [only] = rows(response.content.decode(), "people")
        assert nb("Nobody matches.") in only

    def test_a_search_for_a_strictly_confidential_person_finds_nobody(
        self, veileder: Client
    ) -> None:
        strictly_confidential(family_name="Skjultsen")

        response = veileder.get("/people/", {"q": "Skjultsen"})

        [only] = rows(response.content.decode(), "people")
        assert nb("Nobody matches.") in only

    def test_the_register_button_is_shown_to_a_caseworker_not_to_an_approver(
        self, veileder: Client, client_as: Login
    ) -> None:
        assertContains(veileder.get("/people/"), 'href="/people/new/"')
        assertNotContains(client_as("beslutter").get("/people/"), 'href="/people/new/"')


# Registering --------------------------------------------------------------------------------


class TestRegisterForm:
    def test_a_valid_registration_goes_to_the_new_persons_overview(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration())

        created = Person.objects.get(national_id=NEW_NUMBER)
        assert response.status_code == 302
        assert response["Location"] == f"/people/{created.pk}/"
        assert created.office.unit_number == "0317"
        assert created.full_name == "Sigrid Moe"
        assert [c.given_name for c in created.children.all()] == ["Lise"]

    def test_an_invalid_number_is_shown_beside_the_field_and_what_was_typed_is_kept(
        self, veileder: Client
    ) -> None:
        wrong = NEW_NUMBER[:-1] + str((int(NEW_NUMBER[-1]) + 1) % 10)
        before = Person.objects.count(), AuditEvent.objects.count()

        response = veileder.post("/people/new/", registration(national_id=wrong))

        assert response.status_code == 422
        html = response.content.decode()
        assert field_error(html, "national_id") == "Fødselsnummeret har feil kontrollsiffer."
        assertNotContains(response, 'data-testid="form-error"', status_code=422)
        assert re.search(rf'name="national_id"[^>]*value="{wrong}"', html)
        assert re.search(r'name="given_name"[^>]*value="Sigrid"', html)
        assert re.search(r'name="family_name"[^>]*value="Moe"', html)
        assert re.search(r'name="district"[^>]*value="Grünerløkka"', html)
        assert re.search(r'name="address_line"[^>]*value="Sofienberggata 5"', html)
        assert (Person.objects.count(), AuditEvent.objects.count()) == before

    def test_the_choices_and_checkboxes_made_are_kept_after_an_error(
        self, veileder: Client
    ) -> None:
        response = veileder.post(
            "/people/new/",
            registration(
                national_id="123",
                address_protection="confidential",
                language="ar",
                needs_interpreter="on",
            ),
        )

        html = response.content.decode()
        assert re.search(r'<option value="confidential"\s+selected', html)
        assert re.search(r'<option value="ar"\s+selected', html)
        assert re.search(r'name="needs_interpreter"\s+checked', html)

    def test_the_children_typed_are_kept_after_an_error(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration(national_id="123"))

        html = response.content.decode()
        assert re.search(r'name="child_name"[^>]*value="Lise"', html)
        assert re.search(r'name="child_birth_date"[^>]*value="2015-04-01"', html)

    def test_a_short_number_is_explained_in_english_for_an_english_user(
        self, veileder: Client
    ) -> None:
        response = choose_english(veileder).post(
            "/people/new/", registration(national_id="0307912")
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "national_id") == (
            "The national identity number must have 11 digits."
        )
        assert not Person.objects.filter(given_name="Sigrid").exists()

    def test_oslo_without_a_district_asks_for_one_beside_that_field(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration(district=""))

        assert response.status_code == 422
        assert "Velg bydel" in field_error(response.content.decode(), "district")
        assert not Person.objects.filter(national_id=NEW_NUMBER).exists()

    def test_a_child_born_in_the_future_is_shown_beside_the_children(
        self, veileder: Client
    ) -> None:
        tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()

        response = veileder.post("/people/new/", registration(child_birth_date=tomorrow))

        assert response.status_code == 422
        assert field_error(response.content.decode(), "children") == (
            "Barnets fødselsdato må være etter forelderens og ikke i framtiden."
        )
        assert not Person.objects.filter(national_id=NEW_NUMBER).exists()

    def test_a_missing_given_name_is_shown_beside_that_field(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration(given_name=""))

        assert response.status_code == 422
        assert field_error(response.content.decode(), "given_name") == "Fornavn mangler."
