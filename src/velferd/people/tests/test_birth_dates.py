"""A person's birth date is the National Population Register's, kept on the person: the
registration takes it (service, API and page), reads it from the number where the number
tells it, requires it where the number cannot (numbers issued from 2032 do not tell the
century: Skatteetaten, "Nytt fødselsnummer fra 2032") and refuses one that contradicts the
date written in the number (folkeregisterforskriften: the first six digits)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from velferd.access.actor import Actor
from velferd.core.identifiers import synthetic_national_id_from_2032
from velferd.people.models import Person

from .calls import EN, counts, send
from .writes import BORN, NEW_ID, refusal, register

pytestmark = pytest.mark.django_db

NUMBER_FROM_2032 = synthetic_national_id_from_2032(BORN, 0)


def api_registration(**fields: object) -> dict[str, object]:
    return {
        "national_id": NUMBER_FROM_2032,
        "given_name": "Nora",
        "family_name": "Lie",
        "municipality": "0301",
        "district": "Grünerløkka",
        **fields,
    }


def page_registration(**fields: str) -> dict[str, str]:
    return {
        "national_id": NUMBER_FROM_2032,
        "given_name": "Nora",
        "family_name": "Lie",
        "municipality": "0301",
        "district": "Grünerløkka",
        "address_protection": "none",
        "language": "nb",
        **fields,
    }


def field_error(html: str, name: str) -> str:
    found = re.search(rf'id="error-{name}"[^>]*>([^<]*)<', html)
    return found.group(1) if found else ""


class TestRegisterService:
    def test_a_number_under_the_rule_before_2032_gives_the_birth_date(self, vera: Actor) -> None:
        assert register(vera).birth_date == BORN

    def test_the_registrys_birth_date_is_kept_for_a_number_from_2032(self, vera: Actor) -> None:
        person = register(vera, national_id=NUMBER_FROM_2032, birth_date=BORN)

        person.refresh_from_db()
        assert person.birth_date == BORN

    def test_the_registrys_century_is_kept_where_the_number_cannot_tell_it(
        self, vera: Actor
    ) -> None:
        born_1890 = BORN.replace(year=1890)
        person = register(vera, national_id=NUMBER_FROM_2032, birth_date=born_1890)

        person.refresh_from_db()
        assert person.birth_date == born_1890
        assert person.age > 130

    def test_a_number_from_2032_without_a_birth_date_is_refused_and_nothing_written(
        self, vera: Actor
    ) -> None:
        error = refusal(lambda: register(vera, national_id=NUMBER_FROM_2032))

        assert (error.code, error.field, error.status) == ("birth_date_required", "birth_date", 422)

    def test_a_birth_date_that_contradicts_the_number_is_refused_and_nothing_written(
        self, vera: Actor
    ) -> None:
        error = refusal(lambda: register(vera, birth_date=BORN + datetime.timedelta(days=1)))

        assert (error.code, error.field) == ("birth_date_contradicts_national_id", "birth_date")

    def test_childrens_birth_dates_are_checked_against_the_registrys_date(
        self, vera: Actor
    ) -> None:
        error = refusal(
            lambda: register(
                vera,
                national_id=NUMBER_FROM_2032,
                birth_date=BORN,
                children=[("Liv", datetime.date(1985, 1, 1))],
            )
        )
        assert error.code == "invalid_child_birth_date"


class TestRegisterApi:
    def test_the_birth_date_sent_is_the_persons(self, veileder: Client) -> None:
        response = send(veileder, "post", "/persons", api_registration(birth_date="1890-05-17"))

        assert response.status_code == 201
        assert response.json()["birth_date"] == "1890-05-17"
        assert Person.objects.get(pk=response.json()["id"]).birth_date.year == 1890

    def test_without_a_birth_date_a_number_from_2032_is_422_saying_why(
        self, veileder: Client
    ) -> None:
        before = counts()
        response = send(veileder, "post", "/persons", api_registration(), **EN)

        assert response.status_code == 422
        body = response.json()
        assert (body["code"], body["field"]) == ("birth_date_required", "birth_date")
        assert "century" in body["message"] and "2032" in body["message"]
        assert counts() == before

    def test_a_contradicting_birth_date_is_422_with_what_the_number_shows(
        self, veileder: Client
    ) -> None:
        response = send(
            veileder,
            "post",
            "/persons",
            api_registration(national_id=NEW_ID, birth_date="1990-05-18"),
            **EN,
        )

        assert response.status_code == 422
        body = response.json()
        assert body["code"] == "birth_date_contradicts_national_id"
        assert "18.05.1990" in body["message"] and "17.05" in body["message"]

    def test_a_birth_date_that_is_not_a_date_is_422(self, veileder: Client) -> None:
        response = send(veileder, "post", "/persons", api_registration(birth_date="17.05.90"))

        assert response.status_code == 422


class TestRegisterPage:
    def test_the_form_asks_for_the_birth_date_in_the_register(self, veileder: Client) -> None:
        html = veileder.get("/people/new/").content.decode()

        assert 'name="birth_date"' in html
        assert "Fødselsdato i Folkeregisteret" in html

    def test_a_number_from_2032_is_registered_with_the_birth_date_typed(
        self, veileder: Client
    ) -> None:
        response = veileder.post("/people/new/", page_registration(birth_date="17.05.1890"))

        created = Person.objects.get(national_id=NUMBER_FROM_2032)
        assert response.status_code == 302
        assert created.birth_date == datetime.date(1890, 5, 17)

    def test_a_missing_birth_date_is_shown_beside_its_field_and_the_form_kept(
        self, veileder: Client
    ) -> None:
        before = counts()
        response = veileder.post("/people/new/", page_registration())

        assert response.status_code == 422
        html = response.content.decode()
        assert "Folkeregisteret" in field_error(html, "birth_date")
        assert re.search(rf'name="national_id"[^>]*value="{NUMBER_FROM_2032}"', html)
        assert counts() == before

    def test_a_contradicting_birth_date_is_shown_beside_its_field(self, veileder: Client) -> None:
        response = veileder.post(
            "/people/new/", page_registration(national_id=NEW_ID, birth_date="1990-06-17")
        )

        assert response.status_code == 422
        html = response.content.decode()
        assert "stemmer ikke" in field_error(html, "birth_date")
        assert re.search(r'name="birth_date"[^>]*value="1990-06-17"', html)
