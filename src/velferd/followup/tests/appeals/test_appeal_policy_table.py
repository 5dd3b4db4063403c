"""Who may appeal a decision, read an appeal and prepare it, for every demo login
(forvaltningsloven § 28: the person appeals, or the office registers it for them; § 33: the
office that made the decision prepares it). "innbygger" is the person's own citizen login."""

from __future__ import annotations

import pytest

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.followup.models import Appeal

pytestmark = pytest.mark.django_db

APPEAL_QUESTIONS = ("appeal_decision", "view_appeal", "prepare_appeal")
Y, N = True, False
# fmt: off
ANSWERS: dict[str, tuple[bool, bool, bool]] = {
    #                  appeal the    read the   prepare
    #                  decision      appeal     the appeal
    "veileder":        (Y,           Y,         Y),
    "sosialkonsulent": (Y,           Y,         Y),
    "beslutter":       (N,           Y,         N),
    "kontorleder":     (Y,           Y,         Y),
    "ia-radgiver":     (N,           N,         N),
    "fastlege":        (N,           N,         N),
    "leverandor":      (N,           N,         N),
    "arbeidsgiver":    (N,           N,         N),
    "innbygger":       (Y,           Y,         N),
    "analytiker":      (N,           N,         N),
    "departement":     (N,           N,         N),
    "admin":           (N,           N,         N),
    "tiltaksforvalter": (N,          N,         N),
    "imdi":             (N,          N,         N),
    "bosetting-drammen": (N,          N,         N),
}
# fmt: on


def test_the_table_has_every_demo_login() -> None:
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}


@pytest.mark.parametrize(("login", "expected"), list(ANSWERS.items()))
def test_each_login_gets_the_answer_its_role_deserves(
    login: str, expected: tuple[bool, bool, bool], appeal: Appeal, ola_login: Actor
) -> None:
    actor = ola_login if login == "innbygger" else login_actor(login)

    answers = (
        policies.can_appeal_decision(actor, appeal.decision),
        policies.can_view_appeal(actor, appeal),
        policies.can_prepare_appeal(actor, appeal),
    )

    assert answers == expected
