"""The sick-leave pages: an enterprise against its groups, the groups themselves, the
advisors' prioritisation list, the IW centre's results and the administrators' import."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core import disclosure, pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.pagination import paginate
from velferd.employers import selectors as employer_selectors

from . import selectors, services
from .models import GroupKind
from .programmes import programme_choices
from .sectors import sector_choices

STYLESHEET = "velferd/sickleave.css"


@refusals_as_pages
def index(request: HttpRequest) -> HttpResponse:
    """Where an employer representative lands on their own enterprise; others get the pages
    their role opens."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    own = sorted(policies.employer_organisation_numbers(actor))
    if own and len(own) == 1 and not policies.iw_counties(actor):
        return redirect("sick_leave_enterprise", own[0])
    return render(
        request,
        "sickleave/index.html",
        {
            "own": own,
            "may_prioritise": policies.can_prioritise_enterprises(actor),
            "may_see_groups": policies.can_view_sick_leave_aggregates(actor),
            "may_see_results": policies.can_view_iw_results(
                actor, policies.iw_results_county(actor)
            ),
            "may_import": policies.can_import_sick_leave_statistics(actor),
        },
    )


@refusals_as_pages
def enterprise(request: HttpRequest, organisation_number: str) -> HttpResponse:
    found = selectors.enterprise_comparison(
        actor=actor_for_request(request), organisation_number=organisation_number
    )
    return render(
        request,
        "sickleave/enterprise.html",
        {
            "c": found,
            "chart": found.chart(),
            "series": [
                (
                    name,
                    found.series_labels[name],
                    found.last_quarter[name],
                    found.four_quarters[name],
                )
                for name in found.series
            ],
            "history": [
                (row.period, [row.figures[name] for name in found.series])
                for row in reversed(found.history)
            ],
            "labels": [found.series_labels[name] for name in found.series],
            "own_last": found.last_quarter["enterprise"],
            "own_four": found.four_quarters["enterprise"],
        },
    )


@refusals_as_pages
def groups(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", GroupKind.INDUSTRY)
    actor = actor_for_request(request)
    found = selectors.groups(actor=actor, kind=kind)
    country = selectors.groups(actor=actor, kind=GroupKind.COUNTRY)
    return render(
        request,
        "sickleave/groups.html",
        {
            "kind": kind,
            "kinds": [(k, label) for k, label in GroupKind.choices if k != GroupKind.COUNTRY],
            "rows": found,
            "country": country[0] if country else None,
            "latest": selectors.latest_quarter(),
        },
    )


@refusals_as_pages
def group(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    found = selectors.group_statistics(actor=actor_for_request(request), kind=kind, key=key)
    return render(
        request,
        "sickleave/group.html",
        {"g": found, "chart": found.chart(), "history": list(reversed(found.history))},
    )


def _decimal(value: str, name: str) -> Decimal | None:
    value = value.strip().replace(",", ".")
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise DomainError(
            code="invalid_filter",
            field=name,
            status=400,
            message_nb="Skriv et tall.",
            message_en="Write a number.",
        ) from None


def _integer(value: str, name: str) -> int | None:
    number = _decimal(value, name)
    return int(number) if number is not None else None


def _page_number(request: HttpRequest) -> int:
    return pagination.page_number(request.GET.get("page"))


@refusals_as_pages
def priorities(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_prioritise_enterprises)
    data = request.GET
    error = None
    page = None
    try:
        filters = selectors.PriorityFilters(
            county=data.get("county", ""),
            min_percentage=_decimal(data.get("min_percentage", ""), "min_percentage"),
            max_percentage=_decimal(data.get("max_percentage", ""), "max_percentage"),
            min_lost_workdays=_decimal(data.get("min_lost_workdays", ""), "min_lost_workdays"),
            min_employees=_integer(data.get("min_employees", ""), "min_employees"),
            max_employees=_integer(data.get("max_employees", ""), "max_employees"),
            industry=data.get("industry", "")[:6],
            programme=data.get("programme", "")[:20],
            sector=data.get("sector", ""),
            municipality=data.get("municipality", "")[:4],
            cooperation_status=data.get("cooperation_status", ""),
            sort=data.get("sort", "") or selectors.SORT_LOST,
        )
        found = selectors.priorities(actor=actor, filters=filters)
        page = paginate(found, page=_page_number(request), page_size=50, clamp=True)
    except DomainError as refused:
        if refused.status in (401, 403):
            raise
        error = refused
    query = data.copy()
    query.pop("page", None)
    unsorted = query.copy()
    unsorted.pop("sort", None)
    return render(
        request,
        "sickleave/priorities.html",
        {
            "page": page,
            "rows": [_explained(r) for r in selectors.priority_rows(page.items)] if page else [],
            "error": error,
            "form": data,
            "querystring": query.urlencode(),
            "unsorted_querystring": unsorted.urlencode(),
            "latest": selectors.latest_quarter(),
            "counties": employer_selectors.counties_advised_by(actor),
            "sectors": sector_choices(),
            "programmes": programme_choices(),
            "sorts": [
                (selectors.SORT_LOST, gettext("Lost workdays")),
                (selectors.SORT_SAVEABLE, gettext("Workdays that could be saved")),
            ],
            "sort": data.get("sort", "") or selectors.SORT_LOST,
            "statuses": [
                (selectors.COOPERATION_NONE, gettext("No cooperation")),
                *employer_selectors.cooperation_status_choices(),
            ],
        },
        status=error.status if error else 200,
    )


def _explained(row: dict[str, Any]) -> dict[str, Any]:
    """A line of the list with the reasons for what it leaves out, in words."""
    return {
        **row,
        "reason_text": disclosure.explain(row["reason"]) if row["reason"] else "",
        "industry_reason_text": (
            disclosure.explain(row["industry_reason"]) if row["industry_reason"] else ""
        ),
    }


@refusals_as_pages
def results(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    county = request.GET.get("county", "") or None
    found = selectors.iw_results(actor=actor, county=county)
    national = policies.can_view_iw_results(actor, None)
    return render(
        request,
        "sickleave/results.html",
        {
            "r": found,
            "charts": found.charts() if found.relative else [],
            "counties": selectors.counties_with_results(actor=actor),
            "national": national,
        },
    )


@refusals_as_pages
def import_statistics(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_import_sick_leave_statistics)
    context: dict[str, Any] = {
        "columns": services.COLUMNS,
        "optional_columns": services.DURATION_COLUMNS,
    }
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise DomainError(
                    code="file_required",
                    field="file",
                    message_nb="Velg en fil.",
                    message_en="Choose a file.",
                )
            context["report"] = services.statistics_import(
                actor=actor, data=upload.read(), filename=upload.name or ""
            )
        except services.ImportRejected as refused:
            context["rejected"] = refused
            status = refused.status
        except DomainError as refused:
            if refused.status in (401, 403):
                raise
            context["error"] = refused
            status = refused.status
    context["imports"] = selectors.recent_imports(actor=actor)
    context["import_url"] = reverse("sick_leave_import")
    return render(request, "sickleave/import.html", context, status=status)
