"""The citizen's own pages: my plan, my dialogue, my decisions and my appeals against them,
my consents and who has looked at my data. They show the person's own records from people,
follow-up and letters, which is why they sit above those domains rather than in one of
them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, not_found
from velferd.core.forms import post_or_show
from velferd.followup import (
    appeal_selectors,
    selectors as followup_selectors,
    services as followup_services,
)
from velferd.letters import selectors as letter_selectors
from velferd.people import selectors as people_selectors, views as people_views


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
    """My letters; beside each decision letter, the last day to appeal, my appeals against
    it and how far each has come, and the way to appeal."""
    _actor, person = _me(request)
    decisions = {d.decision.letter_id: d for d in appeal_selectors.sent_decisions_of(person)}
    return render(
        request,
        "people/my_decisions.html",
        {
            "person": person,
            "letters": [
                (letter, decisions.get(letter.pk)) for letter in letter_selectors.letters_of(person)
            ],
        },
    )


@refusals_as_pages
def my_appeal_new(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """Appeal one of my decisions (forvaltningsloven § 28): what I appeal and why. After
    the deadline the page says so, and the appeal still goes to the office."""
    actor, person = _me(request)
    decision = followup_selectors.assessment_for(actor=actor, assessment_id=assessment_id)
    if decision.person_id != person.pk:
        raise not_found("vedtaket", "the decision")
    shown = appeal_selectors.sent_decision(decision)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "people/my_appeal.html",
            {
                "person": person,
                "d": shown,
                "late": timezone.localdate() > shown.deadline,
                "error": error,
                "form": request.POST or {},
            },
        )

    return post_or_show(
        request,
        lambda: followup_services.appeal_register(
            actor=actor, decision=decision, grounds=request.POST.get("grounds", "")
        ),
        lambda _: reverse("my_decisions") + "#appeals",
        show,
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
