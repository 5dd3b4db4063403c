"""Reading the publications: each filter, full-text search in title, summary and body, newest
first, 20 to a page, and the counts beside each filter value."""

from __future__ import annotations

import datetime

import pytest

from velferd.core.errors import DomainError
from velferd.core.pagination import paginate
from velferd.core.testing import refusal
from velferd.publications import selectors
from velferd.publications.selectors import Filters

from .factories import make_older_publications, make_publication

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publications")]

OECD_REPORTS = [
    "migration-and-integration-2021-2022",
    "migration-and-integration-2020-2021",
    "immigration-and-integration-2019-2020",
]


def slugs(**filters: object) -> list[str]:
    return [p.slug for p in selectors.publications(**filters)]  # type: ignore[arg-type]


def filter_refusal(**filters: object) -> DomainError:
    return refusal(lambda: selectors.publications(**filters))  # type: ignore[arg-type]


def test_all_twenty_are_listed_newest_first() -> None:
    found = list(selectors.publications())
    assert len(found) == 20
    dates = [p.published_on for p in found]
    assert dates == sorted(dates, reverse=True)
    assert found[0].published_on == datetime.date(2024, 12, 20)
    assert found[-1].slug == "immigration-and-integration-2019-2020"


def test_publications_of_the_same_day_come_in_title_order() -> None:
    same_day = [p.title for p in selectors.publications(year=2024)][:5]
    assert same_day == [
        "Area focus",
        "Introduction programme",
        "Job Opportunity",
        "The Norwegian Nationality Act",
        "Volunteering and dialogue",
    ]


@pytest.mark.parametrize(
    ("publication_type", "count"),
    [("article", 9), ("press_release", 6), ("report", 3), ("plan_strategy", 2)],
)
def test_filter_by_type(publication_type: str, count: int) -> None:
    found = list(selectors.publications(type=publication_type))
    assert len(found) == count
    assert {p.type for p in found} == {publication_type}


def test_the_reports_are_the_three_to_the_oecd() -> None:
    assert slugs(type="report") == OECD_REPORTS


def test_filter_by_ministry() -> None:
    justice = slugs(ministry="justice-and-public-security")
    assert len(justice) == 9
    assert "questions-and-answers-about-norwegian-immigration-policy" in justice
    assert "area-focus" not in justice
    assert slugs(ministry="office-of-the-prime-minister") == [
        "the-norwegian-government-asks-the-municipalities-to-settle-35-000-refugees-in-2023"
    ]
    assert len(slugs(ministry="labour-and-social-inclusion")) == 20


def test_filter_by_topic() -> None:
    assert slugs(topic="oecd-reporting") == OECD_REPORTS
    assert slugs(topic="negative-social-control") == [
        "negative-social-control-and-honour-based-violence",
        "freedom-from-negative-social-control-and-honour-based-violence-2021-2024",
    ]


@pytest.mark.parametrize(("year", "count"), [("2024", 10), (2023, 5), ("2022", 4), ("2021", 0)])
def test_filter_by_year(year: str | int, count: int) -> None:
    found = list(selectors.publications(year=year))
    assert len(found) == count
    assert {p.published_on.year for p in found} <= {int(year)}


def test_filters_combine() -> None:
    assert slugs(type="press_release", year="2024", ministry="justice-and-public-security") == [
        "the-government-is-changing-the-rules-norway-will-grant-collective-protection-to-fewer-ukrainians",
        "new-measures-to-ensure-continued-control-of-immigration",
    ]
    assert slugs(topic="ukraine", ministry="justice-and-public-security", type="report") == []


def test_empty_filters_are_no_filters() -> None:
    assert len(slugs(type="", ministry="", topic="", year="", query="  ")) == 20


@pytest.mark.parametrize("year", ["24", "20245", "abcd", "２０２４", "2024 "])
def test_a_year_not_of_four_digits_is_422(year: str) -> None:
    error = filter_refusal(year=year)
    assert (error.status, error.code, error.field) == (422, "invalid_year", "year")


def test_an_unknown_type_is_422_listing_the_valid_ones() -> None:
    error = filter_refusal(type="memo")
    assert (error.status, error.code, error.field) == (422, "unknown_type", "type")
    assert "press_release" in error.message_en


def test_an_unknown_ministry_or_topic_is_422() -> None:
    assert filter_refusal(ministry="ministry-of-magic").code == "unknown_ministry"
    assert filter_refusal(topic="astrology").field == "topic"


