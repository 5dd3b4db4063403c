"""Publication routes. Everything here is public and read-only."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import Slug
from velferd.core.pagination import paginate

from . import selectors
from .models import Ministry, Publication, Topic
from .schemas import (
    MinistryOut,
    PublicationList,
    PublicationOut,
    SlugFilter,
    TopicOut,
    TypeFilter,
    YearFilter,
)

router = Router(tags=["publications"])


def _named(item: Ministry | Topic) -> dict[str, str]:
    return {"slug": item.slug, "name": item.name, "name_nb": item.name_nb, "name_en": item.name_en}


def _summary(p: Publication) -> dict[str, Any]:
    return {
        "id": p.id,
        "slug": p.slug,
        "type": p.type,
        "type_label": str(p.get_type_display()),
        "title": p.title,
        "published_on": p.published_on,
        "summary": p.summary,
        "language": p.language,
        "ministries": [_named(m) for m in p.ministries.all()],
        "topics": [_named(t) for t in p.topics.all()],
    }


@router.get("", response={200: PublicationList, **ERRORS}, auth=None)
def list_publications(
    request: HttpRequest,
    paging: Query[PageParams],
    type: TypeFilter | None = None,
    ministry: SlugFilter | None = None,
    topic: SlugFilter | None = None,
    year: YearFilter | None = None,
    q: str = "",
) -> Any:
    """Publications, newest first. Filters: `type` (article, press_release, report,
    plan_strategy), `ministry` and `topic` (slugs), `year` (four digits) and `q` (words
    searched in title, summary and body). An unknown filter value is 422 naming it."""
    page = paginate(
        selectors.publications(type=type, ministry=ministry, topic=topic, year=year, query=q),
        page=paging.page,
        page_size=paging.page_size,
    )
    return {"items": [_summary(p) for p in page.items], "count": page.count}


@router.get("/topics", response={200: list[TopicOut], **ERRORS}, auth=None)
def list_topics(request: HttpRequest) -> Any:
    return [_named(t) for t in selectors.topics()]


@router.get("/ministries", response={200: list[MinistryOut], **ERRORS}, auth=None)
def list_ministries(request: HttpRequest) -> Any:
    """The ministries that publications name as responsible."""
    return [_named(m) for m in selectors.ministries()]


@router.get("/{slug}", response={200: PublicationOut, **ERRORS}, auth=None)
def get_publication(request: HttpRequest, slug: Slug) -> Any:
    p = selectors.publication(slug)
    return {**_summary(p), "body": p.body, "version": p.version}
