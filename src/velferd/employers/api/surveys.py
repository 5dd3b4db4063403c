"""Surveys and their results; the answers come in anonymously through the public answer
link."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.ratelimit import client_key

from .. import selectors, services
from ..answered import answered_in_session, remember_answer
from ..models import Survey
from ..schemas import (
    AnswersIn,
    SurveyFormOut,
    SurveyIn,
    SurveyList,
    SurveyOut,
    SurveyReceiptOut,
    SurveyToken,
)
from .router import cooperation_of, operation, paged, router


def survey_out(survey: Survey) -> dict[str, Any]:
    return {
        "id": survey.pk,
        "cooperation": survey.cooperation_id,
        "kind": survey.kind,
        "status": survey.status,
        "answer_path": reverse("employers:survey_answer", args=[survey.token]),
        "responses": selectors.response_count(survey),
        "opened_at": survey.created_at,
        "closed_at": survey.closed_at,
        "results": [
            {
                "code": r.question.code,
                "text": r.question.text,
                "total": r.total.as_dict(),
                "groups": {group: cell.as_dict() for group, cell in r.groups.items()},
            }
            for r in selectors.survey_results(survey)
        ],
    }


@router.get(
    "/cooperations/{cooperation_id}/surveys",
    response={200: SurveyList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_surveys"),
)
def list_surveys(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    """The cooperation's surveys with their results: none while a survey is open (its cells
    masked with reason `survey_open`, only the number of responses given), and questions
    with fewer than 3 answers masked."""
    cooperation = cooperation_of(request, cooperation_id)
    return paged(selectors.surveys_of(cooperation), paging, survey_out)


@router.post(
    "/cooperations/{cooperation_id}/surveys",
    response={201: SurveyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("open_survey"),
)
def open_survey(request: HttpRequest, cooperation_id: int, payload: SurveyIn) -> Any:
    survey = services.survey_open(
        actor=actor_of(request),
        cooperation=cooperation_of(request, cooperation_id),
        kind=payload.kind,
    )
    return Status(201, survey_out(survey))


@router.get(
    "/surveys/{survey_id}",
    response={200: SurveyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_survey"),
)
def get_survey(request: HttpRequest, survey_id: int) -> Any:
    return survey_out(selectors.survey_for(actor=actor_of(request), survey_id=survey_id))


@router.post(
    "/surveys/{survey_id}/close",
    response={200: SurveyOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("close_survey"),
)
def close_survey(request: HttpRequest, survey_id: int) -> Any:
    actor = actor_of(request)
    survey = selectors.survey_for(actor=actor, survey_id=survey_id)
    return survey_out(services.survey_close(actor=actor, survey=survey))


@router.get(
    "/survey-answers/{token}",
    response={200: SurveyFormOut, **ERRORS},
    auth=None,
    operation_id=operation("survey_form"),
)
def survey_form(request: HttpRequest, token: SurveyToken) -> Any:
    """The questions behind a public answer link (no login: anyone holding the link)."""
    survey = selectors.survey_by_token(token)
    return {
        "kind": survey.kind,
        "enterprise_name": survey.cooperation.enterprise.name,
        "open": survey.status == "open",
        "questions": [{"code": q.code, "text": q.text} for q in selectors.questions_of(survey)],
        "scale": [1, 2, 3, 4, 5],
    }


@router.post(
    "/survey-answers/{token}",
    response={201: SurveyReceiptOut, **ERRORS},
    auth=None,
    operation_id=operation("answer_survey"),
)
def answer_survey(
    request: HttpRequest, response: HttpResponse, token: SurveyToken, payload: AnswersIn
) -> Any:
    """One anonymous response: the respondent group and an answer to every question. One
    answer per browser session (a cookie; a second is 409 `already_answered`); at most 10 a
    minute and 100 an hour from one address to one survey (429 past that)."""
    answered = answered_in_session(request)
    services.survey_answer_allowed(token=token, address=client_key(request), answered=answered)
    services.survey_answer(
        token=token, group=payload.group, answers=payload.answers, answered=answered
    )
    remember_answer(response, request, token)
    return Status(201, {"received": True})
