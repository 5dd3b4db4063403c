"""The overview of places: a county's, an office's or the whole country's places, occupied
places and people waiting per scheme type, the utilisation over the last 12 months and VTA
in ordinary versus sheltered enterprises, each chart with its figures in a table."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages

from ..overview_charts import BarChart, BarSeries, bar_chart
from ..selectors.overview import (
    VTA_ORDINARY,
    VTA_SHELTERED,
    Overview,
    overview_counties,
    overview_offices,
    overview_scope,
    places_overview,
)


def _month_labels(overview: Overview) -> list[str]:
    return [date_format(month.month, "M y") for month in overview.months]


def utilisation_chart(overview: Overview) -> BarChart:
    return bar_chart(
        "utilisation",
        _("Utilisation of the places, the last 12 months"),
        _month_labels(overview),
        [BarSeries("utilisation", _("Utilisation"), [m.utilisation for m in overview.months])],
        unit=" %",
        top=100.0,
    )


def vta_chart(overview: Overview) -> BarChart:
    return bar_chart(
        "vta",
        _("Places in permanent adapted work (VTA), ordinary and sheltered enterprises"),
        _month_labels(overview),
        [
            BarSeries(
                "ordinary",
                _("In ordinary enterprises"),
                [m.vta[VTA_ORDINARY][0] for m in overview.months],
            ),
            BarSeries(
                "sheltered",
                _("In sheltered enterprises"),
                [m.vta[VTA_SHELTERED][0] for m in overview.months],
            ),
        ],
    )


@refusals_as_pages
def places_overview_page(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    scope = overview_scope(
        actor,
        county=request.GET.get("county", "").strip()[:2],
        office=request.GET.get("office", "").strip()[:4],
    )
    overview = places_overview(scope)
    return render(
        request,
        "participants/overview.html",
        {
            "o": overview,
            "counties": overview_counties(actor),
            "offices": overview_offices(actor),
            "utilisation_chart": utilisation_chart(overview),
            "vta_chart": vta_chart(overview),
        },
    )
