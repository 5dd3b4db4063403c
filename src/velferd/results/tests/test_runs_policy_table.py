"""Who may ask for effect runs and read them: every policy of access.policies.effects for
every demo login, and the list filter agreeing with its predicate."""

from __future__ import annotations

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.results.models import EffectRun

pytestmark = pytest.mark.django_db

EFFECT_QUESTIONS = ("request_effect_run", "view_effect_run")
Y, N = True, False

# fmt: off
ANSWERS: dict[str, tuple[bool, bool]] = {
    #                   request  read
    "veileder":         (N,      N),
    "sosialkonsulent":  (N,      N),
    "beslutter":        (N,      N),
    "kontorleder":      (N,      N),
    "ia-radgiver":      (N,      N),
    "fastlege":         (N,      N),
    "leverandor":       (N,      N),
    "arbeidsgiver":     (N,      N),
    "innbygger":        (N,      N),
    "analytiker":       (Y,      Y),
    "departement":      (N,      Y),
    "admin":            (N,      Y),
    "tiltaksforvalter": (N,      Y),
    "imdi":             (N,      N),
    "bosetting-drammen": (N,      N),
}
# fmt: on


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert {n[4:] for n in vars(policies) if n.startswith("can_")} >= set(EFFECT_QUESTIONS)


@pytest.mark.parametrize(
    ("login", "question", "expected"),
    [
        pytest.param(login, question, row[i], id=f"{login}-{question}")
        for login, row in ANSWERS.items()
        for i, question in enumerate(EFFECT_QUESTIONS)
    ],
)
def test_each_login_gets_its_answer(login: str, question: str, expected: bool) -> None:
    assert getattr(policies, f"can_{question}")(login_actor(login)) is expected


@pytest.mark.parametrize("question", EFFECT_QUESTIONS)
def test_anonymous_may_do_neither(question: str) -> None:
    assert getattr(policies, f"can_{question}")(ANONYMOUS) is False


@pytest.mark.parametrize("login", sorted(ANSWERS))
def test_the_list_of_runs_holds_exactly_what_the_predicate_lets_read(login: str) -> None:
    actor = login_actor(login)
    EffectRun.objects.create(outcome="in_work", horizon_months=12, control="none")
    listed = set(EffectRun.objects.filter(policies.effect_runs_visible(actor)))
    allowed = {run for run in EffectRun.objects.all() if policies.can_view_effect_run(actor, run)}
    assert listed == allowed
