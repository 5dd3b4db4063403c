"""The people API at /api/v1/people/: registering a person, the masked list and its search,
refusals of bad identity numbers in both languages, stale writes, consents that stop holding
at once, and the citizen's own log of who at NAV has read their data."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.audit.models import AccessEvent, AuditEvent
from velferd.core.identifiers import synthetic_national_id
from velferd.people.models import Consent, Person
from velferd.people.services import link_user

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

BASE = "/api/v1/people"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}
TODAY = timezone.localdate
NEW_NUMBER = synthetic_national_id(datetime.date(1990, 5, 17), 11)


# Helpers -------------------------------------------------------------------------------------


def send(client: Client, method: str, path: str, body: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}", data=json.dumps(body), content_type="application/json", **headers
    )


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


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


def counts() -> tuple[int, int, int]:
    """People, audit events and access events: what a refused write must leave alone."""
    return Person.objects.count(), AuditEvent.objects.count(), AccessEvent.objects.count()


def login_for(person_: Person, username: str) -> Client:
    """Give a person a login of their own (as ID-porten would) and log in with it."""
    user = User.objects.create(username=username, full_name=person_.full_name)
    link_user(actor=system_actor("tests"), person=person_, user=user)
    client = Client()
    client.force_login(user)
    return client


def last_action() -> str:
    event = AuditEvent.objects.order_by("-seq").first()
    return event.action if event else ""


def access_events_about(person_: Person) -> int:
    return AccessEvent.objects.filter(subject_id=str(person_.pk)).count()


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def ola(client_as: Login) -> Client:
    return client_as("innbygger")


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
        sofie = person("Sofie")
        as_sofie = login_for(sofie, "sofie")

        own = as_sofie.get(f"{BASE}/me")
        staff = veileder.get(f"{BASE}/persons/{sofie.pk}")

        assert own.status_code == 200
        assert own.json()["address"]["line"] == "Hemmelig vei 1"
        assert staff.status_code == 200
        assert staff.json()["address"] is None
        assert "Hemmelig vei" not in staff.content.decode()

    def test_an_unprotected_address_is_shown_to_staff(self, veileder: Client) -> None:
        response = veileder.get(f"{BASE}/persons/{person('Ola').pk}")

        assert response.json()["address"] == {
            "line": "Thorvald Meyers gate 10",
            "postal_code": "0555",
            "postal_town": "Oslo",
        }

    def test_the_same_number_twice_is_409_and_nothing_is_written(self, veileder: Client) -> None:
        before = counts()

        response = send(
            veileder, "post", "/persons", registration(national_id=person("Kari").national_id)
        )

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


class TestList:
    def test_identity_numbers_are_masked_and_never_shown_in_full(self, veileder: Client) -> None:
        response = veileder.get(f"{BASE}/persons")

        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 7
        by_name = {item["name"]: item for item in body["items"]}
        ola = person("Ola")
        assert by_name["Ola Nordmann"]["national_id"] == ola.national_id[:6] + "*****"
        text = response.content.decode()
        for someone in Person.objects.all():
            assert someone.national_id not in text

    def test_each_row_carries_the_flags_a_caseworker_needs(self, veileder: Client) -> None:
        items = {i["name"]: i for i in veileder.get(f"{BASE}/persons").json()["items"]}

        assert items["Ola Nordmann"]["children_under_18"] == 1
        assert items["Ahmed Ali"]["needs_interpreter"] is True
        assert items["Sofie Berg"]["protected_address"] is True
        assert items["Kari Hansen"] == {
            **items["Kari Hansen"],
            "children_under_18": 0,
            "needs_interpreter": False,
            "protected_address": False,
            "office": "NAV Grünerløkka",
        }

    def test_hidden_people_are_not_listed(self, veileder: Client) -> None:
        names = [i["name"] for i in veileder.get(f"{BASE}/persons").json()["items"]]

        assert "Per Skjult" not in names
        assert "Nina Ansatt" not in names

    @pytest.mark.parametrize("query", ["nordmann", "Ola", "ola nord", "NORDMANN"])
    def test_a_search_by_name_finds_ola(self, veileder: Client, query: str) -> None:
        body = veileder.get(f"{BASE}/persons", {"q": query}).json()

        assert [i["name"] for i in body["items"]] == ["Ola Nordmann"]
        assert body["count"] == 1

    def test_a_search_by_the_full_number_finds_the_person_with_the_number_still_masked(
        self, veileder: Client
    ) -> None:
        number = person("Ola").national_id

        response = veileder.get(f"{BASE}/persons", {"q": f"{number[:6]} {number[6:]}"})

        assert [i["name"] for i in response.json()["items"]] == ["Ola Nordmann"]
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
            assert [i["name"] for i in body["items"]] == ["Åse Ødegård"], query

    def test_a_search_by_part_of_a_number_finds_nobody(self, veileder: Client) -> None:
        body = veileder.get(f"{BASE}/persons", {"q": person("Ola").national_id[:6]}).json()

        assert body == {"items": [], "count": 0}

    def test_a_search_for_a_hidden_person_finds_nobody(self, veileder: Client) -> None:
        body = veileder.get(f"{BASE}/persons", {"q": person("Per").national_id}).json()

        assert body == {"items": [], "count": 0}

    def test_pages_split_the_list(self, veileder: Client) -> None:
        first = veileder.get(f"{BASE}/persons", {"page_size": 2}).json()
        third = veileder.get(f"{BASE}/persons", {"page_size": 2, "page": 3}).json()
        fourth = veileder.get(f"{BASE}/persons", {"page_size": 2, "page": 4}).json()

        assert [i["name"] for i in first["items"]] == ["Ahmed Ali", "Sofie Berg"]
        assert [i["name"] for i in third["items"]] == ["Jonas Lie", "Ola Nordmann"]
        assert [i["name"] for i in fourth["items"]] == ["Maria Olsen"]
        assert first["count"] == third["count"] == fourth["count"] == 7


# Changing a person ----------------------------------------------------------------------------


class TestUpdate:
    def test_a_change_answers_with_the_new_version(self, veileder: Client) -> None:
        ola = person("Ola")

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
        ola = person("Ola")
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
        stored = person("Ola")
        assert stored.family_name == "Nordmann"
        assert stored.version == stale + 1

    def test_an_unknown_language_is_422_and_nothing_changes(self, veileder: Client) -> None:
        ola = person("Ola")

        response = send(
            veileder, "patch", f"/persons/{ola.pk}", {"version": ola.version, "language": "xx"}
        )

        assert response.status_code == 422
        assert response.json()["code"] == "unknown_language"
        assert response.json()["field"] == "language"
        assert person("Ola").language == "nb"
        assert person("Ola").version == ola.version

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
        ola = person("Ola")

        response = send(veileder, "patch", f"/persons/{ola.pk}", {"version": ola.version, **change})

        assert saved(person("Ola"))
        assert response.status_code == 200


# Consents -----------------------------------------------------------------------------------


def consent_body(**changes: Any) -> dict[str, Any]:
    return {
        "partner_service": "gp",
        "purpose": "Fastlegen kan få vite hvilke aktiviteter jeg er med på.",
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + datetime.timedelta(days=180)).isoformat(),
        **changes,
    }


class TestConsents:
    def test_the_person_gives_a_consent_that_holds_at_once(self, ola: Client) -> None:
        me = person("Ola")

        response = send(ola, "post", f"/persons/{me.pk}/consents", consent_body())

        assert response.status_code == 201
        body = response.json()
        assert body["holds"] is True
        assert body["withdrawn_at"] is None
        assert body["partner_service"] == "gp"
        listed = ola.get(f"{BASE}/persons/{me.pk}/consents").json()
        assert [(c["id"], c["holds"]) for c in listed] == [(body["id"], True)]

    def test_a_withdrawal_stops_the_consent_at_once_for_everyone(
        self, ola: Client, veileder: Client
    ) -> None:
        me = person("Ola")
        given = send(ola, "post", f"/persons/{me.pk}/consents", consent_body()).json()

        response = ola.post(f"{BASE}/consents/{given['id']}/withdraw")

        assert response.status_code == 200
        assert response.json()["holds"] is False
        assert response.json()["withdrawn_at"] is not None
        assert [c["holds"] for c in ola.get(f"{BASE}/persons/{me.pk}/consents").json()] == [False]
        assert [c["holds"] for c in veileder.get(f"{BASE}/persons/{me.pk}/consents").json()] == [
            False
        ]
        assert last_action() == "consent.withdrawn"

    def test_a_consent_withdrawn_twice_is_409(self, ola: Client) -> None:
        given = send(ola, "post", f"/persons/{person('Ola').pk}/consents", consent_body()).json()
        ola.post(f"{BASE}/consents/{given['id']}/withdraw")

        response = ola.post(f"{BASE}/consents/{given['id']}/withdraw", **EN)

        assert response.status_code == 409
        assert response.json() == {
            "code": "already_withdrawn",
            "message": "The consent has already been withdrawn.",
            "field": "consent",
        }

    def test_a_consent_from_a_later_day_does_not_hold_yet(self, ola: Client) -> None:
        later = (TODAY() + datetime.timedelta(days=10)).isoformat()

        body = send(
            ola, "post", f"/persons/{person('Ola').pk}/consents", consent_body(starts_on=later)
        ).json()

        assert body["holds"] is False

    def test_the_caseworker_records_a_consent_the_person_gave(self, veileder: Client) -> None:
        ahmed = person("Ahmed")

        response = send(
            veileder,
            "post",
            f"/persons/{ahmed.pk}/consents",
            consent_body(partner_service="child_welfare", purpose="Samarbeid om familien."),
        )

        assert response.status_code == 201
        assert Consent.objects.get(pk=response.json()["id"]).person == ahmed

    def test_an_end_before_the_start_is_422_and_nothing_is_written(self, ola: Client) -> None:
        consents = Consent.objects.count()

        response = send(
            ola,
            "post",
            f"/persons/{person('Ola').pk}/consents",
            consent_body(ends_on=(TODAY() - datetime.timedelta(days=1)).isoformat()),
            **EN,
        )

        assert response.status_code == 422
        assert response.json() == {
            "code": "ends_before_start",
            "message": "The consent cannot end before it starts.",
            "field": "ends_on",
        }
        assert Consent.objects.count() == consents

    def test_an_unknown_partner_service_is_422(self, ola: Client) -> None:
        response = send(
            ola,
            "post",
            f"/persons/{person('Ola').pk}/consents",
            consent_body(partner_service="tax_office"),
        )

        assert response.status_code == 422
        assert response.json()["code"] == "unknown_partner_service"
        assert response.json()["message"] == "Ukjent samarbeidstjeneste: tax_office."


# The person's own record and access log ----------------------------------------------------------


class TestMe:
    def test_the_citizen_gets_their_own_record_with_the_full_number(self, ola: Client) -> None:
        response = ola.get(f"{BASE}/me")

        assert response.status_code == 200
        assert response.json()["national_id"] == person("Ola").national_id
        assert response.json()["given_name"] == "Ola"

    def test_reading_ones_own_record_is_not_logged(self, ola: Client) -> None:
        before = access_events_about(person("Ola"))

        ola.get(f"{BASE}/me")
        ola.get(f"{BASE}/persons/{person('Ola').pk}")

        assert access_events_about(person("Ola")) == before

    def test_staff_have_no_record_of_their_own(self, veileder: Client) -> None:
        response = veileder.get(f"{BASE}/me", **EN)

        assert response.status_code == 404
        assert response.json()["message"] == "You in the register was not found."


class TestAccessLog:
    def test_lists_each_staff_read_with_unit_role_what_and_purpose(
        self, ola: Client, client_as: Login
    ) -> None:
        me = person("Ola")
        client_as("veileder").get(f"{BASE}/persons/{me.pk}")
        client_as("beslutter").get(f"/api/v1/followup/persons/{me.pk}/overview")

        response = ola.get(f"{BASE}/me/access-log", **EN)

        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2
        entries = [{k: v for k, v in e.items() if k != "occurred_at"} for e in body["items"]]
        assert entries == [
            {
                "unit": "NAV Grünerløkka",
                "role": "Approver (beslutter)",
                "what": "person.overview",
                "purpose": "follow_up",
            },
            {
                "unit": "NAV Grünerløkka",
                "role": "Caseworker, state (veileder)",
                "what": "person.details",
                "purpose": "follow_up",
            },
        ]

    def test_the_role_is_named_in_norwegian_by_default(self, ola: Client, client_as: Login) -> None:
        client_as("veileder").get(f"{BASE}/persons/{person('Ola').pk}")

        role = ola.get(f"{BASE}/me/access-log").json()["items"][0]["role"]

        assert role != "Caseworker, state (veileder)"
        assert "eileder" in role

    def test_never_names_the_staff_who_read(self, ola: Client, client_as: Login) -> None:
        me = person("Ola")
        client_as("veileder").get(f"{BASE}/persons/{me.pk}")
        client_as("beslutter").get(f"{BASE}/persons/{me.pk}")

        response = ola.get(f"{BASE}/me/access-log")

        text = response.content.decode()
        assert "Vera" not in text
        assert "Berit" not in text
        assert all(
            set(item) == {"occurred_at", "unit", "role", "what", "purpose"}
            for item in response.json()["items"]
        )

    def test_leaves_out_the_persons_own_reads(self, ola: Client) -> None:
        me = person("Ola")
        ola.get(f"{BASE}/me")
        ola.get(f"{BASE}/persons/{me.pk}")
        ola.get(f"{BASE}/persons/{me.pk}/consents")
        ola.get(f"/api/v1/followup/persons/{me.pk}/overview")

        assert ola.get(f"{BASE}/me/access-log").json() == {"items": [], "count": 0}

    def test_leaves_out_reads_of_other_people(self, ola: Client, client_as: Login) -> None:
        veileder = client_as("veileder")
        veileder.get(f"{BASE}/persons/{person('Kari').pk}")
        veileder.get(f"{BASE}/persons/{person('Ahmed').pk}")

        assert ola.get(f"{BASE}/me/access-log").json()["count"] == 0

    def test_staff_have_no_access_log_of_their_own(self, veileder: Client) -> None:
        response = veileder.get(f"{BASE}/me/access-log")

        assert response.status_code == 404
