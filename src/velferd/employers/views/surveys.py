"""Opening a survey, its results, and the public, anonymous answer page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, post_form
from velferd.core.ratelimit import client_key

from .. import selectors, services
from ..answered import answered_in_session, remember_answer
from ..models import (
    RespondentGroup,
)
from ..questions import SCALE, Question
from .enterprise_page import post_on_enterprise_page

ANSWERS = {*(str(n) for n in SCALE), "dont_know"}


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


def _read_answers(errors: FormErrors, data: Any, questions: Sequence[Question]) -> None:
    """Who answers and an answer to every question, each one missing named by its question."""
    if data.get("group", "") not in RespondentGroup.values:
        errors.add(
            DomainError(
                code="group_required",
                field="group",
                message_nb="Velg hvem du svarer som.",
                message_en="Choose whom you answer as.",
            )
        )
    for number, question in enumerate(questions, start=1):
        if data.get(question.code, "") not in ANSWERS:
            errors.add(
                DomainError(
                    code="answer_required",
                    field=question.code,
                    message_nb=f"Svar på spørsmål {number}: «{question.text_nb}»",
                    message_en=f"Answer question {number}: “{question.text_en}”",
                )
            )


def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The public, anonymous answer page behind the survey's link: every answer missing is
    named at once and every answer given is kept; only an answer received counts against
    the address's limit."""
    try:
        found = selectors.survey_by_token(token)
    except DomainError as unknown:
        return render(request, "core/error.html", {"error": unknown}, status=404)
    answered = answered_in_session(request)
    questions = selectors.questions_of(found)

    def save(_: None) -> object:
        services.survey_answer_allowed(token=token, address=client_key(request), answered=answered)
        return services.survey_answer(
            token=token,
            group=request.POST.get("group", ""),
            answers={q.code: request.POST.get(q.code, "") for q in questions},
            answered=answered,
        )

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "employers/survey_answer.html",
            {
                "s": found,
                "questions": [(q, request.POST.get(q.code, "")) for q in questions],
                "summary_fields": " ".join(["group", *(q.code for q in questions)]),
                "scale": [str(n) for n in SCALE],
                "groups": RespondentGroup.choices,
                "errors": errors,
                "form": request.POST or {},
                "already_answered": services.answer_key(token) in answered,
            },
        )

    response = post_form(
        request,
        read=lambda errors: _read_answers(errors, request.POST, questions),
        save=save,
        success=lambda _: reverse("employers:survey_thanks"),
        show=show,
    )
    if response.status_code == 302:
        remember_answer(response, request, token)
    return response


def survey_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "employers/survey_thanks.html")
