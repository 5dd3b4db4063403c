"""Registry pages: the Ministry, the office directory, an office, its agreement, the
agreements that lack a minimum service."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError

from . import selectors, services


def ministry(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organisation/ministry.html",
        {
            "ministry": selectors.ministry(),
            "departments": selectors.departments(),
            "agencies": selectors.agencies(),
        },
    )


def directory(request: HttpRequest) -> HttpResponse:
    """Which office serves a municipality? Search by name or number."""
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "query": query,
        "hits": selectors.directory_search(query),
        "can_change_registry": policies.can_change_registry(actor_for_request(request)),
    }
    from_htmx = request.headers.get("HX-Request") == "true"
    template = (
        "organisation/_directory_results.html" if from_htmx else "organisation/directory.html"
    )
    return render(request, template, context)


@refusals_as_pages
def office(request: HttpRequest, unit_number: str) -> HttpResponse:
    office_ = selectors.office(unit_number)
    agreement_ = getattr(office_, "agreement", None)
    return render(
        request,
        "organisation/office.html",
        {
            "office": office_,
            "minimum_missing": selectors.missing_minimum(agreement_) if agreement_ else [],
            "iw_centre": selectors.iw_centre(office_.county.number),
        },
    )


def agreements_missing_minimum(request: HttpRequest) -> HttpResponse:
    """The agreements that lack a service every office must offer, with what is missing:
    the administrators' list of agreements to have renegotiated and saved again."""
    minimum = selectors.minimum_services()
    rows = [
        (agreement, selectors.missing_minimum(agreement, minimum))
        for agreement in selectors.agreements_missing_minimum()
    ]
    return render(
        request,
        "organisation/agreements_missing_minimum.html",
        {
            "rows": rows,
            "minimum": minimum,
            "can_edit": policies.can_change_registry(actor_for_request(request)),
        },
    )


def _parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DomainError(
            code="invalid_date",
            field="signed_on",
            message_nb="Skriv datoen som åååå-mm-dd.",
            message_en="Write the date as yyyy-mm-dd.",
        ) from None


def _parse_version(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DomainError(
            code="invalid_input",
            field="version",
            message_nb="Versjon mangler.",
            message_en="The version is missing.",
            status=400,
        ) from None


@refusals_as_pages
@require_http_methods(["GET", "POST"])
def agreement(request: HttpRequest, unit_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    office_ = selectors.office(unit_number)
    agreement_ = selectors.agreement_of(office_)
    context = {
        "office": office_,
        "agreement": agreement_,
        "service_types": selectors.service_types(),
        "chosen": {s.code for s in agreement_.services.all()},
        "minimum_missing": selectors.missing_minimum(agreement_),
        "can_edit": policies.can_change_registry(actor),
        "error": None,
        "form": {
            "signed_on": agreement_.signed_on.isoformat(),
            "notes": agreement_.notes,
            "version": agreement_.version,
        },
    }
    if request.method == "POST":
        chosen = request.POST.getlist("services")
        try:
            services.agreement_save(
                actor=actor,
                office=office_,
                services=chosen,
                signed_on=_parse_date(request.POST.get("signed_on", "")),
                notes=request.POST.get("notes", "")[:4000],
                version=_parse_version(request.POST.get("version", "")),
            )
        except DomainError as error:
            if error.status in (401, 403):
                raise
            context.update(error=error, chosen=set(chosen), form=request.POST)
            return render(request, "organisation/agreement.html", context, status=error.status)
        messages.success(request, _("The agreement was saved."))
        return redirect("agreement", unit_number=unit_number)
    return render(request, "organisation/agreement.html", context)


def iw_centres(request: HttpRequest) -> HttpResponse:
    centres = [(c, selectors.iw_advisor_names(c)) for c in selectors.iw_centres()]
    return render(request, "organisation/iw_centres.html", {"centres": centres})
