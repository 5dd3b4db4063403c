"""The state's guideline rates, year by year: administrators enter and correct them here;
the municipal caseworkers read them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, parse_version, post_form

from ..models import RateKind
from ..selectors.rates import rate_years, rates_of
from ..services.rates import rate_set
from .caseworker import logged_in


def _years() -> list[int]:
    return sorted(rate_years() | {timezone.localdate().year}, reverse=True)


def _table(year: int) -> list[dict[str, Any]]:
    rates = {rate.kind: rate for rate in rates_of(year)}
    return [{"kind": kind, "rate": rates.get(kind)} for kind in RateKind.values]


@refusals_as_pages
def rates(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    policies.require(actor, policies.can_view_guideline_rates)
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)

    def read(errors: FormErrors) -> dict[str, Any]:
        version = request.POST.get("version", "")
        return {
            "year": year,
            "kind": request.POST.get("kind", ""),
            "amount": request.POST.get("amount", ""),
            "version": errors.check(parse_version, version) if version else None,
        }

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "assistance/rates.html",
            {
                "year": year,
                "years": _years(),
                "lines": _table(year),
                "manages": policies.allows(actor, policies.can_manage_guideline_rates),
                "errors": errors,
                "form": request.POST if errors else {},
            },
        )

    return post_form(
        request,
        read=read,
        save=lambda values: rate_set(actor=actor, **values),
        success=lambda _rate: f"{reverse('assistance:rates')}?year={year}",
        show=show,
        saved=_("The rate is saved."),
    )
