"""Surveys and their results, masked for anonymity (velferd.core.disclosure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core import disclosure
from velferd.core.disclosure import Reason
from velferd.core.errors import not_found

from ..models import (
    Cooperation,
    RespondentGroup,
    Survey,
    SurveyAnswer,
    SurveyStatus,
)
from ..questions import QUESTIONS, SCALE, Question
from .lookups import as_int, unknown


def surveys_of(cooperation: Cooperation) -> QuerySet[Survey]:
    return cooperation.surveys.all()


def survey_for(*, actor: Actor, survey_id: object) -> Survey:
    key = as_int(survey_id)
    found = (
        Survey.objects.select_related("cooperation__enterprise").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise unknown(actor, "undersøkelsen", "the survey")
    if not policies.can_view_cooperation(actor, found.cooperation.enterprise):
        raise unknown(actor, "undersøkelsen", "the survey")
    return found


def survey_by_token(token: str) -> Survey:
    """The survey a public answer link opens. Anyone holding the link may answer."""
    found = (
        Survey.objects.select_related("cooperation__enterprise").filter(token=token).first()
        if token
        else None
    )
    if found is None:
        raise not_found("undersøkelsen", "the survey")
    return found


def questions_of(survey: Survey) -> tuple[Question, ...]:
    return QUESTIONS[survey.kind]


@dataclass
class Cell:
    """The answers of one group to one question. `reason` says why nothing but that fact
    may be shown (velferd.core.disclosure): fewer than 3 answers on the scale, another
    group below 3, or the survey still open."""

    answers: int = 0
    dont_know: int = 0
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    reason: Reason | None = None

    @property
    def shown(self) -> bool:
        return self.reason is None

    @property
    def reason_text(self) -> str:
        return disclosure.explain(self.reason) if self.reason else ""

    @property
    def mean(self) -> Decimal | None:
        if not self.shown or not self.answers:
            return None
        total = sum(value * n for value, n in self.counts.items())
        return (Decimal(total) / Decimal(self.answers)).quantize(Decimal("0.1"))

    def add(self, value: int | None) -> None:
        if value is None:
            self.dont_know += 1
        else:
            self.answers += 1
            self.counts[value] += 1

    def as_dict(self) -> dict[str, object]:
        if not self.shown:
            return {
                "shown": False,
                "reason": self.reason,
                "answers": None,
                "mean": None,
                "counts": None,
                "dont_know": None,
            }
        return {
            "shown": True,
            "reason": None,
            "answers": self.answers,
            "mean": self.mean,
            "counts": {str(k): v for k, v in self.counts.items()},
            "dont_know": self.dont_know,
        }


@dataclass
class QuestionResult:
    question: Question
    total: Cell
    groups: dict[str, Cell]


GROUPS = tuple(RespondentGroup.values)


def results_shown(survey: Survey) -> bool:
    """Results are shown once the survey is closed: while it takes answers, a reader could
    compare the results before and after one answer and read that answer off."""
    return disclosure.survey_results_reason(is_open=survey.status == SurveyStatus.OPEN) is None


def survey_results(survey: Survey) -> list[QuestionResult]:
    """The results per question, for everyone and per respondent group, masked for
    anonymity (velferd.core.disclosure): nothing while the survey is open; a cell with fewer
    than 3 answers on the scale shows nothing but "fewer than 3 answers"; the group cells of
    a question are all masked when any group that answered is below the minimum, because
    the masked group's figures would otherwise follow from the total minus the shown group.
    """
    is_open = survey.status == SurveyStatus.OPEN
    cells = {q.code: (Cell(), {g: Cell() for g in GROUPS}) for q in questions_of(survey)}
    if not is_open:
        answers = SurveyAnswer.objects.filter(response__survey=survey).values_list(
            "question", "value", "response__group"
        )
        for code, value, group in answers:
            if code in cells:
                total, groups = cells[code]
                total.add(value)
                groups[group].add(value)
    results = []
    for question in questions_of(survey):
        total, groups = cells[question.code]
        total.reason, verdicts = disclosure.survey_reasons(
            is_open=is_open,
            total_answers=total.answers,
            groups={g: (c.answers, c.dont_know) for g, c in groups.items()},
        )
        for group, cell in groups.items():
            cell.reason = verdicts[group]
        results.append(QuestionResult(question, total, groups))
    return results


def response_count(survey: Survey) -> int:
    return survey.responses.count()
