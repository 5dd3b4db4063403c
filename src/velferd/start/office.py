"""The office's sections: the caseworker's work today, the approver's decisions waiting for
them, and the office manager's people without a caseworker and the office's figures. Every
list comes from the follow-up selectors, which build on the rule of the person's page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from velferd.access.actor import Actor
from velferd.followup import (
    portfolio,
    selectors as followup_selectors,
    worklist_selectors as worklist,
)
from velferd.participants import selectors as participant_selectors

from .base import Section, listing

# The portfolio's flags the office manager sees counted, in this order, with their names on
# the portfolio page.
OFFICE_FIGURES = {
    "unassigned": _("Unassigned"),
    "waiting_for_office": _("Waiting for the office"),
    "overdue_activities": _("Overdue activities"),
    "meetings_today": _("Meetings today"),
    "new": _("New"),
    "assessment_missing": _("Needs assessment missing"),
}


def _portfolio_url(*flags: str) -> str:
    return reverse("portfolio") + "?" + urlencode([("flag", flag) for flag in flags])


def caseworker(actor: Actor) -> Section:
    return Section(
        "start/_caseworker.html",
        {
            "waiting": listing(worklist.waiting_for_answer(actor=actor)),
            "meetings": listing(worklist.meetings_on(actor=actor)),
            "overdue": listing(worklist.activities_past_deadline(actor=actor)),
            "decisions": listing(worklist.own_decisions_awaiting_approval(actor=actor)),
            "new": listing(worklist.newly_assigned(actor=actor)),
            "proposals": listing(participant_selectors.proposals_waiting(actor=actor)),
            "waiting_url": _portfolio_url("mine", "waiting_for_office"),
            "meetings_url": _portfolio_url("mine", "meetings_today"),
            "overdue_url": _portfolio_url("mine", "overdue_activities"),
            "new_url": _portfolio_url("mine", "new"),
        },
    )


def approver(actor: Actor) -> Section:
    return Section(
        "start/_approver.html",
        {"approvals": listing(followup_selectors.awaiting_approval_for(actor=actor))},
    )


def office_manager(actor: Actor) -> Section:
    found = portfolio.portfolio(actor=actor, query=portfolio.PortfolioQuery(), page_size=1)
    return Section(
        "start/_office_manager.html",
        {
            "unassigned": listing(worklist.unassigned_at_offices(actor=actor)),
            "unassigned_url": _portfolio_url("unassigned"),
            "total": found.total,
            "figures": [
                (str(label), found.counts[flag], _portfolio_url(flag))
                for flag, label in OFFICE_FIGURES.items()
            ],
        },
    )
