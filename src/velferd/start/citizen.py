"""The citizen's overview: first what waits for them (a suggestion from NAV to answer, a
message from NAV not read or not answered, a decision they may still appeal), then their
plan, messages and decisions, each with the way to the page that has it all. The person's
own records, read as their own pages read them (the person's reads are not logged)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.followup import appeal_selectors, selectors as followup_selectors
from velferd.participants import selectors as participant_selectors
from velferd.people import selectors as people_selectors

from .base import Section

OPEN = ("planned", "in_progress")


def _suggested_by_nav(activities: list[Any]) -> list[Any]:
    """Activities NAV has put in the plan and not yet agreed with the person: theirs to read
    and answer before NAV makes them part of the plan."""
    return [
        a
        for a in activities
        if a.status == "planned" and not a.proposed_by_person and not a.agreed_with_office
    ]


def _messages_for_me(threads: list[Any]) -> list[Any]:
    return [t for t in threads if not t.read_by_person or t.waiting_for == "person"]


def _appealable(decisions: list[Any]) -> list[Any]:
    today = timezone.localdate()
    return [d for d in decisions if d.deadline >= today and not d.appeals]


def _next_meeting(activities: list[Any]) -> Any:
    """The first meeting with NAV from today on, if one is planned."""
    today = timezone.localdate()
    coming = [
        a
        for a in activities
        if a.meeting_at and a.status in OPEN and timezone.localdate(a.meeting_at) >= today
    ]
    return min(coming, key=lambda a: a.meeting_at, default=None)


def overview(actor: Actor) -> Section:
    person = people_selectors.own_person(actor=actor)
    if person is None:
        return Section("start/_citizen.html", {"person": None})
    activities: list[Any] = list(followup_selectors.activities_of(person))
    threads = list(followup_selectors.threads_of(person))
    decisions = appeal_selectors.sent_decisions_of(person)
    return Section(
        "start/_citizen.html",
        {
            "person": person,
            "period": followup_selectors.open_period(person),
            "suggestions": _suggested_by_nav(activities),
            "messages_for_me": _messages_for_me(threads),
            "appealable": _appealable(decisions),
            "open_activities": [a for a in activities if a.status in OPEN],
            "next_meeting": _next_meeting(activities),
            "threads": threads[:3],
            "thread_count": len(threads),
            "decision": decisions[0] if decisions else None,
            "decision_count": len(decisions),
            "schemes": participant_selectors.own_participations(actor=actor)[1],
        },
    )
