"""The counties' subsidy budgets for a year."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, parse_version
from velferd.organisation import selectors as organisation_selectors

from .. import selectors, services
from ..models import SubsidyScheme, scheme_of_year


@refusals_as_pages
def budgets(request: HttpRequest) -> HttpResponse:
    """The counties' subsidy budgets for a year: budget, granted, paid, remaining."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    year = selectors.valid_year(request.GET.get("year") or selectors.this_year())
    errors, failed = FormErrors(), ""
    if request.method == "POST":
        county = request.POST.get("county", "")
        policies.require(actor, policies.can_set_subsidy_budget, county)
        version = request.POST.get("version", "")
        try:
            services.budget_set(
                actor=actor,
                county_number=county,
                year=year,
                amount=request.POST.get("amount", ""),
                version=parse_version(version) if version else None,
            )
        except DomainError as caught:
            errors.add(caught)
            failed = county
        else:
            messages.success(request, _("The budget was saved."))
            return redirect(f"{reverse('employers:budgets')}?year={year}")
    lines = selectors.budget_lines(actor=actor, year=year)
    return render(
        request,
        "employers/budgets.html",
        {
            "lines": lines,
            "year": year,
            "years": [year - 1, year, year + 1],
            "scheme_label": SubsidyScheme(scheme_of_year(year)).label,
            "errors": errors,
            "failed": failed,
            "form": request.POST if errors else {},
            "counties": organisation_selectors.counties(),
        },
        status=errors.status,
    )
