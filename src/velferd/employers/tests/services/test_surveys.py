"""Surveys: opening, anonymous answers through the link, closing."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.employers import services
from velferd.employers.models import (
    Cooperation,
    SurveyResponse,
)

from ..writes import actions_since, audit_mark, refused

NEEDS = ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"]

pytestmark = pytest.mark.django_db


def answer_all(token: str, group: str, value: object) -> SurveyResponse:
    return services.survey_answer(token=token, group=group, answers=dict.fromkeys(NEEDS, value))


class TestSurveys:
    def test_opening_gives_an_unguessable_link_and_is_audited(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        seq = audit_mark()
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        other = services.survey_open(actor=advisor, cooperation=cooperation, kind="evaluation")
        assert len(survey.token) >= 32 and survey.token != other.token
        assert actions_since(seq) == ["survey.opened", "survey.opened"]
        assert survey.token not in str(AuditEvent.objects.get(seq=seq + 1).after)

    def test_only_one_survey_of_a_kind_is_open_at_a_time(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        services.survey_open(actor=advisor, cooperation=cooperation, kind="needs_assessment")
        error = refused(
            lambda: services.survey_open(
                actor=advisor, cooperation=cooperation, kind="needs_assessment"
            )
        )
        assert (error.code, error.status) == ("survey_already_open", 409)

    def test_an_anonymous_answer_keeps_only_the_group(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        seq = audit_mark()
        response = services.survey_answer(
            token=survey.token,
            group="manager",
            answers={**dict.fromkeys(NEEDS, "4"), "knowledge": "dont_know"},
        )
        assert actions_since(seq) == ["survey.answered"]
        assert AuditEvent.objects.get(seq=seq + 1).actor is None
        values = dict(response.answers.values_list("question", "value"))
        assert values == {**dict.fromkeys(NEEDS, 4), "knowledge": None}

    @pytest.mark.parametrize(
        ("answers", "field", "code"),
        [
            ({"partnership": 3}, "follow_up", "answer_required"),
            ({**dict.fromkeys(NEEDS, 3), "workload": 6}, "workload", "invalid_answer"),
            ({**dict.fromkeys(NEEDS, 3), "salary": 3}, "salary", "unknown_question"),
        ],
    )
    def test_an_incomplete_or_bad_answer_is_refused(
        self,
        advisor: Actor,
        cooperation: Cooperation,
        answers: dict[str, object],
        field: str,
        code: str,
    ) -> None:
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        error = refused(
            lambda: services.survey_answer(token=survey.token, group="employee", answers=answers)
        )
        assert (error.code, error.field, error.status) == (code, field, 422)

    def test_a_closed_survey_takes_no_answers_and_a_bad_link_is_404(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        seq = audit_mark()
        services.survey_close(actor=advisor, survey=survey)
        assert actions_since(seq) == ["survey.closed"]
        error = refused(lambda: answer_all(survey.token, "employee", 3))
        assert (error.code, error.status) == ("survey_closed", 409)
        assert refused(lambda: answer_all("nope", "employee", 3)).status == 404
        assert refused(lambda: services.survey_close(actor=advisor, survey=survey)).status == 409
