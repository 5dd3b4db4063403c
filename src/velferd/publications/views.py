"""Publication pages: the list with its filters, search and pager, and one publication."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.pagination import page_number, paginate

from . import selectors

PAGE_SIZE = 20
FILTERS = ("type", "year", "topic", "ministry")
HEADINGS = {
    "type": _("Type"),
    "year": _("Year"),
    "topic": _("Topic"),
    "ministry": _("Responsible ministry"),
}


@dataclass(frozen=True)
class FacetLink:
    value: str
    label: str
    count: int
    url: str
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    heading: str
    all_url: str
    any_selected: bool
    links: list[FacetLink]


def _url(request: HttpRequest, filters: selectors.Filters, **changes: str | None) -> str:
    """This page with the filters chosen, changed as given, from its first page."""
    params = QueryDict(mutable=True)
    current = {
        "q": filters.query,
        "type": filters.type,
        "ministry": filters.ministry,
        "topic": filters.topic,
        "year": str(filters.year) if filters.year else None,
    }
    for name, value in {**current, **changes}.items():
        if value:
            params[name] = value
    encoded = params.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def _groups(request: HttpRequest, filters: selectors.Filters) -> list[FacetGroup]:
    facets = selectors.facets(filters)
    values = {
        "type": facets.types,
        "year": facets.years,
        "topic": facets.topics,
        "ministry": facets.ministries,
    }
    groups = []
    for name in FILTERS:
        links = [
            FacetLink(
                value=v.value,
                label=v.label,
                count=v.count,
                # Choosing a chosen value again takes the filter off.
                url=_url(request, filters, **{name: None if v.selected else v.value}),
                selected=v.selected,
            )
            for v in values[name]
        ]
        groups.append(
            FacetGroup(
                name=name,
                heading=str(HEADINGS[name]),
                all_url=_url(request, filters, **{name: None}),
                any_selected=any(link.selected for link in links),
                links=links,
            )
        )
    return groups


def publication_list(request: HttpRequest) -> HttpResponse:
    """Newest first, 20 to a page, filtered by type, ministry, topic and year, searched
    with `q`. A bad filter value shows its message instead of the list (422)."""
    context: dict[str, object] = {
        "query": request.GET.get("q", "").strip()[: selectors.QUERY_MAX],
        "error": None,
    }
    try:
        filters = selectors.Filters.checked(
            type=request.GET.get("type"),
            ministry=request.GET.get("ministry"),
            topic=request.GET.get("topic"),
            year=request.GET.get("year"),
            query=request.GET.get("q"),
        )
    except DomainError as error:
        context["error"] = error
        return render(request, "publications/list.html", context, status=error.status)
    found = selectors.filtered(filters)
    page = paginate(
        found, page=page_number(request.GET.get("page")), page_size=PAGE_SIZE, clamp=True
    )
    kept = {
        "type": filters.type,
        "ministry": filters.ministry,
        "topic": filters.topic,
        "year": str(filters.year) if filters.year else None,
    }
    context.update(
        filters=filters,
        page=page,
        groups=_groups(request, filters),
        filters_kept=[(name, value) for name, value in kept.items() if value],
        topic=selectors.topic(filters.topic) if filters.topic else None,
    )
    return render(request, "publications/list.html", context)


@refusals_as_pages
def publication_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "publications/detail.html", {"publication": selectors.publication(slug)})
