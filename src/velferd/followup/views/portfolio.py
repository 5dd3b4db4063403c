"""The portfolio page: the office's people in follow-up with their flags, filters, sort
order and pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages

from .. import portfolio, selectors
from ..models import BenefitKind, MainGoal, NeedGroup

PORTFOLIO_PARAMS = ("need_group", "main_goal", "benefit", "age_band", "sort")


def _portfolio_query(data: Any) -> portfolio.PortfolioQuery:
    office = data.get("office", "")
    return portfolio.PortfolioQuery(
        office=int(office) if office.isdigit() else None,
        flags={flag for flag in data.getlist("flag") if flag},
        **{name: data.get(name, "") for name in PORTFOLIO_PARAMS},
    )


@refusals_as_pages
def portfolio_page(request: HttpRequest) -> HttpResponse:
    """The caseworker's and office manager's overview of the office's people."""
    actor = actor_for_request(request)
    query = _portfolio_query(request.GET)
    query.sort = query.sort or "name"
    page_number = pagination.page_number(request.GET.get("page"))
    found = portfolio.portfolio(
        actor=actor, query=query, page=page_number, page_size=50, clamp=True
    )
    pages = max(1, -(-found.count // 50))
    page_number = min(page_number, pages)
    return render(
        request,
        "followup/portfolio.html",
        {
            "p": found,
            "query": query,
            "page": page_number,
            "pages": pages,
            "flag_labels": portfolio_labels(),
            "need_groups": NeedGroup.choices,
            "main_goals": MainGoal.choices,
            "need_group_labels": dict(NeedGroup.choices),
            "benefits": BenefitKind.choices,
            "age_bands": list(portfolio.AGE_BANDS),
            "querystring": request.GET.urlencode(),
            "saved": selectors.saved_filters_of(actor=actor),
        },
    )


def portfolio_labels() -> list[tuple[str, str]]:
    labels = {
        "unassigned": _("Unassigned"),
        "new": _("New"),
        "assessment_missing": _("Needs assessment missing"),
        "waiting_for_office": _("Waiting for the office"),
        "waiting_for_person": _("Waiting for the person"),
        "overdue_activities": _("Overdue activities"),
        "in_agreed_activity": _("In an agreed activity"),
        "not_in_agreed_activity": _("Not in an agreed activity"),
        "meetings_today": _("Meetings today"),
        "activity_requirement": _(
            "Under 30 on financial assistance, activity requirement not decided"
        ),
        "qualification_not_assessed": _("Not assessed for the qualification programme"),
        "plan_overdue_measures": _("Individual plan with overdue measures"),
        "scheme_waiting": _("On a waiting list for a scheme"),
        "scheme_ends_soon": _("Scheme ends within 14 days"),
        "children_under_18": _("Children under 18"),
        "needs_interpreter": _("Interpreter"),
        "mine": _("My people"),
    }
    return [(flag, str(labels[flag])) for flag in portfolio.FLAGS]
