"""The §14a decision letter as it was sent, for the person and the office that follows them
up: the last day to appeal it, and the ways to answer it (the dialogue, an appeal)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import not_found

from .. import appeal_selectors, selectors
from ..models import AssessmentStatus
from .people import person_url


@refusals_as_pages
def decision_letter(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """The letter of a sent decision; a decision not yet sent has no letter (404)."""
    actor = actor_for_request(request)
    decision = selectors.assessment_for(actor=actor, assessment_id=assessment_id)
    if decision.status != AssessmentStatus.SENT or decision.letter is None:
        raise not_found("vedtaksbrevet", "the decision letter")
    by_person = policies.is_the_person(actor, decision.person)
    shown = appeal_selectors.sent_decision(decision)
    may_appeal = policies.can_appeal_decision(actor, decision) and not shown.appeal_open
    appeal_url = reverse("my_appeal_new" if by_person else "appeal_new", args=[decision.pk])
    return render(
        request,
        "followup/decision_letter.html",
        {
            "d": shown,
            "letter": decision.letter,
            "by_person": by_person,
            "back": reverse("my_decisions") if by_person else person_url(decision.person, actor),
            "reply_url": (
                reverse("thread_new", args=[decision.person.pk])
                if policies.can_take_part_in_plan(actor, decision.person)
                else None
            ),
            "appeal_url": appeal_url if may_appeal else None,
        },
    )
