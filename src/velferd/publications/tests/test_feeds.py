"""The Atom feed per topic: valid Atom with that topic's publications only, newest first."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from velferd.publications.models import Publication

from .factories import make_publication

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("publications"),
]

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client: Client, topic: str) -> ET.Element:
    response = client.get(f"/publications/topics/{topic}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


def text(element: ET.Element, tag: str) -> str:
    found = element.find(f"{ATOM}{tag}")
    assert found is not None, f"no <{tag}>"
    return found.text or ""


def test_the_feed_is_atom_with_the_required_elements(client: Client) -> None:
    root = feed(client, "oecd-reporting")
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nb"
    assert "Rapportering til OECD" in text(root, "title")
    assert text(root, "id") == "tag:velferd,2024:publications/topics/oecd-reporting"
    assert text(root, "updated").startswith("2023-01-16T00:00:00")
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href") == "http://testserver/publications/topics/oecd-reporting/feed/"
    for entry in entries(root):
        for tag in ("title", "id", "updated", "published", "summary"):
            assert text(entry, tag), tag
        assert text(entry, "id").startswith("urn:uuid:")
        author = entry.find(f"{ATOM}author/{ATOM}name")
        assert author is not None and author.text


def test_the_entries_are_the_topics_publications_newest_first(client: Client) -> None:
    root = feed(client, "oecd-reporting")
    links = [e.find(f"{ATOM}link") for e in entries(root)]
    assert [link.get("href") for link in links if link is not None] == [
        "http://testserver/publications/migration-and-integration-2021-2022/",
        "http://testserver/publications/migration-and-integration-2020-2021/",
        "http://testserver/publications/immigration-and-integration-2019-2020/",
    ]
    assert text(entries(root)[0], "title") == "Migration and Integration 2021–2022"


def test_no_entry_from_another_topic(client: Client) -> None:
    root = feed(client, "ukraine")
    on_topic = {
        f"urn:uuid:{pk}"
        for pk in Publication.objects.filter(topics__slug="ukraine").values_list("pk", flat=True)
    }
    ids = [text(e, "id") for e in entries(root)]
    assert len(ids) == 5
    assert set(ids) == on_topic
    published = [text(e, "published") for e in entries(root)]
    assert published == sorted(published, reverse=True)


def test_a_new_publication_comes_first(client: Client) -> None:
    make_publication(
        title="Ny avtale om bosetting",
        published_on=datetime.date(2025, 3, 1),
        topics=["refugees-and-settlement"],
        slug="ny-avtale-om-bosetting",
    )
    first = entries(feed(client, "refugees-and-settlement"))[0]
    assert text(first, "title") == "Ny avtale om bosetting"
    assert text(first, "published").startswith("2025-03-01T00:00:00+01:00")
    assert all(
        text(e, "title") != "Ny avtale om bosetting" for e in entries(feed(client, "ukraine"))
    )


def test_the_feed_title_follows_the_chosen_language(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    root = feed(client, "oecd-reporting")
    assert text(root, "title") == "Publications on Reporting to the OECD"
    author = entries(root)[0].find(f"{ATOM}author/{ATOM}name")
    assert author is not None
    assert (author.text or "").startswith("Ministry of Labour and Social Inclusion")


def test_an_unknown_topic_is_404(client: Client) -> None:
    assert client.get("/publications/topics/astrology/feed/").status_code == 404
