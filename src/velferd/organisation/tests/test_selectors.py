"""Reads from the registry: which office serves a municipality (or a district of a divided
one), the directory search, and that every municipality is served."""

from __future__ import annotations

import pytest

from velferd.core.errors import DomainError
from velferd.core.testing import refusal
from velferd.organisation import selectors
from velferd.organisation.models import Office

pytestmark = pytest.mark.django_db

OSLO_DISTRICTS = [
    "Alna",
    "Bjerke",
    "Frogner",
    "Gamle Oslo",
    "Grorud",
    "Grünerløkka",
    "Nordre Aker",
    "Nordstrand",
    "Sagene",
    "St. Hanshaugen",
    "Stovner",
    "Søndre Nordstrand",
    "Ullern",
    "Vestre Aker",
    "Østensjø",
]


def office_refusal(number: str, district: str | None = None) -> DomainError:
    return refusal(lambda: selectors.office_serving(number, district))


class TestCoverage:
    def test_every_municipality_is_served_by_exactly_one_office_per_district(self) -> None:
        assert selectors.coverage_problems() == []

    def test_a_municipality_left_without_an_office_is_named(self) -> None:
        Office.objects.get(unit_number="5612").delete()  # the office closes

        assert selectors.coverage_problems() == [
            "5612 Guovdageaidnu - Kautokeino is served by no office"
        ]

    def test_the_demo_offices_include_the_oslo_and_bergen_district_offices(self) -> None:
        assert Office.objects.count() == 259
        assert Office.objects.filter(unit_number__range=("0312", "0326")).count() == 15
        assert Office.objects.filter(unit_number__range=("4670", "4677")).count() == 8
        assert [a.district for a in selectors.areas_of(selectors.municipality("0301"))] == (
            sorted(OSLO_DISTRICTS)
        )

    def test_some_offices_serve_more_than_one_municipality(self) -> None:
        vest_finnmark = selectors.office("5614")

        assert vest_finnmark.name_nb == "NAV Vest-Finnmark"
        assert [a.municipality.name for a in vest_finnmark.areas.all()] == ["Loppa", "Hasvik"]
        shared = [o for o in selectors.offices() if len(o.areas.all()) > 1]
        assert len(shared) == 55


class TestOfficeServing:
    def test_a_municipality_served_as_a_whole_gives_its_office(self) -> None:
        area = selectors.office_serving("5612")

        assert area.office.unit_number == "5612"
        assert area.office.name_nb == "NAV Guovdageaidnu - Kautokeino"
        assert area.district == ""

    def test_a_municipality_of_an_inter_municipal_office_gives_that_office(self) -> None:
        assert selectors.office_serving("5616").office.name_nb == "NAV Vest-Finnmark"

    @pytest.mark.parametrize(
        "district", ["Grünerløkka", "grünerløkka", "GRÜNERLØKKA", "  Grünerløkka "]
    )
    def test_an_oslo_district_gives_its_office_whatever_the_case(self, district: str) -> None:
        area = selectors.office_serving("0301", district)

        assert area.office.name_nb == "NAV Grünerløkka"
        assert area.district == "Grünerløkka"

    def test_a_bergen_district_gives_its_office(self) -> None:
        assert selectors.office_serving("4601", "årstad").office.unit_number == "4676"

    def test_oslo_without_a_district_asks_for_one_listing_the_districts(self) -> None:
        error = office_refusal("0301")

        assert (error.code, error.status, error.field) == ("district_required", 422, "district")
        assert error.message_nb.startswith("Oslo har flere NAV-kontorer. Velg bydel:")
        assert error.message_en.startswith("Oslo has several NAV offices. Choose a district:")
        for district in OSLO_DISTRICTS:
            assert district in error.message_nb

    def test_an_unknown_district_is_refused_listing_the_districts(self) -> None:
        error = office_refusal("0301", "Atlantis")

        assert (error.code, error.status, error.field) == ("unknown_district", 422, "district")
        assert "Grünerløkka" in error.message_en

    def test_a_district_given_for_an_undivided_municipality_still_gives_its_office(self) -> None:
        assert selectors.office_serving("5612", "Sentrum").office.unit_number == "5612"

    def test_an_unknown_municipality_number_is_not_found(self) -> None:
        error = office_refusal("9999")

        assert (error.code, error.status) == ("not_found", 404)
        assert error.message_nb == "Fant ikke kommunenummer 9999."
        assert error.message_en == "Municipality number 9999 was not found."

    @pytest.mark.parametrize("number", ["12a", "123", "12345", "", "03 01"])
    def test_a_malformed_municipality_number_is_refused(self, number: str) -> None:
        error = office_refusal(number)

        assert (error.code, error.status) == ("malformed_municipality_number", 422)
        assert "four digits" in error.message_en


