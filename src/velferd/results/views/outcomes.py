"""The outcome figures page, /results/outcomes/: after each scheme type (and follow-up
without a scheme), the share in work, in education, on a benefit or none at a horizon, for
the country or one county; a chart with the table beside it, small cells masked."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages

from ..models import OUTCOME_HORIZONS, OutcomeStatus
from ..outcome_charts import outcome_chart
from ..selectors import outcomes as selectors


@refusals_as_pages
def outcomes_page(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    county = request.GET.get("county", "") or None
    horizon = selectors.horizon_from(request.GET.get("horizon"))
    figures = selectors.outcome_figures(actor=actor, county=county)
    rows = figures.at(horizon)
    title = gettext("Status %(n)s months after the end, %(area)s") % {
        "n": horizon,
        "area": figures.county_name,
    }
    return render(
        request,
        "results/outcomes.html",
        {
            "figures": figures,
            "may_import": policies.allows(actor, policies.can_import_employment),
            "rows": rows,
            "horizon": horizon,
            "horizons": OUTCOME_HORIZONS,
            "counties": selectors.counties(),
            "county": county or "",
            "statuses": OutcomeStatus.choices,
            "chart": outcome_chart(
                title,
                rows,
                hidden_label=gettext("Hidden to protect small groups"),
                row_hidden=gettext("Hidden"),
            ),
        },
    )
