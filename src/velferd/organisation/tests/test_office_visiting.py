"""An office's visiting address, phone and opening hours: the reference data gives them,
the public office page and the directory show them, administrators change them on a page
with every mistake named at once and through the API (versioned, audited), and a closing
time before the opening time is refused in both languages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.actor import system_actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import assert_every_error_shown, rows
from velferd.organisation import services
from velferd.organisation.models import Office

from .api.calls import BASE, EN, send

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]
PAGE = "/offices/0317/visiting/"


def last_update(office: Office) -> tuple[dict[str, Any], dict[str, Any]]:
    """The before and after of the office's last audited update."""
    event = AuditEvent.objects.filter(action="office.updated", target_id=str(office.pk)).last()
    assert event is not None and event.before is not None and event.after is not None
    return event.before, event.after


class TestShown:
    def test_the_office_page_shows_the_address_phone_and_hours_from_the_reference_data(
        self, client: Client
    ) -> None:
        html = client.get("/offices/0317/").content.decode()
        assert "Thorvald Meyers gate 1<br>0555 Oslo" in html
        assert 'href="tel:55553333">55 55 33 33</a>' in html
        hours = rows(html, "opening-hours")
        assert len(hours) == 5
        assert "mandag" in hours[0] and "10.00–14.00" in hours[0]
        assert "fredag" in hours[4]
        assert "Timeavtale utenom åpningstid" in html
        assert "/offices/0317/visiting/" not in html

    def test_the_directory_shows_the_visiting_address(self, client: Client) -> None:
        html = client.get("/offices/", {"q": "tromso"}).content.decode()
        assert 'data-testid="office-address">Storgata 1, 9008 Tromsø<' in html

    def test_an_office_without_an_address_says_so(self, client: Client) -> None:
        html = client.get("/offices/0312/").content.decode()
        assert 'data-testid="visiting-address">Ikke registrert<' in html

    def test_the_api_gives_them(self, client: Client) -> None:
        body = client.get(f"{BASE}/offices/5501").json()
        assert body["visiting_address"] == {
            "street": "Storgata 1",
            "postcode": "9008",
            "place": "Tromsø",
        }
        assert body["phone"] == "55 55 33 33"
        assert body["opening_hours"][0] == {"weekday": 1, "opens": "10:00:00", "closes": "14:00:00"}
        assert body["opening_note"] == "Timeavtale utenom åpningstid"


def form(**changes: str) -> dict[str, str]:
    values = {
        "version": "1",
        "street": "Thorvald Meyers gate 1",
        "postcode": "0555",
        "place": "Oslo",
        "phone": "55 55 33 33",
        "opening_note": "Timeavtale utenom åpningstid",
        **{f"opens_{day}": "10:00" for day in range(1, 6)},
        **{f"closes_{day}": "14:00" for day in range(1, 6)},
    }
    return {**values, **changes}


class TestThePage:
    def test_every_mistake_is_named_at_once_and_the_answers_kept(self, client_as: ClientAs) -> None:
        response = client_as("admin").post(
            PAGE,
            form(
                street="",
                postcode="55",
                phone="ring oss",
                opens_1="14:00",
                closes_1="09:00",
                closes_2="",
                opens_6="25:00",
                closes_6="13:00",
            ),
        )

        html = response.content.decode()
        assert response.status_code == 422
        assert_every_error_shown(
            html,
            {
                "street": "Gateadressen mangler i besøksadressen.",
                "postcode": "Postnummeret må ha fire sifre.",
                "phone": "Skriv telefonnummeret med sifre, for eksempel 55 55 33 33.",
                "closes_1": "Stengetiden mandag må være etter åpningstiden (14:00).",
                "closes_2": (
                    "Skriv både når kontoret åpner og når det stenger, eller ingen av dem."
                ),
                "opens_6": "Skriv klokkeslettet som tt:mm, for eksempel 09:00.",
            },
        )
        assert 'value="ring oss"' in html and 'id="id_opens_1"' in html
        assert 'name="opens_1" type="time" value="14:00"' in html
        assert Office.objects.get(unit_number="0317").version == 1

    def test_the_administrator_saves_and_it_is_audited_and_shown(self, client_as: ClientAs) -> None:
        changes = form(opens_4="10:00", closes_4="18:00", opens_5="", closes_5="")
        response = client_as("admin").post(PAGE, changes, follow=True)

        office = Office.objects.get(unit_number="0317")
        assert office.version == 2
        assert [h.weekday for h in office.opening_hours.all()] == [1, 2, 3, 4]
        assert last_update(office)[1]["opening_hours"][3] == "4 10:00-18:00"
        html = response.content.decode()
        assert "10.00–18.00" in html
        assert 'role="status">Besøksadressen og åpningstidene er lagret.</div>' in html

    def test_a_stale_version_is_refused(self, client_as: ClientAs) -> None:
        admin = client_as("admin")
        assert admin.post(PAGE, form()).status_code == 302
        response = admin.post(PAGE, form(place="Oslo sentrum"))
        assert response.status_code == 409
        assert Office.objects.get(unit_number="0317").place == "Oslo"

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "departement"])
    def test_only_an_administrator_may_open_or_send_it(
        self, client_as: ClientAs, login: str
    ) -> None:
        staff = client_as(login)
        assert staff.get(PAGE).status_code == 403
        assert staff.post(PAGE, form(place="Annensted")).status_code == 403
        assert Office.objects.get(unit_number="0317").place == "Oslo"

    def test_a_visitor_is_sent_to_log_in(self, client: Client) -> None:
        response = client.get(PAGE)
        assert response.status_code == 302 and "/login/" in response["Location"]


