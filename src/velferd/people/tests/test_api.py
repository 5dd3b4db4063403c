"""The people API at /api/v1/people/: registering a person, the masked list and its search,
refusals of bad identity numbers in both languages, stale writes. Consents are
test_api_consents', the citizen's own record and access log test_api_me's."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access import policies
from velferd.audit.models import AuditEvent
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import login_actor
from velferd.people.models import Person

from .calls import BASE, EN, counts, last_action, login_for, send
from .factories import (
    a_child,
    a_person,
    confidential,
    office_employee,
    strictly_confidential,
)

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

NEW_NUMBER = synthetic_national_id(datetime.date(1990, 5, 17), 11)


# Helpers -------------------------------------------------------------------------------------


def registration(**changes: Any) -> dict[str, Any]:
    return {
        "national_id": NEW_NUMBER,
        "given_name": "Marte",
        "family_name": "Kirkerud",
        "municipality": "0301",
        "district": "Grünerløkka",
        "address_line": "Markveien 35",
        "postal_code": "0554",
        "postal_town": "Oslo",
        "language": "nb",
        "children": [{"given_name": "Lea", "birth_date": "2020-02-02"}],
        **changes,
    }


def stored(someone: Person) -> Person:
    """The person as stored now."""
    return Person.objects.get(pk=someone.pk)


def names(body: dict[str, Any]) -> list[str]:
    return [i["name"] for i in body["items"]]


# Registering --------------------------------------------------------------------------------


class TestRegister:
    def test_a_new_person_gets_the_office_where_they_live_and_the_full_number_back(
        self, veileder: Client
    ) -> None:
        response = send(veileder, "post", "/persons", registration())

        assert response.status_code == 201
        body = response.json()
        assert body["national_id"] == NEW_NUMBER
        assert body["given_name"] == "Marte"
        assert body["family_name"] == "Kirkerud"
        assert body["birth_date"] == "1990-05-17"
        assert body["municipality"] == "Oslo"
        assert body["district"] == "Grünerløkka"
        assert body["office"] == "NAV Grünerløkka"
        assert body["office_unit_number"] == "0317"
        assert body["address"] == {
            "line": "Markveien 35",
            "postal_code": "0554",
            "postal_town": "Oslo",
        }
        assert body["children_under_18"] == ["2020-02-02"]
        assert body["version"] == 1
        stored = Person.objects.get(pk=body["id"])
        assert stored.office.unit_number == "0317"

    def test_the_audit_event_of_a_registration_holds_only_the_masked_number(
        self, veileder: Client
    ) -> None:
        body = send(veileder, "post", "/persons", registration()).json()

        event = AuditEvent.objects.order_by("-seq").first()
        assert event is not None
        assert event.action == "person.registered"
        assert event.target_id == body["id"]
        assert event.after is not None
        assert event.after["national_id"] == NEW_NUMBER[:6] + "*****"
        assert NEW_NUMBER not in json.dumps([event.before, event.after, event.target_label])

    def test_a_person_living_where_another_office_serves_cannot_be_registered_here(
        self, veileder: Client
    ) -> None:
        before = counts()

        response = send(veileder, "post", "/persons", registration(district="Frogner"))

        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"
        assert counts() == before

    def test_a_protected_address_is_left_out_for_the_caseworker_who_registers_it(
        self, veileder: Client
    ) -> None:
        response = send(
            veileder, "post", "/persons", registration(address_protection="confidential")
        )

        assert response.status_code == 201
        assert response.json()["address"] is None
        assert response.json()["address_protection"] == "confidential"
        assert "Markveien" not in response.content.decode()

    def test_a_protected_address_is_shown_to_the_person_themself_but_never_to_staff(
        self, veileder: Client
    ) -> None:
        sofie = confidential(address_line="Hemmelig vei 1")
        as_sofie = login_for(sofie, "sofie")

        own = as_sofie.get(f"{BASE}/me")
        staff = veileder.get(f"{BASE}/persons/{sofie.pk}")

        assert own.status_code == 200
        assert own.json()["address"]["line"] == "Hemmelig vei 1"
        assert staff.status_code == 200
        assert staff.json()["address"] is None
        assert "Hemmelig vei" not in staff.content.decode()

    def test_an_unprotected_address_is_shown_to_staff(self, veileder: Client) -> None:
        someone = a_person(
            address_line="Thorvald Meyers gate 10", postal_code="0555", postal_town="Oslo"
        )

        response = veileder.get(f"{BASE}/persons/{someone.pk}")

        assert response.json()["address"] == {
            "line": "Thorvald Meyers gate 10",
            "postal_code": "0555",
            "postal_town": "Oslo",
        }

    def test_the_same_number_twice_is_409_and_nothing_is_written(self, veileder: Client) -> None:
        taken = a_person().national_id
        before = counts()

        response = send(veileder, "post", "/persons", registration(national_id=taken))

        assert response.status_code == 409
        assert response.json() == {
            "code": "person_exists",
            "message": "Personen er allerede registrert.",
            "field": "national_id",
        }
        assert counts() == before


def with_check_digits(nine: str) -> str:
    """Nine digits with the two check digits that make them a well-formed number, if any."""
    from stdnum.no import fodselsnummer

    first = fodselsnummer.calc_check_digit1(nine)
    second = fodselsnummer.calc_check_digit2(nine + first)
    return nine + first + second


def wrong_last_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def impossible_date() -> str:
    """A well-formed synthetic number whose birth day is the 32nd."""
    for serial in range(100, 200):
        number = with_check_digits(f"328590{serial:03d}")
        if len(number) == 11:
            return number
    raise AssertionError("no number found")


INVALID_NUMBERS = [
    pytest.param(
        "1234567890",
        "invalid_national_id_length",
        "Fødselsnummeret må ha 11 sifre.",
        "The national identity number must have 11 digits.",
        id="ten-digits",
    ),
    pytest.param(
        "14839600abc",
        "invalid_national_id_length",
        "Fødselsnummeret må ha 11 sifre.",
        "The national identity number must have 11 digits.",
        id="letters",
    ),
    pytest.param(
        wrong_last_digit(NEW_NUMBER),
        "invalid_national_id_checksum",
        "Fødselsnummeret har feil kontrollsiffer.",
        "The national identity number has a wrong check digit.",
        id="wrong-check-digit",
    ),
    pytest.param(
        impossible_date(),
        "invalid_national_id_date",
        "Fødselsnummeret inneholder ikke en gyldig fødselsdato.",
        "The national identity number does not contain a valid birth date.",
        id="32nd-of-the-month",
    ),
]


class TestInvalidIdentityNumber:
    @pytest.mark.parametrize(("number", "code", "norwegian", "english"), INVALID_NUMBERS)
    def test_is_422_with_the_reason_in_norwegian_and_nothing_is_written(
        self, veileder: Client, number: str, code: str, norwegian: str, english: str
    ) -> None:
        before = counts()

        response = send(veileder, "post", "/persons", registration(national_id=number))

        assert response.status_code == 422
        assert response.json() == {"code": code, "message": norwegian, "field": "national_id"}
        assert counts() == before

    @pytest.mark.parametrize(("number", "code", "norwegian", "english"), INVALID_NUMBERS)
    def test_is_explained_in_english_when_the_caller_asks_for_english(
        self, veileder: Client, number: str, code: str, norwegian: str, english: str
    ) -> None:
        before = counts()

        response = send(veileder, "post", "/persons", registration(national_id=number), **EN)

        assert response.status_code == 422
        assert response.json() == {"code": code, "message": english, "field": "national_id"}
        assert counts() == before

    def test_a_missing_family_name_is_422_on_that_field(self, veileder: Client) -> None:
        before = counts()

        response = send(veileder, "post", "/persons", registration(family_name="  "), **EN)

        assert response.status_code == 422
        assert response.json() == {
            "code": "family_name_required",
            "message": "The family name is missing.",
            "field": "family_name",
        }
        assert counts() == before


# The list and its search ----------------------------------------------------------------------


def visible_to_veileder() -> int:
    vera = login_actor("veileder")
    return sum(policies.can_view_person(vera, p) for p in Person.objects.all())


class TestList:
    def test_identity_numbers_are_masked_and_never_shown_in_full(self, veileder: Client) -> None:
        someone = a_person(given_name="Oda", family_name="Alm")

        response = veileder.get(f"{BASE}/persons")

        assert response.status_code == 200
        body = response.json()
        assert body["count"] == visible_to_veileder()
        by_name = {item["name"]: item for item in body["items"]}
        assert by_name["Oda Alm"]["national_id"] == someone.national_id[:6] + "*****"
        text = response.content.decode()
        for anyone in Person.objects.all():
            assert anyone.national_id not in text

    def test_each_row_carries_the_flags_a_caseworker_needs(self, veileder: Client) -> None:
        a_child(person=a_person(given_name="Forelder", family_name="Aasvik"))
        a_person(given_name="Tolk", family_name="Aasvik", language="ar", needs_interpreter=True)
        confidential(given_name="Beskyttet", family_name="Aasvik")
        a_person(given_name="Vanlig", family_name="Aasvik")

        body = veileder.get(f"{BASE}/persons", {"q": "aasvik"}).json()
        items = {i["name"]: i for i in body["items"]}

        assert items["Forelder Aasvik"]["children_under_18"] == 1
        assert items["Tolk Aasvik"]["needs_interpreter"] is True
        assert items["Beskyttet Aasvik"]["protected_address"] is True
        assert items["Vanlig Aasvik"] == {
            **items["Vanlig Aasvik"],
            "children_under_18": 0,
            "needs_interpreter": False,
            "protected_address": False,
            "office": "NAV Grünerløkka",
        }

    def test_hidden_people_are_not_listed(self, veileder: Client) -> None:
        strictly_confidential(given_name="Pål", family_name="Skjulvik")
        office_employee(given_name="Nora", family_name="Ansattvik")
        a_person(given_name="Synlig", family_name="Ansattvik")

        listed = names(veileder.get(f"{BASE}/persons", {"page_size": 200}).json())

        assert "Synlig Ansattvik" in listed
        assert "Pål Skjulvik" not in listed
        assert "Nora Ansattvik" not in listed

    @pytest.mark.parametrize("query", ["fjellvik", "Oddvar", "oddvar fjell", "FJELLVIK"])
    def test_a_search_by_name_finds_the_person(self, veileder: Client, query: str) -> None:
        a_person(given_name="Oddvar", family_name="Fjellvik")

        body = veileder.get(f"{BASE}/persons", {"q": query}).json()

        assert names(body) == ["Oddvar Fjellvik"]
        assert body["count"] == 1

    def test_a_search_by_the_full_number_finds_the_person_with_the_number_still_masked(
        self, veileder: Client
    ) -> None:
        number = a_person(given_name="Oddvar", family_name="Fjellvik").national_id

        response = veileder.get(f"{BASE}/persons", {"q": f"{number[:6]} {number[6:]}"})

        assert names(response.json()) == ["Oddvar Fjellvik"]
        assert number not in response.content.decode()

    def test_a_search_folds_norwegian_letters(self, veileder: Client) -> None:
        send(
            veileder,
            "post",
            "/persons",
            registration(given_name="Åse", family_name="Ødegård", children=[]),
        )

        for query in ("ødegård", "ØDEGÅRD", "åse"):
            body = veileder.get(f"{BASE}/persons", {"q": query}).json()
            assert names(body) == ["Åse Ødegård"], query

    def test_a_search_by_part_of_a_number_finds_nobody(self, veileder: Client) -> None:
        part = a_person().national_id[:6]

        body = veileder.get(f"{BASE}/persons", {"q": part}).json()

        assert body == {"items": [], "count": 0}

    def test_a_search_for_a_hidden_person_finds_nobody(self, veileder: Client) -> None:
        number = strictly_confidential().national_id

        body = veileder.get(f"{BASE}/persons", {"q": number}).json()

        assert body == {"items": [], "count": 0}

    def test_pages_split_the_list(self, veileder: Client) -> None:
        for family in ("Sideaas", "Sidebakk", "Sidedal", "Sidefjell", "Sidegard"):
            a_person(given_name="Anne", family_name=family)

        def page(number: int) -> dict[str, Any]:
            query: dict[str, str | int] = {"q": "side", "page_size": 2, "page": number}
            body: dict[str, Any] = veileder.get(f"{BASE}/persons", query).json()
            return body

        first, second, third = page(1), page(2), page(3)

        assert names(first) == ["Anne Sideaas", "Anne Sidebakk"]
        assert names(second) == ["Anne Sidedal", "Anne Sidefjell"]
        assert names(third) == ["Anne Sidegard"]
        assert first["count"] == second["count"] == third["count"] == 5


# Changing a person ----------------------------------------------------------------------------


class TestUpdate:
    def test_a_change_answers_with_the_new_version(self, veileder: Client) -> None:
        ola = a_person()

        response = send(
            veileder,
            "patch",
            f"/persons/{ola.pk}",
            {"version": ola.version, "needs_interpreter": True, "language": "pl"},
        )

        assert response.status_code == 200
        assert response.json()["version"] == ola.version + 1
        assert response.json()["needs_interpreter"] is True
        assert response.json()["language"] == "pl"
        assert last_action() == "person.updated"

    def test_a_stale_version_is_refused_with_409_and_nothing_changes(
        self, veileder: Client
    ) -> None:
        ola = a_person()
        stale = ola.version
        send(veileder, "patch", f"/persons/{ola.pk}", {"version": stale, "language": "pl"})

        response = send(
            veileder, "patch", f"/persons/{ola.pk}", {"version": stale, "family_name": "Feil"}
        )

        assert response.status_code == 409
        body = response.json()
        assert body["code"] == "stale_version"
        assert body["field"] == "version"
        assert f"versjon {stale + 1}" in body["message"]
        assert stored(ola).family_name == ola.family_name
        assert stored(ola).version == stale + 1

    def test_an_unknown_language_is_422_and_nothing_changes(self, veileder: Client) -> None:
        ola = a_person()

        response = send(
            veileder, "patch", f"/persons/{ola.pk}", {"version": ola.version, "language": "xx"}
        )

        assert response.status_code == 422
        assert response.json()["code"] == "unknown_language"
        assert response.json()["field"] == "language"
        assert stored(ola).language == "nb"
        assert stored(ola).version == ola.version

    @pytest.mark.parametrize(
        ("change", "saved"),
        [
            pytest.param(
                {"district": "Frogner"},
                lambda p: p.office.unit_number == "0314",
                id="moved-to-frogner",
            ),
            pytest.param(
                {"address_protection": "strictly_confidential"},
                lambda p: p.is_strictly_confidential,
                id="made-strictly-confidential",
            ),
        ],
    )
    def test_a_change_that_is_saved_is_not_answered_as_refused(
        self, veileder: Client, change: dict[str, str], saved: Callable[[Person], bool]
    ) -> None:
        ola = a_person()

        response = send(veileder, "patch", f"/persons/{ola.pk}", {"version": ola.version, **change})

        assert saved(stored(ola))
        assert response.status_code == 200
