"""The citizen's own pages: my plan, my dialogue, my decisions, my consents and who has
looked at my data. They show the person's own records from people, follow-up and letters,
which is why they sit above those domains rather than in one of them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.followup import selectors as followup_selectors
from velferd.letters import selectors as letter_selectors
from velferd.people import selectors as people_selectors
from velferd.people import views as people_views


def _me(request: HttpRequest) -> tuple[Actor, Any]:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    person = people_selectors.own_person(actor=actor)
    if person is None:
        raise DomainError(
            code="not_a_citizen",
            status=404,
            message_nb="Du har ingen sak hos NAV.",
            message_en="You have no case with NAV.",
        )
    return actor, person


@refusals_as_pages
def my_plan(request: HttpRequest) -> HttpResponse:
    actor, person = _me(request)
    found = followup_selectors.overview(actor=actor, person_id=person.pk)
    return render(
        request,
        "people/my_plan.html",
        {
            "o": found,
            "person": person,
            "individual_plan": followup_selectors.individual_plan_of(person),
        },
    )


@refusals_as_pages
def my_dialogue(request: HttpRequest) -> HttpResponse:
    _actor, person = _me(request)
    return render(
        request,
        "people/my_dialogue.html",
        {
            "person": person,
            "threads": followup_selectors.threads_of(person),
        },
    )


@refusals_as_pages
def my_decisions(request: HttpRequest) -> HttpResponse:
    _actor, person = _me(request)
    return render(
        request,
        "people/my_decisions.html",
        {
            "person": person,
            "letters": letter_selectors.letters_of(person),
        },
    )


@refusals_as_pages
def my_consents(request: HttpRequest) -> HttpResponse:
    """The people domain's consents page, for the person themself."""
    actor, person = _me(request)
    return people_views.consents_page(request, actor, person, reverse("my_plan"))


@refusals_as_pages
def my_access_log(request: HttpRequest) -> HttpResponse:
    """Who has looked at my data: which office and role, when and why."""
    actor, person = _me(request)
    return render(
        request,
        "people/my_access_log.html",
        {
            "person": person,
            "events": people_selectors.access_log_of(actor=actor, person=person)[:200],
        },
    )
