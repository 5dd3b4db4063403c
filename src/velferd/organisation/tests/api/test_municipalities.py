"""Municipalities and the office that serves each: public reads, paged, with clear messages
for numbers that are unknown or malformed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.test import Client

from velferd import organisation

from .calls import BASE, EN, MINIMUM

pytestmark = pytest.mark.django_db

MUNICIPALITIES_CSV = Path(organisation.__file__).parent / "data" / "municipalities.csv"


def municipalities_in_csv(county_number: str) -> list[str]:
    with MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
        return [
            row["municipality_number"]
            for row in csv.DictReader(handle)
            if row["county_number"] == county_number
        ]


class TestMunicipalityList:
    def test_a_county_is_paged_and_counted(self, client: Client) -> None:
        finnmark = municipalities_in_csv("56")

        response = client.get(f"{BASE}/municipalities", {"county": "56", "page_size": "10"})

        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"items", "count"}
        assert body["count"] == len(finnmark) == 18
        assert [m["number"] for m in body["items"]] == finnmark[:10]
        assert body["items"][0]["county"] == {
            "number": "56",
            "name": "Finnmark - Finnmárku - Finmarkku",
        }

    def test_the_second_page_holds_the_rest(self, client: Client) -> None:
        body = client.get(
            f"{BASE}/municipalities", {"county": "56", "page_size": "10", "page": "2"}
        ).json()

        assert [m["number"] for m in body["items"]] == municipalities_in_csv("56")[10:]

    def test_all_municipalities_are_counted(self, client: Client) -> None:
        assert client.get(f"{BASE}/municipalities").json()["count"] == 357

    def test_search_by_name(self, client: Client) -> None:
        body = client.get(f"{BASE}/municipalities", {"q": "kautokeino"}).json()

        assert [m["number"] for m in body["items"]] == ["5612"]

    def test_a_page_size_over_200_is_422(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities", {"page_size": 201})

        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
        assert response.json()["field"] == "page_size"

    def test_a_page_size_of_200_is_allowed(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities", {"page_size": 200})

        assert response.status_code == 200
        assert len(response.json()["items"]) == 200

    def test_an_unknown_county_is_404_and_a_malformed_one_422(self, client: Client) -> None:
        assert client.get(f"{BASE}/municipalities", {"county": "99"}).status_code == 404
        malformed = client.get(f"{BASE}/municipalities", {"county": "5"})
        assert malformed.status_code == 422
        assert malformed.json()["code"] == "malformed_county_number"


class TestServingOffice:
    def test_a_municipality_gives_its_office_with_services(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/5612/office")

        assert response.status_code == 200
        body = response.json()
        assert body["municipality"]["name"] == "Guovdageaidnu - Kautokeino"
        assert body["district"] == ""
        office = body["office"]
        assert (office["unit_number"], office["name"]) == ("5612", "NAV Guovdageaidnu - Kautokeino")
        codes = [s["code"] for s in office["services"]]
        assert codes[:7] == MINIMUM
        assert "mental_health" in codes
        assert all(s["is_minimum"] for s in office["services"][:7])

    def test_an_inter_municipal_office_lists_all_its_areas(self, client: Client) -> None:
        office = client.get(f"{BASE}/municipalities/5616/office").json()["office"]

        assert office["name"] == "NAV Vest-Finnmark"
        assert [a["municipality_name"] for a in office["areas"]] == ["Loppa", "Hasvik"]

    def test_an_unknown_municipality_is_404_with_a_clear_message(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/9999/office")

        assert response.status_code == 404
        assert response.json() == {
            "code": "not_found",
            "field": "municipality",
            "message": "Fant ikke kommunenummer 9999.",
        }

    def test_the_message_is_english_when_asked_for(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/9999/office", **EN)

        assert response.json()["message"] == "Municipality number 9999 was not found."

    @pytest.mark.parametrize("number", ["12a", "123"])
    def test_a_malformed_number_is_422(self, client: Client, number: str) -> None:
        response = client.get(f"{BASE}/municipalities/{number}/office")

        assert response.status_code == 422
        assert response.json() == {
            "code": "malformed_municipality_number",
            "field": "municipality",
            "message": f"«{number}» er ikke et kommunenummer: det må ha fire sifre.",
        }

    def test_oslo_without_a_district_is_422_listing_the_districts(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/0301/office")

        assert response.status_code == 422
        body = response.json()
        assert (body["code"], body["field"]) == ("district_required", "district")
        assert body["message"].startswith("Oslo har flere NAV-kontorer. Velg bydel: Alna, ")
        assert "Grünerløkka" in body["message"]

    def test_oslo_without_a_district_in_english(self, client: Client) -> None:
        body = client.get(f"{BASE}/municipalities/0301/office", **EN).json()

        assert body["message"].startswith("Oslo has several NAV offices. Choose a district:")

    def test_oslo_with_a_district_gives_the_district_office(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/0301/office", {"district": "grünerløkka"})

        assert response.status_code == 200
        assert response.json()["district"] == "Grünerløkka"
        assert response.json()["office"]["unit_number"] == "0317"

    def test_every_office_of_a_divided_municipality(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/4601/offices")

        assert response.status_code == 200
        assert sorted(o["office"]["unit_number"] for o in response.json()) == [
            f"467{n}" for n in range(8)
        ]
