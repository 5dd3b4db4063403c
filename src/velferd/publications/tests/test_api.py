"""The publications API (/api/v1/publications/): public reads, paged lists with filters,
one publication, the topics and the ministries; bad filters are 422 {code, message, field}."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .factories import make_older_publications

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("publications"),
]

BASE = "/api/v1/publications"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_the_list_is_public_paged_and_newest_first(client: Client) -> None:
    response = client.get(f"{BASE}")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 20
    assert len(body["items"]) == 20
    dates = [item["published_on"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)
    last = body["items"][-1]
    assert last == {
        "id": last["id"],
        "slug": "immigration-and-integration-2019-2020",
        "type": "report",
        "type_label": last["type_label"],
        "title": "Immigration and Integration 2019–2020",
        "published_on": "2020-12-22",
        "summary": last["summary"],
        "language": "en",
        "ministries": last["ministries"],
        "topics": last["topics"],
    }
    assert "body" not in last
    assert len(last["ministries"]) == 7
    assert last["ministries"][0] == {
        "slug": "labour-and-social-inclusion",
        "name": "Arbeids- og inkluderingsdepartementet",
        "name_nb": "Arbeids- og inkluderingsdepartementet",
        "name_en": "Ministry of Labour and Social Inclusion",
    }


def test_names_follow_accept_language(client: Client) -> None:
    item = client.get(f"{BASE}", {"type": "report"}, **EN).json()["items"][0]
    assert item["type_label"] == "Report"
    assert item["ministries"][0]["name"] == "Ministry of Labour and Social Inclusion"


def test_pages_of_the_given_size(client: Client) -> None:
    make_older_publications(5)
    first = client.get(f"{BASE}", {"page_size": 20}).json()
    second = client.get(f"{BASE}", {"page_size": 20, "page": 2}).json()
    assert (first["count"], len(first["items"]), len(second["items"])) == (25, 20, 5)
    assert second["items"][-1]["slug"] == "eldre-artikkel-00"
    beyond = client.get(f"{BASE}", {"page_size": 20, "page": 3})
    assert (beyond.status_code, beyond.json()["code"]) == (422, "invalid_page")


@pytest.mark.parametrize(
    ("params", "field"),
    [({"page_size": 201}, "page_size"), ({"page_size": 0}, "page_size"), ({"page": 0}, "page")],
)
def test_paging_out_of_bounds_is_422(client: Client, params: dict[str, int], field: str) -> None:
    response = client.get(f"{BASE}", params)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert response.json()["field"] == field


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"type": "press_release"}, 6),
        ({"ministry": "office-of-the-prime-minister"}, 1),
        ({"topic": "oecd-reporting"}, 3),
        ({"year": "2022"}, 4),
        ({"q": "Storting"}, 1),
        ({"type": "article", "year": "2024", "q": "refugees"}, 1),
        ({"type": "", "year": ""}, 20),
    ],
)
def test_filters(client: Client, params: dict[str, str], count: int) -> None:
    response = client.get(f"{BASE}", params)
    assert response.status_code == 200
    assert response.json()["count"] == count


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"type": "memo"}, "unknown_type", "type"),
        ({"year": "24"}, "invalid_year", "year"),
        ({"year": "twenty"}, "invalid_year", "year"),
        ({"ministry": "ministry-of-magic"}, "unknown_ministry", "ministry"),
        ({"topic": "astrology"}, "unknown_topic", "topic"),
    ],
)
def test_bad_filter_values_are_422_naming_the_filter(
    client: Client, params: dict[str, str], code: str, field: str
) -> None:
    response = client.get(f"{BASE}", params)
    assert response.status_code == 422
    body = response.json()
    assert (body["code"], body["field"]) == (code, field)
    assert body["message"]


def test_error_messages_are_norwegian_unless_english_is_asked_for(client: Client) -> None:
    nb = client.get(f"{BASE}", {"year": "24"}).json()
    en = client.get(f"{BASE}", {"year": "24"}, **EN).json()
    assert nb["message"] == "Året må skrives med fire sifre, for eksempel 2024."
    assert en["message"] == "The year must have four digits, for example 2024."


def test_one_publication_with_its_body_and_version(client: Client) -> None:
    response = client.get(f"{BASE}/migration-and-integration-2020-2021", **EN)
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Migration and Integration 2020–2021"
    assert body["body"].startswith("Report for Norway to the OECD.")
    assert body["version"] == 1
    assert [t["slug"] for t in body["topics"]] == ["integration", "immigration", "oecd-reporting"]
    assert len(body["ministries"]) == 8


def test_an_unknown_publication_is_404(client: Client) -> None:
    response = client.get(f"{BASE}/no-such-thing")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["field"] == "slug"


def test_the_topics(client: Client) -> None:
    response = client.get(f"{BASE}/topics", **EN)
    assert response.status_code == 200
    topics = response.json()
    assert len(topics) == 11
    assert topics[0] == {
        "slug": "integration",
        "name": "Integration",
        "name_nb": "Integrering",
        "name_en": "Integration",
    }


def test_the_ministries_start_with_labour_and_social_inclusion(client: Client) -> None:
    response = client.get(f"{BASE}/ministries")
    assert response.status_code == 200
    ministries = response.json()
    assert len(ministries) == 10
    assert ministries[0]["slug"] == "labour-and-social-inclusion"
    assert ministries[0]["name"] == "Arbeids- og inkluderingsdepartementet"


def test_reads_need_no_login_but_a_session_is_fine(client: Client, client_as: Any) -> None:
    assert client.get(f"{BASE}/area-focus").status_code == 200
    assert client_as("veileder").get(f"{BASE}/area-focus").status_code == 200


def test_there_is_no_write_route(client: Client) -> None:
    response = client.post(f"{BASE}", {}, content_type="application/json")
    assert response.status_code == 405