def body(**changes: Any) -> dict[str, Any]:
    return {
        "visiting_address": {"street": "Storgata 1", "postcode": "9008", "place": "Tromsø"},
        "phone": "55 55 33 33",
        "opening_hours": [
            {"weekday": 1, "opens": "09:00", "closes": "15:00"},
            {"weekday": 3, "opens": "09:00", "closes": "15:00"},
        ],
        "opening_note": "Timeavtale utenom åpningstid",
        "version": 1,
        **changes,
    }


class TestTheApi:
    def test_the_administrator_replaces_them_audited(self, client_as: ClientAs) -> None:
        response = send(client_as("admin"), "put", "/offices/5501/visiting", body())

        assert response.status_code == 200
        assert [h["weekday"] for h in response.json()["opening_hours"]] == [1, 3]
        assert response.json()["version"] == 2
        before, after = last_update(Office.objects.get(unit_number="5501"))
        assert before["opening_hours"][1] == "2 10:00-14:00"
        assert after["opening_hours"] == ["1 09:00-15:00", "3 09:00-15:00"]

    def test_a_stale_version_is_409_and_nothing_changes(self, client_as: ClientAs) -> None:
        response = send(client_as("admin"), "put", "/offices/5501/visiting", body(version=7))
        assert response.status_code == 409
        assert Office.objects.get(unit_number="5501").opening_hours.count() == 5

    def test_a_closing_time_before_the_opening_time_is_refused_in_both_languages(
        self, client_as: ClientAs
    ) -> None:
        late = body(opening_hours=[{"weekday": 5, "opens": "14:00", "closes": "10:00"}])
        admin = client_as("admin")
        nb = send(admin, "put", "/offices/5501/visiting", late).json()
        en = send(admin, "put", "/offices/5501/visiting", late, **EN).json()
        assert nb == {
            "code": "closes_before_opens",
            "field": "closes_5",
            "message": "Stengetiden fredag må være etter åpningstiden (14:00).",
        }
        assert en["message"] == "The closing time on Friday must be after the opening time (14:00)."
        assert Office.objects.get(unit_number="5501").opening_hours.count() == 5

    def test_a_caseworker_is_403(self, client_as: ClientAs) -> None:
        response = send(client_as("veileder"), "put", "/offices/5501/visiting", body())
        assert response.status_code == 403


class TestTheReferenceData:
    def test_it_fills_in_an_office_without_them_and_keeps_what_an_administrator_wrote(
        self, client_as: ClientAs
    ) -> None:
        Office.objects.filter(unit_number="5612").update(street="", phone="")
        Office.objects.get(unit_number="5612").opening_hours.all().delete()
        send(client_as("admin"), "put", "/offices/5501/visiting", body(phone="+47 55 55 33 33"))

        filled = services.load_visiting(actor=system_actor("tests"))

        assert filled == 1
        kautokeino = Office.objects.get(unit_number="5612")
        assert (kautokeino.street, kautokeino.postcode) == ("Hannoluohkká 1", "9520")
        assert kautokeino.opening_hours.count() == 5
        assert Office.objects.get(unit_number="5501").phone == "+47 55 55 33 33"
        assert services.load_visiting(actor=system_actor("tests")) == 0
