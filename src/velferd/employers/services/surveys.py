"""Surveys of the enterprise's employees and managers: opening and closing one, and the
anonymous answers through its public link (one per browser session, limited per address)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Collection, Mapping

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.audit import services as audit
from velferd.core import ratelimit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid

from .. import selectors
from ..models import (
    Cooperation,
    RespondentGroup,
    Survey,
    SurveyAnswer,
    SurveyKind,
    SurveyResponse,
    SurveyStatus,
)
from ..questions import QUESTIONS, SCALE
from .choices import choice
from .cooperations import require_open


@transaction.atomic
def survey_open(*, actor: Actor, cooperation: Cooperation, kind: str) -> Survey:
    """Open a survey from the fixed question set. Its answer link holds a random token that
    the employer shares with the employees and managers."""
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    choice(kind, SurveyKind, "kind", "undersøkelse", "survey")
    Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    require_open(cooperation)
    if cooperation.surveys.filter(kind=kind, status=SurveyStatus.OPEN).exists():
        raise invalid(
            "survey_already_open",
            "kind",
            "En slik undersøkelse er allerede åpen for svar.",
            "A survey of that kind is already open for answers.",
            status=CONFLICT,
        )
    survey = Survey.objects.create(
        cooperation=cooperation, kind=kind, token=secrets.token_urlsafe(24), opened_by=actor.user
    )
    audit.record(actor=actor, action="survey.opened", target=survey, after={"kind": kind})
    return survey


def _require_survey_open(survey: Survey) -> None:
    if survey.status != SurveyStatus.OPEN:
        raise invalid(
            "survey_closed",
            None,
            "Undersøkelsen er avsluttet og tar ikke imot flere svar.",
            "The survey has been closed and takes no more answers.",
            status=CONFLICT,
        )


@transaction.atomic
def survey_close(*, actor: Actor, survey: Survey) -> Survey:
    policies.require(actor, policies.can_advise_enterprise, survey.cooperation.enterprise)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_survey_open(survey)
    survey.status = SurveyStatus.CLOSED
    survey.closed_at = timezone.now()
    survey.save()
    audit.record(actor=actor, action="survey.closed", target=survey, after={"status": "closed"})
    return survey


def _answer_value(code: str, value: object) -> int | None:
    if value is None or value == "":
        # Nothing chosen is not the same as "don't know".
        raise invalid("answer_required", code, "Svar på dette spørsmålet.", "Answer this question.")
    if value == "dont_know":
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | str)
        or str(value) not in {str(n) for n in SCALE}
    ):
        raise invalid(
            "invalid_answer",
            code,
            "Svaret må være fra 1 til 5, eller «vet ikke».",
            "The answer must be from 1 to 5, or “don't know”.",
        )
    return int(value)


def answer_key(token: str) -> str:
    """What a browser keeps of a survey it has answered: a digest of the link's token, so
    that what it keeps neither opens the survey nor names it."""
    return hashlib.sha256(f"velferd-survey-answered:{token}".encode()).hexdigest()[:24]


def _require_not_answered(token: str, answered: Collection[str]) -> None:
    if answer_key(token) in answered:
        raise DomainError(
            code="already_answered",
            status=CONFLICT,
            message_nb="Du har allerede svart på denne undersøkelsen. Takk for svaret!",
            message_en="You have already answered this survey. Thank you for your answer!",
        )


@transaction.atomic
def survey_answer(
    *, token: str, group: str, answers: Mapping[str, object], answered: Collection[str] = ()
) -> SurveyResponse:
    """One anonymous response through the public answer link: the respondent group and an
    answer (1–5 or "dont_know") to every question. Nothing about the respondent is kept.
    `answered` is what the browser's session says it has answered (`answer_key`): one
    answer per browser session and survey; a second is refused (409)."""
    _require_not_answered(token, answered)
    survey = selectors.survey_by_token(token)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_survey_open(survey)
    choice(group, RespondentGroup, "group", "gruppe", "group")
    questions = QUESTIONS[survey.kind]
    unknown = set(answers) - {q.code for q in questions}
    if unknown:
        raise invalid(
            "unknown_question",
            sorted(unknown)[0],
            "Svaret gjelder et spørsmål som ikke er i undersøkelsen.",
            "An answer is to a question that is not in the survey.",
        )
    values = {q.code: _answer_value(q.code, answers.get(q.code)) for q in questions}
    response = SurveyResponse.objects.create(survey=survey, group=group)
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, question=code, value=value)
        for code, value in values.items()
    )
    audit.record(actor=ANONYMOUS, action="survey.answered", target=survey)
    return response


# Answers from one address to one survey: a workplace behind one address may answer many
# times, a script filling in a survey may not. At most so many answers in each window
# (settings.VELFERD_SURVEY_ANSWER_RATE_LIMITS: 10 a minute and 100 an hour).
def answer_windows() -> tuple[tuple[int, int], ...]:
    return tuple(
        (int(limit), int(seconds)) for limit, seconds in settings.VELFERD_SURVEY_ANSWER_RATE_LIMITS
    )


def survey_answer_allowed(*, token: str, address: str, answered: Collection[str] = ()) -> None:
    """Before an answer is read: 409 when this browser session has answered the survey
    already; else count one answer from `address` to the survey, 429 past a limit."""
    _require_not_answered(token, answered)
    ratelimit.hit_windows(
        "survey-answer",
        f"{token}:{address}",
        windows=answer_windows(),
        message_nb="Det er sendt for mange svar herfra på kort tid. Prøv igjen om litt.",
        message_en="Too many answers have been sent from here in a short time. Try again shortly.",
    )
