"""Who sees and works with which enterprise, and with the sick-leave figures: every such
policy for the demo logins that matter. "ia-radgiver" is an IW advisor in Vestland (46),
"arbeidsgiver" represents the enterprise 987654309."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.employers.models import Enterprise, Sector
from velferd.organisation.models import Municipality

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
EMPLOYER_QUESTIONS = ENTERPRISE_QUESTIONS + IW_QUESTIONS
Y, N = True, False

# view_ and advise_enterprise are asked about the employer's own enterprise in Vestland
# (first answer) and about an enterprise in Oslo (second answer).
# fmt: off
ANSWERS: dict[str, tuple[bool | tuple[bool, bool], ...]] = {
    #               register  view     advise   aggregates  import
    "ia-radgiver":  (Y,       (Y, N),  (Y, N),  Y,          N),
    "ia-03":        (Y,       (N, Y),  (N, Y),  Y,          N),
    "arbeidsgiver": (N,       (Y, N),  (N, N),  N,          N),
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
    "arbeidsgiver": (Y,   (N, N),  (N, N),  (Y, N),      (Y, N),  (N, N),  (N, N),  (N, N)),
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


def _enterprise(number: str, municipality: str) -> Enterprise:
    place = Municipality.objects.get(number=municipality)
    enterprise, _ = Enterprise.objects.get_or_create(
        organisation_number=number,
        defaults={
            "name": f"Virksomhet {number}",
            "municipality": place,
            "county": place.county,
            "industry_code": "86.101",
            "sector": Sector.PRIVATE,
            "employees": 40,
        },
    )
    return enterprise


def ask(question: str, actor: Actor) -> bool | tuple[bool, bool]:
    policy = getattr(policies, f"can_{question}")
    if question in ABOUT_AN_ENTERPRISE:
        own = _enterprise("987654309", "4601")
        elsewhere = _enterprise("974760673", "0301")
        return (bool(policy(actor, own)), bool(policy(actor, elsewhere)))
    if question in ABOUT_A_COUNTY:
        return (bool(policy(actor, "46")), bool(policy(actor, "03")))
    return bool(policy(actor))


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
    actor_of_login: Callable[[str], Actor], question: str, login: str, expected: object
) -> None:
    assert ask(question, actor_of_login(login)) == expected


@pytest.mark.parametrize("question", EMPLOYER_QUESTIONS)
def test_anonymous_may_do_none_of_it(question: str) -> None:
    assert ask(question, ANONYMOUS) in (False, (False, False))
