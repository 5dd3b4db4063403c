"""The partner's plans, the Ministry officer's inbox, the analyst's figures, the
administrator's tasks, the settlement round's way in."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.enquiries import selectors as enquiry_selectors
from velferd.followup import selectors as followup_selectors

from .base import Section, listing


def partner(actor: Actor) -> Section:
    """The individual plans the partner's service is a member of, while the person's consent
    holds; each plan listed is logged as a read, as on the list of plans."""
    return Section(
        "start/_partner.html", {"plans": followup_selectors.plans_for_partner(actor=actor)}
    )


def ministry(actor: Actor) -> Section:
    """The enquiries assigned to the officer and those of their departments not yet assigned,
    the earliest deadline (so the overdue) first."""
    if not policies.can_route_enquiries(actor):
        return Section("start/_ministry.html", {"no_department": True})
    mine = enquiry_selectors.inbox(actor=actor, status="assigned").filter(assignee=actor.user)
    unassigned = enquiry_selectors.inbox(actor=actor, status="received")
    return Section(
        "start/_ministry.html",
        {
            "boxes": [
                (
                    listing(mine.order_by("deadline", "received_at")),
                    "start-enquiries-mine",
                    _("Assigned to you"),
                    _("No enquiries are assigned to you."),
                ),
                (
                    listing(unassigned.order_by("deadline", "received_at")),
                    "start-enquiries-unassigned",
                    _("Not yet assigned in your department"),
                    _("Every enquiry has a case officer."),
                ),
            ]
        },
    )


def _links(*candidates: tuple[bool, str, Any, Any]) -> list[tuple[str, Any, Any]]:
    return [(url, title, text) for shown, url, title, text in candidates if shown]


def analyst(actor: Actor) -> Section:
    figures = policies.allows(actor, policies.can_view_sick_leave_aggregates)
    results = policies.can_view_iw_results(actor, None)
    return Section(
        "start/_links.html",
        {
            "heading": _("Figures"),
            "intro": _(
                "Group figures only: a figure based on too few enterprises or persons is "
                "hidden, and the page says why."
            ),
            "links": _links(
                (
                    figures,
                    reverse("sick_leave"),
                    _("Sick leave"),
                    _("The country's sick leave, quarter by quarter."),
                ),
                (
                    figures,
                    reverse("sick_leave_groups"),
                    _("Sick leave by group"),
                    _("Industries, sectors, counties and the IW agreement's programmes."),
                ),
                (
                    results,
                    reverse("sick_leave_results"),
                    _("The IW centres' results"),
                    _("Sick leave before and during a cooperation, by county."),
                ),
                (
                    policies.can_list_places_overview(actor),
                    reverse("participants:places_overview"),
                    _("Places in labour market schemes"),
                    _("Places, occupied places and people waiting per county and office."),
                ),
            ),
        },
    )


def administrator(actor: Actor) -> Section:
    return Section(
        "start/_links.html",
        {
            "heading": _("Administration"),
            "intro": _("The registry and the users; not the contents of cases."),
            "links": [
                (reverse("users"), _("Users"), _("Create users and give them roles.")),
                (reverse("audit_events"), _("Audit trail"), _("Every change, and its check.")),
                (reverse("directory"), _("Offices"), _("The NAV offices and their areas.")),
                (
                    reverse("agreements_missing_minimum"),
                    _("Agreements missing the minimum"),
                    _("Partnership agreements that lack a service every office must offer."),
                ),
                (
                    reverse("sick_leave_import"),
                    _("Import sick-leave statistics"),
                    _("A quarter's figures from a CSV file."),
                ),
            ],
        },
    )


def settlement(actor: Actor) -> Section:
    """IMDi's officer: the round and the requests to the municipalities; a municipality's
    coordinator: the municipality's page, with IMDi's request and proposals."""
    officer = policies.allows(actor, policies.can_manage_settlement_round)
    own = sorted(policies.coordinated_municipalities(actor))
    links = _links(
        (
            officer,
            reverse("settlement:index"),
            _("Settlement round"),
            _("Requests, decisions, waiting cases and the matching."),
        ),
        (
            officer,
            reverse("settlement:requests"),
            _("Send requests from a file"),
            _("Ask the municipalities in bulk, from a CSV file."),
        ),
    )
    links += [
        (
            reverse("settlement:municipality", kwargs={"number": number}),
            _("Your municipality's settlement"),
            _("IMDi's request, your decisions and the proposals to answer."),
        )
        for number in own
    ]
    return Section(
        "start/_links.html",
        {
            "heading": _("Settlement of refugees"),
            "intro": _("The yearly settlement round with IMDi."),
            "links": links,
        },
    )
