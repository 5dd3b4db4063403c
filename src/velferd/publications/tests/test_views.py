"""The publication pages: the list with filter links, search and pager, one publication, and
the refusals a user may meet (a bad filter, an unknown address)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertTemplateUsed

from velferd.core.testing import choose_english

from .factories import make_older_publications, make_publication

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("publications"),
]

LIST = "/publications/"


def listed(html: str) -> list[str]:
    """The publications on a list page, in order, by their address."""
    return re.findall(r'data-testid="publication" data-slug="([^"]+)"', html)


def facet(html: str, name: str) -> str:
    match = re.search(
        rf'<section class="pub-facet" data-testid="facet-{name}">(.*?)</section>', html, re.S
    )
    assert match, f"no facet {name}"
    return match.group(1)


def facet_link(html: str, name: str, value: str) -> str:
    """The href of one facet value."""
    match = re.search(rf'href="([^"]+)" data-value="{re.escape(value)}"', facet(html, name))
    assert match, f"no link for {name}={value}"
    return unescape(match.group(1))


def get(client: Client, path: str = LIST, **params: str) -> tuple[int, str]:
    response = client.get(path, params)
    return response.status_code, response.content.decode()


class TestList:
    def test_the_list_shows_twenty_newest_first_with_dates_and_ministries(
        self, client: Client
    ) -> None:
        response = client.get(LIST)
        assert response.status_code == 200
        assertTemplateUsed(response, "publications/list.html")
        html = response.content.decode()
        slugs = listed(html)
        assert len(slugs) == 20
        assert slugs[0] == "area-focus"
        assert slugs[-1] == "immigration-and-integration-2019-2020"
        assert '<time datetime="2024-12-20">20.12.2024</time>' in html
        assert "Arbeids- og inkluderingsdepartementet" in html
        assert 'lang="en">Area focus</a>' in html

    def test_in_english_the_page_and_the_ministries_are_english(self, client: Client) -> None:
        choose_english(client)
        response = client.get(LIST)
        assertContains(response, "20 publications")
        assertContains(response, "Ministry of Labour and Social Inclusion")
        assertContains(response, "Press release")
        assertContains(response, "20.12.2024")

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"type": "report"}, 3),
            ({"ministry": "justice-and-public-security"}, 9),
            ({"topic": "negative-social-control"}, 2),
            ({"year": "2023"}, 5),
            ({"year": "2024", "type": "press_release"}, 3),
        ],
    )
    def test_filters(self, client: Client, params: dict[str, str], expected: int) -> None:
        status, html = get(client, **params)
        assert status == 200
        assert len(listed(html)) == expected

    def test_facet_links_keep_the_other_filters_and_show_counts(self, client: Client) -> None:
        _, html = get(client, year="2024", q="refugees")
        link = facet_link(html, "type", "press_release")
        assert link.startswith(LIST + "?")
        assert set(link.split("?")[1].split("&")) == {
            "q=refugees",
            "type=press_release",
            "year=2024",
        }
        assert 'data-value="report"' not in facet(html, "type")
        status, html = get(client, year="2024", q="refugees", type="press_release")
        assert status == 200
        assert listed(html) == [
            "municipalities-in-norway-still-very-willing-to-settle-refugees",
            "new-measures-to-ensure-continued-control-of-immigration",
        ]

    def test_a_chosen_value_is_marked_and_choosing_it_again_takes_it_off(
        self, client: Client
    ) -> None:
        _, html = get(client, topic="ukraine", year="2024")
        assert re.search(r'data-value="ukraine" aria-current="true"', facet(html, "topic"))
        assert facet_link(html, "topic", "ukraine") == f"{LIST}?year=2024"
        assert 'href="/publications/?year=2024" aria-current' not in facet(html, "topic")

    def test_the_counts_beside_the_values(self, client: Client) -> None:
        choose_english(client)
        _, html = get(client)
        assert re.search(
            r'data-value="article">Article <span class="pub-facet__count">\(9\)</span>', html
        )
        assert re.search(r'data-value="2020">2020 <span class="pub-facet__count">\(1\)', html)

    def test_a_topic_filter_offers_its_atom_feed(self, client: Client) -> None:
        _, html = get(client, topic="ukraine")
        assert 'href="/publications/topics/ukraine/feed/"' in html

    def test_search_in_title_summary_and_body(self, client: Client) -> None:
        make_publication(body="Tilskuddet gis til arbeidsgivere.", slug="om-tilskudd")
        assert listed(get(client, q="Nationality")[1]) == ["the-norwegian-nationality-act"]
        assert len(listed(get(client, q="Storting")[1])) == 1
        assert listed(get(client, q="arbeidsgivere")[1]) == ["om-tilskudd"]

    def test_the_search_box_keeps_the_query_and_the_filters(self, client: Client) -> None:
        _, html = get(client, q="Ukraine", type="press_release")
        assert 'name="q" type="search" value="Ukraine"' in html
        assert '<input type="hidden" name="type" value="press_release">' in html

    def test_no_hits_says_so(self, client: Client) -> None:
        choose_english(client)
        response = client.get(LIST, {"q": "astrology"})
        assertContains(response, "No publications match")
        assertContains(response, "0 publications matching “astrology”")

    def test_twenty_to_a_page_and_the_pager_keeps_the_filters(self, client: Client) -> None:
        make_older_publications(25)
        _, first = get(client, type="article")
        assert len(listed(first)) == 20
        older = re.search(r'rel="next" href="([^"]+)"', first)
        assert older
        assert set(unescape(older.group(1)).lstrip("?").split("&")) == {"type=article", "page=2"}
        _, second = get(client, type="article", page="2")
        assert len(listed(second)) == 14
        assert not set(listed(first)) & set(listed(second))
        assert 'rel="prev"' in second and 'rel="next"' not in second

    def test_a_page_past_the_end_shows_the_last_and_nonsense_shows_the_first(
        self, client: Client
    ) -> None:
        make_older_publications(5)
        assert listed(get(client, page="99")[1])[-1] == "eldre-artikkel-00"
        assert listed(get(client, page="abc")[1])[0] == "area-focus"

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"year": "20x4"}, "The year must have four digits"),
            ({"type": "memo"}, "Unknown publication type “memo”"),
            ({"topic": "astrology"}, "Unknown topic “astrology”"),
        ],
    )
    def test_a_bad_filter_is_explained_with_422(
        self, client: Client, params: dict[str, str], message: str
    ) -> None:
        choose_english(client)
        response = client.get(LIST, params)
        assert response.status_code == 422
        assertContains(response, message, status_code=422)
        assert listed(response.content.decode()) == []

    def test_no_inline_scripts_or_styles(self, client: Client) -> None:
        for path in (LIST, f"{LIST}?topic=ukraine", f"{LIST}area-focus/"):
            html = client.get(path).content.decode()
            assert " style=" not in html and "<style" not in html
            assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html) == []


class TestDetail:
    def test_a_publication_with_its_ministries_topics_and_feeds(self, client: Client) -> None:
        choose_english(client)
        response = client.get(f"{LIST}longer-stays-at-reception-centres-finding-work-more-quickly/")
        assert response.status_code == 200
        assertTemplateUsed(response, "publications/detail.html")
        html = response.content.decode()
        assert 'lang="en">Longer stays at reception centres, finding work more quickly</h1>' in html
        assert '<time datetime="2023-10-24">24.10.2023</time>' in html
        assert "Press release" in html
        assert "Responsible ministries" in html
        assert 'href="/publications/?ministry=justice-and-public-security"' in html
        assert 'href="/publications/?topic=ukraine"' in html
        assert 'href="/publications/topics/ukraine/feed/"' in html

    def test_the_summary_is_not_shown_twice_when_the_body_holds_it(self, client: Client) -> None:
        _, html = get(client, f"{LIST}migration-and-integration-2020-2021/")
        assert html.count("Annually Norway sends a report to the OECD") == 1
        assert "<p>Report for Norway to the OECD.</p>" in html

    def test_a_summary_apart_from_the_body_is_the_lead(self, client: Client) -> None:
        make_publication(
            slug="egen-ingress", summary="Dette er ingressen.", body="Dette er brødteksten."
        )
        _, html = get(client, f"{LIST}egen-ingress/")
        assert 'class="aksel-body-long lead" lang="nb">Dette er ingressen.</p>' in html
        assert "<p>Dette er brødteksten.</p>" in html

    def test_an_unknown_publication_is_404(self, client: Client) -> None:
        choose_english(client)
        response = client.get(f"{LIST}no-such-thing/")
        assertContains(response, "was not found", status_code=404)
