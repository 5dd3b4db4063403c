"""Protections a caseworker cannot lift alone: lowering an address protection is a decision
for a cleared unit and never shows the address in the same answer; the consent that opens
the municipality's records to the state side is never recorded by the state side itself;
registering a number on record tells nothing about a person the caseworker may not see."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.identifiers import synthetic_national_id
from velferd.people.models import Consent, Person
from velferd.people.services import person_register

pytestmark = pytest.mark.django_db

BASE = "/api/v1/people"
SERIALS = iter(range(500, 599))


def send(client: Client, method: str, path: str, body: Any) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}", data=json.dumps(body), content_type="application/json"
    )


def login(username: str, *, cleared: bool = False) -> Client:
    user = User.objects.get(username=username)
    user.cleared_strictly_confidential = cleared
    user.save(update_fields=["cleared_strictly_confidential"])
    client = Client()
    client.force_login(user)
    return client


def registered(protection: str = "none", district: str = "Grünerløkka", **extra: Any) -> Person:
    return person_register(
        actor=system_actor("tests"),
        national_id=synthetic_national_id(datetime.date(1982, 3, 4), next(SERIALS)),
        given_name="Beskyttet",
        family_name="Person",
        municipality_number="0301",
        district=district,
        address_protection=protection,
        address_line="Hemmelig gate 7",
        **extra,
    )


class TestLoweringAnAddressProtection:
    def test_a_caseworker_may_not_lower_it_and_nothing_changes(self) -> None:
        person = registered("confidential")
        before = AuditEvent.objects.count()
        response = send(
            login("veileder"),
            "patch",
            f"/persons/{person.pk}",
            {"version": person.version, "address_protection": "none"},
        )
        assert response.status_code == 403
        assert response.json()["code"] == "protection_lowering_not_allowed"
        assert "Hemmelig gate 7" not in response.content.decode()
        assert Person.objects.get(pk=person.pk).address_protection == "confidential"
        assert AuditEvent.objects.count() == before

    def test_a_cleared_caseworker_lowers_it_without_seeing_the_address_in_the_answer(
        self,
    ) -> None:
        person = registered("confidential")
        response = send(
            login("veileder", cleared=True),
            "patch",
            f"/persons/{person.pk}",
            {"version": person.version, "address_protection": "none"},
        )
        assert response.status_code == 200
        assert response.json()["address"] is None
        assert "Hemmelig gate 7" not in response.content.decode()
        lowered = AuditEvent.objects.get(
            action="person.address_protection_lowered", target_id=str(person.pk)
        )
        assert (lowered.before, lowered.after) == (
            {"address_protection": "confidential"},
            {"address_protection": "none"},
        )

    def test_any_caseworker_may_raise_it(self) -> None:
        person = registered("none")
        response = send(
            login("veileder"),
            "patch",
            f"/persons/{person.pk}",
            {"version": person.version, "address_protection": "confidential"},
        )
        assert response.status_code == 200
        assert response.json()["address_protection"] == "confidential"
        assert not AuditEvent.objects.filter(action="person.address_protection_lowered").exists()


class TestTheConsentThatOpensTheMunicipalRecords:
    def consent(self, **changes: Any) -> dict[str, Any]:
        today = timezone.localdate()
        return {
            "partner_service": "nav_state",
            "purpose": "Samarbeid om oppfølging",
            "starts_on": today.isoformat(),
            "ends_on": (today + datetime.timedelta(days=90)).isoformat(),
            **changes,
        }

    def test_the_state_caseworker_may_not_record_it_for_herself(self) -> None:
        person = registered()
        response = send(
            login("veileder"),
            "post",
            f"/persons/{person.pk}/consents",
            self.consent(document="Skjema"),
        )
        assert response.status_code == 403
        assert response.json()["code"] == "consent_not_yours_to_record"
        assert not Consent.objects.filter(person=person).exists()

    def test_the_municipal_caseworker_records_it_with_the_document(self) -> None:
        person = registered()
        municipal = login("sosialkonsulent")
        missing = send(municipal, "post", f"/persons/{person.pk}/consents", self.consent())
        assert (missing.status_code, missing.json()["field"]) == (422, "document")
        assert not Consent.objects.filter(person=person).exists()

        given = send(
            municipal,
            "post",
            f"/persons/{person.pk}/consents",
            self.consent(document="Signert skjema 12.03."),
        )
        assert given.status_code == 201
        assert given.json()["document"] == "Signert skjema 12.03."

    def test_the_state_caseworker_still_records_a_consent_for_a_partner(self) -> None:
        person = registered()
        response = send(
            login("veileder"),
            "post",
            f"/persons/{person.pk}/consents",
            self.consent(partner_service="gp"),
        )
        assert response.status_code == 201

    def test_the_person_gives_it_on_their_own_pages(self) -> None:
        citizen = User.objects.create(username="beskyttet-borger")
        person = registered()
        Person.objects.filter(pk=person.pk).update(user=citizen)
        client = Client()
        client.force_login(citizen)
        today = timezone.localdate()
        response = client.post(
            "/me/consents/",
            {
                "partner_service": "nav_state",
                "purpose": "Samarbeid",
                "starts_on": today.isoformat(),
                "ends_on": (today + datetime.timedelta(days=30)).isoformat(),
            },
        )
        assert response.status_code == 302
        assert Consent.objects.get(person=person).partner_service == "nav_state"


class TestRegisteringANumberOnRecord:
    def register(self, client: Client, number: str) -> Any:
        return send(
            client,
            "post",
            "/persons",
            {
                "national_id": number,
                "given_name": "Ny",
                "family_name": "Person",
                "municipality": "0301",
                "district": "Grünerløkka",
            },
        )

    def test_a_hidden_person_gets_the_same_answer_as_one_at_another_office(self) -> None:
        hidden = registered("strictly_confidential")
        elsewhere = registered("none", district="Sagene")
        vera = login("veileder")

        for_hidden = self.register(vera, hidden.national_id)
        for_elsewhere = self.register(vera, elsewhere.national_id)

        assert for_hidden.status_code == for_elsewhere.status_code == 202
        assert for_hidden.json() == for_elsewhere.json()
        assert for_hidden.json()["code"] == "registration_forwarded"
        assert AuditEvent.objects.filter(
            action="person.registration_forwarded", target_id=str(hidden.pk)
        ).exists()
        assert Person.objects.filter(national_id=hidden.national_id).count() == 1

    def test_a_person_the_caseworker_sees_is_already_registered(self) -> None:
        visible = registered("none")
        response = self.register(login("veileder"), visible.national_id)
        assert (response.status_code, response.json()["code"]) == (409, "person_exists")


class TestALookUpByNumberIsARead:
    def test_a_search_by_identity_number_is_logged_as_a_read_of_that_person(self) -> None:
        from velferd.audit.models import AccessEvent

        person = registered()
        response = login("veileder").get(f"{BASE}/persons", {"q": person.national_id})
        assert [p["id"] for p in response.json()["items"]] == [str(person.pk)]
        read = AccessEvent.objects.get(subject_id=str(person.pk))
        assert (read.what, read.actor_label) == ("person.search", "Vera Veileder")

    def test_a_search_by_name_is_not_a_read_of_each_person(self) -> None:
        from velferd.audit.models import AccessEvent

        before = AccessEvent.objects.count()
        login("veileder").get(f"{BASE}/persons", {"q": "person"})
        assert AccessEvent.objects.count() == before


def test_the_register_page_says_the_registration_was_passed_on() -> None:
    hidden = registered("strictly_confidential")
    response = login("veileder").post(
        "/people/new/",
        {
            "national_id": hidden.national_id,
            "given_name": "Ny",
            "family_name": "Person",
            "municipality": "0301",
            "district": "Grünerløkka",
        },
    )
    assert response.status_code == 202
    page = response.content.decode()
    assert 'data-testid="form-notice"' in page
    assert "sendt videre" in page
    assert "Beskyttet" not in page


def test_the_consents_page_offers_only_the_consents_the_user_may_record() -> None:
    person = registered()
    state = login("veileder").get(f"/people/{person.pk}/consents/").content.decode()
    municipal = login("sosialkonsulent").get(f"/people/{person.pk}/consents/").content.decode()
    assert 'value="nav_state"' not in state
    assert 'value="gp"' in state
    assert 'value="nav_state"' in municipal
