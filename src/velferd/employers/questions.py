"""The fixed question sets of the surveys: every question is a statement answered on a
scale from 1 (strongly disagree) to 5 (strongly agree), or "don't know"."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation

from .models import SurveyKind


@dataclass(frozen=True)
class Question:
    code: str
    text_nb: str
    text_en: str

    @property
    def text(self) -> str:
        language = translation.get_language() or "nb"
        return self.text_en if language.startswith("en") else self.text_nb


NEEDS_ASSESSMENT = (
    Question(
        "partnership",
        "Ledelsen, tillitsvalgte og verneombud samarbeider godt om arbeidsmiljøet.",
        "Management, union representatives and safety delegates work well together on the "
        "working environment.",
    ),
    Question(
        "follow_up",
        "Sykmeldte blir fulgt opp tidlig og godt.",
        "Employees on sick leave are followed up early and well.",
    ),
    Question(
        "adaptation",
        "Det er lett å få tilrettelagt arbeidet når helsen svikter.",
        "It is easy to have the work adapted when one's health fails.",
    ),
    Question(
        "workload",
        "Arbeidsmengden er til å leve med.",
        "The workload is manageable.",
    ),
    Question(
        "knowledge",
        "Jeg vet hva som er rutinene ved sykefravær her.",
        "I know the routines for sick leave here.",
    ),
    Question(
        "belonging",
        "Jeg trives og føler meg inkludert på arbeidsplassen.",
        "I enjoy my work and feel included at the workplace.",
    ),
)

EVALUATION = (
    Question(
        "plan_useful",
        "Samarbeidet med NAV Arbeidslivssenter har vært nyttig for oss.",
        "The cooperation with the IW centre has been useful to us.",
    ),
    Question(
        "follow_up_better",
        "Oppfølgingen av sykmeldte er blitt bedre.",
        "The follow-up of employees on sick leave has improved.",
    ),
    Question(
        "partnership_better",
        "Partssamarbeidet er blitt bedre.",
        "The cooperation between the social partners has improved.",
    ),
    Question(
        "environment_better",
        "Arbeidsmiljøet er blitt bedre.",
        "The working environment has improved.",
    ),
)

QUESTIONS: dict[str, tuple[Question, ...]] = {
    SurveyKind.NEEDS_ASSESSMENT: NEEDS_ASSESSMENT,
    SurveyKind.EVALUATION: EVALUATION,
}
SCALE = (1, 2, 3, 4, 5)
# When results are shown (at least 3 answers, the survey closed): velferd.core.disclosure.
