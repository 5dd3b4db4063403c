"""Publications for tests, made through the service (so search text and audit are right)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from velferd.access.actor import system_actor
from velferd.publications.models import Publication
from velferd.publications.services import publication_create


def make_publication(
    *,
    title: str = "Et nytt tiltak for unge",
    published_on: datetime.date = datetime.date(2019, 6, 1),
    type: str = "article",
    summary: str = "Regjeringen legger fram et nytt tiltak.",
    body: str = "",
    ministries: Sequence[str] = ("labour-and-social-inclusion",),
    topics: Sequence[str] = (),
    slug: str | None = None,
) -> Publication:
    return publication_create(
        actor=system_actor("tests"),
        type=type,
        title=title,
        published_on=published_on,
        summary=summary,
        body=body,
        ministries=ministries,
        topics=topics,
        slug=slug,
    )


def make_older_publications(count: int) -> list[Publication]:
    """`count` publications older than every demo one (the oldest is from 2020)."""
    return [
        make_publication(
            title=f"Eldre artikkel {n:02d}",
            published_on=datetime.date(2019, 1, 1) + datetime.timedelta(days=n),
            slug=f"eldre-artikkel-{n:02d}",
        )
        for n in range(count)
    ]