class TestDirectorySearch:
    def names(self, query: str) -> list[str]:
        return [hit.municipality.name for hit in selectors.directory_search(query)]

    def test_finds_a_municipality_by_part_of_its_name_and_names_its_office(self) -> None:
        hits = selectors.directory_search("kautokeino")

        assert [h.municipality.name for h in hits] == ["Guovdageaidnu - Kautokeino"]
        assert [a.office.name_nb for a in hits[0].areas] == ["NAV Guovdageaidnu - Kautokeino"]

    def test_finds_a_municipality_by_its_number(self) -> None:
        assert self.names("5612") == ["Guovdageaidnu - Kautokeino"]

    def test_finds_municipalities_by_a_number_prefix(self) -> None:
        hits = selectors.directory_search("560")

        assert sorted(h.municipality.number for h in hits) == ["5601", "5603", "5605", "5607"]

    @pytest.mark.parametrize("query", ["ålesund", "ÅLESUND", "Ålesund", "åles"])
    def test_finds_names_with_norwegian_letters_whatever_the_case(self, query: str) -> None:
        assert self.names(query) == ["Ålesund"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("ØRSTA", ["Ørsta"]),
            ("BÅTSFJORD", ["Båtsfjord"]),
            ("GÁIVUOTNA", ["Gáivuotna - Kåfjord - Kaivuono"]),
        ],
    )
    def test_folds_the_case_of_sami_and_norwegian_letters(
        self, query: str, expected: list[str]
    ) -> None:
        assert self.names(query) == expected

    def test_names_that_start_with_the_query_come_first(self) -> None:
        assert self.names("sand") == [
            "Sande",
            "Sandefjord",
            "Sandnes",
            "Kristiansand",
            "Lillesand",
        ]

    def test_a_divided_municipality_lists_an_office_per_district(self) -> None:
        [oslo] = selectors.directory_search("oslo")

        assert [a.district for a in oslo.areas] == sorted(OSLO_DISTRICTS)
        assert {a.office.unit_number for a in oslo.areas} == {f"03{n}" for n in range(12, 27)}

    def test_an_empty_query_finds_nothing(self) -> None:
        assert selectors.directory_search("   ") == []

    def test_an_unmatched_query_finds_nothing(self) -> None:
        assert selectors.directory_search("atlantis") == []

    def test_results_are_limited(self) -> None:
        assert len(selectors.directory_search("4", limit=10)) == 10


class TestMunicipalitiesAndOffices:
    def test_municipalities_of_a_county(self) -> None:
        finnmark = selectors.municipalities(county_number="56")

        assert finnmark.count() == 18
        assert {m.county.name for m in finnmark} == {"Finnmark - Finnmárku - Finmarkku"}

    def test_municipalities_of_an_unknown_county_is_not_found(self) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.municipalities(county_number="99")

        assert (caught.value.code, caught.value.status) == ("not_found", 404)

    def test_offices_found_by_a_municipality_they_serve_or_their_name(self) -> None:
        assert [o.name_nb for o in selectors.offices(query="hasvik")] == ["NAV Vest-Finnmark"]
        assert [o.name_nb for o in selectors.offices(query="Vest-Finnmark")] == [
            "NAV Vest-Finnmark"
        ]

    def test_offices_of_a_county(self) -> None:
        assert selectors.offices(county_number="03").count() == 15

    def test_an_unknown_office_is_not_found(self) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.office("9998")

        assert (caught.value.code, caught.value.status) == ("not_found", 404)
        assert caught.value.message_nb == "Fant ikke kontor 9998."
