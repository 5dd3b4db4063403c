"""Who may import the employment register and read the outcome figures: every policy of
access.policies.employment for every demo login."""

from __future__ import annotations

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS

pytestmark = pytest.mark.django_db

EMPLOYMENT_QUESTIONS = ("import_employment", "view_outcome_figures")
Y, N = True, False

# fmt: off
ANSWERS: dict[str, tuple[bool, bool]] = {
    #                   import  outcome figures
    "veileder":         (N,     N),
    "sosialkonsulent":  (N,     N),
    "beslutter":        (N,     N),
    "kontorleder":      (N,     N),
    "ia-radgiver":      (N,     N),
    "fastlege":         (N,     N),
    "leverandor":       (N,     N),
    "arbeidsgiver":     (N,     N),
    "innbygger":        (N,     N),
    "analytiker":       (N,     Y),
    "departement":      (N,     Y),
    "admin":            (Y,     Y),
    "tiltaksforvalter": (N,     Y),
    "imdi":             (N,     N),
    "bosetting-drammen": (N,     N),
}
# fmt: on


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert {n[4:] for n in vars(policies) if n.startswith("can_")} >= set(EMPLOYMENT_QUESTIONS)


@pytest.mark.parametrize(
    ("login", "question", "expected"),
    [
        pytest.param(login, question, row[i], id=f"{login}-{question}")
        for login, row in ANSWERS.items()
        for i, question in enumerate(EMPLOYMENT_QUESTIONS)
    ],
)
def test_each_login_gets_its_answer(login: str, question: str, expected: bool) -> None:
    assert getattr(policies, f"can_{question}")(login_actor(login)) is expected


@pytest.mark.parametrize("question", EMPLOYMENT_QUESTIONS)
def test_anonymous_may_do_neither(question: str) -> None:
    assert getattr(policies, f"can_{question}")(ANONYMOUS) is False
