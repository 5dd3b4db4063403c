"""Reads of the publications. Publications are public, so these need no actor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear

from velferd.core.db import is_postgresql
from velferd.core.errors import DomainError, not_found

from .models import Ministry, Publication, PublicationType, Topic

QUERY_MAX = 200
_YEAR = re.compile(r"[0-9]{4}")
_WORD = re.compile(r"\w+")


def ministries() -> QuerySet[Ministry]:
    return Ministry.objects.all()


def topics() -> QuerySet[Topic]:
    return Topic.objects.all()


def topic(slug: str) -> Topic:
    found = Topic.objects.filter(slug=slug).first()
    if found is None:
        raise not_found(f"temaet «{slug}»", f"the topic “{slug}”", field="topic")
    return found


def publication(slug: str) -> Publication:
    found = _with_relations(Publication.objects.filter(slug=slug)).first()
    if found is None:
        raise not_found(f"publikasjonen «{slug}»", f"the publication “{slug}”", field="slug")
    return found


def _with_relations(found: QuerySet[Publication]) -> QuerySet[Publication]:
    return found.prefetch_related("ministries", "topics")


def _invalid(code: str, field: str, nb: str, en: str) -> DomainError:
    return DomainError(code=code, message_nb=nb, message_en=en, field=field)


@dataclass(frozen=True)
class Filters:
    """The list's filters, checked: unknown values are 422 naming the filter."""

    type: str | None = None
    ministry: str | None = None
    topic: str | None = None
    year: int | None = None
    query: str = ""

    @classmethod
    def checked(
        cls,
        *,
        type: str | None = None,
        ministry: str | None = None,
        topic: str | None = None,
        year: str | int | None = None,
        query: str | None = "",
    ) -> Filters:
        type, ministry, topic = type or None, ministry or None, topic or None
        if type is not None and type not in PublicationType.values:
            allowed = ", ".join(PublicationType.values)
            raise _invalid(
                "unknown_type",
                "type",
                f"Ukjent publikasjonstype «{type}». Gyldige typer: {allowed}.",
                f"Unknown publication type “{type}”. Valid types: {allowed}.",
            )
        if ministry is not None and not Ministry.objects.filter(slug=ministry).exists():
            raise _invalid(
                "unknown_ministry",
                "ministry",
                f"Ukjent departement «{ministry}».",
                f"Unknown ministry “{ministry}”.",
            )
        if topic is not None and not Topic.objects.filter(slug=topic).exists():
            raise _invalid(
                "unknown_topic", "topic", f"Ukjent tema «{topic}».", f"Unknown topic “{topic}”."
            )
        year_number: int | None = None
        if year is not None and year != "":
            if not _YEAR.fullmatch(str(year)):
                raise _invalid(
                    "invalid_year",
                    "year",
                    "Året må skrives med fire sifre, for eksempel 2024.",
                    "The year must have four digits, for example 2024.",
                )
            year_number = int(year)
        return cls(
            type=type,
            ministry=ministry,
            topic=topic,
            year=year_number,
            query=(query or "").strip()[:QUERY_MAX],
        )


def search_words(query: str) -> list[str]:
    """The words of a search, folded as `search_text` is."""
    return _WORD.findall(query.casefold())


def matching(found: QuerySet[Publication], query: str) -> QuerySet[Publication]:
    """Publications with every word of `query` in the title, summary or body. PostgreSQL
    searches a full-text vector ('simple' configuration, words matched by prefix); other
    databases look for each word in the lower-cased `search_text`."""
    words = search_words(query)
    if not words:
        return found
    if is_postgresql():
        from django.contrib.postgres.search import SearchQuery, SearchVector

        tsquery = " & ".join(f"{word}:*" for word in words)
        hits = Publication.objects.annotate(
            document=SearchVector("search_text", config="simple")
        ).filter(document=SearchQuery(tsquery, config="simple", search_type="raw"))
        return found.filter(pk__in=hits.values("pk"))
    for word in words:
        found = found.filter(search_text__contains=word)
    return found


def _filtered(filters: Filters, *, leave_out: str = "") -> QuerySet[Publication]:
    found = Publication.objects.all()
    if filters.type and leave_out != "type":
        found = found.filter(type=filters.type)
    if filters.ministry and leave_out != "ministry":
        found = found.filter(pk__in=Publication.objects.filter(ministries__slug=filters.ministry))
    if filters.topic and leave_out != "topic":
        found = found.filter(pk__in=Publication.objects.filter(topics__slug=filters.topic))
    if filters.year and leave_out != "year":
        found = found.filter(published_on__year=filters.year)
    return matching(found, filters.query)


def publications(
    *,
    type: str | None = None,
    ministry: str | None = None,
    topic: str | None = None,
    year: str | int | None = None,
    query: str | None = "",
) -> QuerySet[Publication]:
    """Publications matching every filter given, newest first. `ministry` and `topic` are
    slugs, `year` four digits, `query` words searched in title, summary and body."""
    filters = Filters.checked(type=type, ministry=ministry, topic=topic, year=year, query=query)
    return filtered(filters)


def filtered(filters: Filters) -> QuerySet[Publication]:
    return _with_relations(_filtered(filters)).order_by("-published_on", "title")


def latest_for_topic(topic_: Topic, *, limit: int = 50) -> list[Publication]:
    found = _with_relations(Publication.objects.filter(topics=topic_))
    return list(found.order_by("-published_on", "title")[:limit])


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facets:
    """How many publications each filter value would give, with the other filters kept."""

    types: list[FacetValue]
    ministries: list[FacetValue]
    topics: list[FacetValue]
    years: list[FacetValue]


def facets(filters: Filters) -> Facets:
    by_type = dict(
        _filtered(filters, leave_out="type")
        .order_by()
        .values_list("type")
        .annotate(n=Count("pk", distinct=True))
    )
    types = [
        FacetValue(str(value), str(label), by_type[value], value == filters.type)
        for value, label in PublicationType.choices
        if by_type.get(value) or value == filters.type
    ]
    by_year = (
        _filtered(filters, leave_out="year")
        .annotate(year=ExtractYear("published_on"))
        .order_by()
        .values_list("year")
        .annotate(n=Count("pk", distinct=True))
    )
    years = [
        FacetValue(str(year), str(year), n, year == filters.year)
        for year, n in sorted(by_year, reverse=True)
    ]
    return Facets(
        types=types,
        ministries=_named_facet(
            Ministry.objects.all(), _filtered(filters, leave_out="ministry"), filters.ministry
        ),
        topics=_named_facet(
            Topic.objects.all(), _filtered(filters, leave_out="topic"), filters.topic
        ),
        years=years,
    )


def _named_facet(
    named: QuerySet[Ministry] | QuerySet[Topic], within: QuerySet[Publication], chosen: str | None
) -> list[FacetValue]:
    counted = named.annotate(
        n=Count("publications", filter=Q(publications__in=within.values("pk")), distinct=True)
    ).order_by("sort_order", "slug")  # an aggregate query leaves out Meta.ordering
    return [
        FacetValue(item.slug, item.name, item.n, item.slug == chosen)
        for item in counted
        if item.n or item.slug == chosen
    ]
