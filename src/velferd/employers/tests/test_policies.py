"""Who sees and works with which enterprise, and with the sick-leave figures: every such
policy for the logins that matter. "ia-radgiver" is an IW advisor in Vestland (46),
"representant" a new login representing the enterprise in Vestland the test builds."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.employers.models import Enterprise

from .factories import a_representative, an_enterprise, in_municipality
from .test_expert_assistance_policy_table import EXPERT_ASSISTANCE_QUESTIONS

pytestmark = pytest.mark.django_db

ENTERPRISE_QUESTIONS = (
    "register_enterprise",
    "view_enterprise",
    "advise_enterprise",
    "view_sick_leave_aggregates",
    "import_sick_leave_statistics",
)
# The IW support given to an enterprise: its cooperation, plan, subsidies and budgets.
IW_QUESTIONS = (
    "list_enterprises",
    "change_enterprise",
    "assign_contact_person",
    "view_cooperation",
    "apply_for_subsidy",
    "decide_subsidy",
    "view_subsidy_budget",
    "set_subsidy_budget",
)
# Expert assistance and deferred cooperations have their table beside this one.
EMPLOYER_QUESTIONS = ENTERPRISE_QUESTIONS + IW_QUESTIONS + EXPERT_ASSISTANCE_QUESTIONS
Y, N = True, False

# view_ and advise_enterprise are asked about the employer's own enterprise in Vestland
# (first answer) and about an enterprise in Oslo (second answer).
# fmt: off
ANSWERS: dict[str, tuple[bool | tuple[bool, bool], ...]] = {
    #               register  view     advise   aggregates  import
    "ia-radgiver":  (Y,       (Y, N),  (Y, N),  Y,          N),
    "ia-03":        (Y,       (N, Y),  (N, Y),  Y,          N),
    "representant": (N,       (Y, N),  (N, N),  N,          N),
    "analytiker":   (N,       (N, N),  (N, N),  Y,          N),
    "departement":  (N,       (N, N),  (N, N),  Y,          N),
    "admin":        (Y,       (Y, Y),  (N, N),  Y,          Y),
    "veileder":     (N,       (N, N),  (N, N),  N,          N),
    "innbygger":    (N,       (N, N),  (N, N),  N,          N),
    "leverandor":   (N,       (N, N),  (N, N),  N,          N),
}
# fmt: on

# The questions about one enterprise are asked as above; the budget questions about
# Vestland (46, first) and Oslo (03, second).
# fmt: off
IW_ANSWERS: dict[str, tuple[bool | tuple[bool, bool], ...]] = {
    #               list  change   contact  cooperation  apply    decide   budget   set_budget
    "ia-radgiver":  (Y,   (Y, N),  (Y, N),  (Y, N),      (Y, N),  (Y, N),  (Y, N),  (Y, N)),
    "ia-03":        (Y,   (N, Y),  (N, Y),  (N, Y),      (N, Y),  (N, Y),  (N, Y),  (N, Y)),
    "representant": (Y,   (N, N),  (N, N),  (Y, N),      (Y, N),  (N, N),  (N, N),  (N, N)),
    "analytiker":   (N,   (N, N),  (N, N),  (N, N),      (N, N),  (N, N),  (N, N),  (N, N)),
    "departement":  (N,   (N, N),  (N, N),  (N, N),      (N, N),  (N, N),  (N, N),  (N, N)),
    "admin":        (Y,   (Y, Y),  (N, N),  (Y, Y),      (N, N),  (N, N),  (Y, Y),  (Y, Y)),
    "veileder":     (N,   (N, N),  (N, N),  (N, N),      (N, N),  (N, N),  (N, N),  (N, N)),
    "innbygger":    (N,   (N, N),  (N, N),  (N, N),      (N, N),  (N, N),  (N, N),  (N, N)),
    "leverandor":   (N,   (N, N),  (N, N),  (N, N),      (N, N),  (N, N),  (N, N),  (N, N)),
}
# fmt: on
ABOUT_AN_ENTERPRISE = {
    "view_enterprise",
    "advise_enterprise",
    "change_enterprise",
    "assign_contact_person",
    "view_cooperation",
    "apply_for_subsidy",
    "decide_subsidy",
}
ABOUT_A_COUNTY = {"view_subsidy_budget", "set_subsidy_budget"}


@pytest.fixture
def enterprises() -> tuple[Enterprise, Enterprise]:
    """An enterprise in Bergen (Vestland) and one in Oslo."""
    return an_enterprise(), in_municipality("0301")


def ask(
    question: str, actor: Actor, enterprises: tuple[Enterprise, Enterprise]
) -> bool | tuple[bool, bool]:
    policy = getattr(policies, f"can_{question}")
    if question in ABOUT_AN_ENTERPRISE:
        own, elsewhere = enterprises
        return (bool(policy(actor, own)), bool(policy(actor, elsewhere)))
    if question in ABOUT_A_COUNTY:
        return (bool(policy(actor, "46")), bool(policy(actor, "03")))
    return bool(policy(actor))


def actor_of(login: str, own: Enterprise, actor_of_login: Callable[[str], Actor]) -> Actor:
    """The login's actor; "representant" is a new login representing the enterprise."""
    return a_representative(own) if login == "representant" else actor_of_login(login)


@pytest.mark.parametrize(
    ("question", "login", "expected"),
    [
        *[
            pytest.param(q, login, answers[i], id=f"{q}-{login}")
            for i, q in enumerate(ENTERPRISE_QUESTIONS)
            for login, answers in ANSWERS.items()
        ],
        *[
            pytest.param(q, login, answers[i], id=f"{q}-{login}")
            for i, q in enumerate(IW_QUESTIONS)
            for login, answers in IW_ANSWERS.items()
        ],
    ],
)
def test_each_login_gets_its_answer(
    actor_of_login: Callable[[str], Actor],
    enterprises: tuple[Enterprise, Enterprise],
    question: str,
    login: str,
    expected: object,
) -> None:
    actor = actor_of(login, enterprises[0], actor_of_login)
    assert ask(question, actor, enterprises) == expected


@pytest.mark.parametrize("question", ENTERPRISE_QUESTIONS + IW_QUESTIONS)
def test_anonymous_may_do_none_of_it(
    question: str, enterprises: tuple[Enterprise, Enterprise]
) -> None:
    assert ask(question, ANONYMOUS, enterprises) in (False, (False, False))