class TestSearch:
    def test_a_word_in_the_title(self) -> None:
        assert slugs(query="Nationality Act") == ["the-norwegian-nationality-act"]

    def test_a_word_only_in_the_summary(self) -> None:
        assert slugs(query="Storting") == [
            "the-norwegian-government-wants-to-ensure-that-ukrainian-refugees-are-included-more-quickly-in-norwegian-society"
        ]

    def test_a_word_only_in_the_body(self) -> None:
        make_publication(
            title="Rapport om kvalifisering",
            summary="En kort oppsummering.",
            body="Hele teksten handler om lønnstilskudd.",
            slug="rapport-om-kvalifisering",
        )
        assert slugs(query="lønnstilskudd") == ["rapport-om-kvalifisering"]

    def test_every_word_must_match_in_any_order(self) -> None:
        assert slugs(query="centres reception") == [
            "longer-stays-at-reception-centres-finding-work-more-quickly"
        ]
        assert slugs(query="reception astrology") == []

    def test_case_and_norwegian_letters_do_not_matter(self) -> None:
        make_publication(title="Økt bosetting i Tromsø", slug="okt-bosetting")
        assert slugs(query="ØKT TROMSØ") == ["okt-bosetting"]
        assert slugs(query="oecd") == slugs(query="OECD") != []

    def test_the_start_of_a_word_finds_the_whole_word(self) -> None:
        found = slugs(query="refugee")
        assert "settlement-of-refugees" in found
        assert "area-focus" not in found

    def test_punctuation_alone_searches_nothing(self) -> None:
        assert len(slugs(query="«!?»")) == 20

    def test_search_combines_with_filters_and_stays_newest_first(self) -> None:
        found = list(selectors.publications(query="Ukraine", type="press_release"))
        assert len(found) >= 2
        dates = [p.published_on for p in found]
        assert dates == sorted(dates, reverse=True)


def test_twenty_to_a_page() -> None:
    make_older_publications(5)
    first = paginate(selectors.publications(), page=1, page_size=20)
    second = paginate(selectors.publications(), page=2, page_size=20)
    assert (len(first.items), len(second.items), first.count, first.pages) == (20, 5, 25, 2)
    assert second.items[0].published_on < first.items[-1].published_on
    assert second.items[-1].slug == "eldre-artikkel-00"


def test_one_publication_by_its_address() -> None:
    p = selectors.publication("area-focus")
    assert [m.slug for m in p.ministries.all()] == ["labour-and-social-inclusion"]
    with pytest.raises(DomainError) as refused:
        selectors.publication("no-such-thing")
    assert (refused.value.status, refused.value.code) == (404, "not_found")


class TestFacets:
    def test_without_filters_every_value_is_counted(self) -> None:
        facets = selectors.facets(Filters.checked())
        assert [(v.value, v.count) for v in facets.types] == [
            ("article", 9),
            ("press_release", 6),
            ("report", 3),
            ("plan_strategy", 2),
        ]
        assert [(v.value, v.count) for v in facets.years] == [
            ("2024", 10),
            ("2023", 5),
            ("2022", 4),
            ("2020", 1),
        ]
        ministries = {v.value: v.count for v in facets.ministries}
        assert ministries["labour-and-social-inclusion"] == 20
        assert ministries["defence"] == 1
        assert {v.value: v.count for v in facets.topics}["oecd-reporting"] == 3
        assert [v.value for v in facets.topics][:3] == [
            "integration",
            "refugees-and-settlement",
            "immigration",
        ]
        assert facets.ministries[0].value == "labour-and-social-inclusion"
        assert not any(v.selected for v in facets.types + facets.years)

    def test_a_filter_narrows_the_other_facets_but_not_its_own(self) -> None:
        facets = selectors.facets(Filters.checked(year="2024"))
        assert [(v.value, v.count) for v in facets.types] == [
            ("article", 7),
            ("press_release", 3),
        ]
        first = facets.years[0]
        assert (first.value, first.count, first.selected) == ("2024", 10, True)
        assert len(facets.years) == 4
        assert "oecd-reporting" not in {v.value for v in facets.topics}

    def test_the_counts_follow_the_search(self) -> None:
        facets = selectors.facets(Filters.checked(query="OECD"))
        assert [(v.value, v.count) for v in facets.types] == [("report", 3)]
        assert "defence" not in {v.value for v in facets.ministries}

    def test_ministry_names_follow_the_language(self) -> None:
        from django.utils import translation

        with translation.override("nb"):
            names = {v.value: v.label for v in selectors.facets(Filters.checked()).ministries}
        assert names["labour-and-social-inclusion"] == "Arbeids- og inkluderingsdepartementet"
        with translation.override("en"):
            names = {v.value: v.label for v in selectors.facets(Filters.checked()).ministries}
        assert names["labour-and-social-inclusion"] == "Ministry of Labour and Social Inclusion"
