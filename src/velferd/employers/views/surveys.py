"""Opening a survey, its results, and the public, anonymous answer page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.ratelimit import client_key

from .. import selectors, services
from ..answered import answered_in_session, remember_answer
from ..models import (
    RespondentGroup,
)
from ..questions import SCALE
from .enterprise_page import post_on_enterprise_page


@refusals_as_pages
@require_POST
def survey_open(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    return post_on_enterprise_page(
        request,
        actor,
        cooperation.enterprise,
        "survey",
        lambda: services.survey_open(
            actor=actor, cooperation=cooperation, kind=request.POST.get("kind", "")
        ),
        "surveys",
    )


@refusals_as_pages
def survey(request: HttpRequest, survey_id: int) -> HttpResponse:
    """A survey's results (once it is closed, and masked below 3 answers) and its answer
    link; the advisor closes it here."""
    actor = actor_for_request(request)
    found = selectors.survey_for(actor=actor, survey_id=survey_id)
    can_close = policies.can_advise_enterprise(actor, found.cooperation.enterprise)
    if request.method == "POST":
        policies.require(actor, policies.can_advise_enterprise, found.cooperation.enterprise)
        services.survey_close(actor=actor, survey=found)
        return redirect("employers:survey", survey_id=found.pk)
    return render(
        request,
        "employers/survey.html",
        {
            "s": found,
            "e": found.cooperation.enterprise,
            "results": selectors.survey_results(found),
            "results_shown": selectors.results_shown(found),
            "responses": selectors.response_count(found),
            "answer_url": request.build_absolute_uri(
                reverse("employers:survey_answer", args=[found.token])
            ),
            "can_close": can_close,
            "groups": RespondentGroup.choices,
        },
    )


def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The public, anonymous answer page behind the survey's link."""
    try:
        found = selectors.survey_by_token(token)
    except DomainError as unknown:
        return render(request, "core/error.html", {"error": unknown}, status=404)
    error = None
    answered = answered_in_session(request)
    if request.method == "POST":
        codes = [q.code for q in selectors.questions_of(found)]
        try:
            services.survey_answer_allowed(
                token=token, address=client_key(request), answered=answered
            )
            services.survey_answer(
                token=token,
                group=request.POST.get("group", ""),
                answers={code: request.POST.get(code, "") for code in codes},
                answered=answered,
            )
        except DomainError as caught:
            error = caught
        else:
            response = redirect("employers:survey_thanks")
            remember_answer(response, request, token)
            return response
    return render(
        request,
        "employers/survey_answer.html",
        {
            "s": found,
            "questions": selectors.questions_of(found),
            "scale": SCALE,
            "groups": RespondentGroup.choices,
            "error": error,
            "form": request.POST or {},
            "already_answered": services.answer_key(token) in answered,
        },
        status=error.status if error else 200,
    )


def survey_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "employers/survey_thanks.html")
