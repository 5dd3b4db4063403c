"""Who may see which sick-leave figures, for every login that matters ("representant" a new
login representing the enterprise in Vestland). The enterprise questions are asked about
that enterprise (first answer) and an enterprise in Oslo (second), both with statistics,
and so is the question about their lines on the prioritisation list; the results question
about Vestland (first) and the whole country (second)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.roles import Role
from velferd.core.testing import new_user
from velferd.employers.models import Enterprise
from velferd.sickleave.models import EnterpriseSummary

from .factories import in_county, with_statistics

pytestmark = pytest.mark.django_db

SICK_LEAVE_QUESTIONS = (
    "view_enterprise_sick_leave",
    "view_sick_leave_aggregates",
    "prioritise_enterprises",
    "view_iw_results",
    "import_sick_leave_statistics",
    "view_priority_line",
)
Y, N = True, False

# fmt: off
ANSWERS: dict[str, tuple[bool | tuple[bool, bool], ...]] = {
    #               own / Oslo  groups  priorities  results (46, NO)  import  line (own / Oslo)
    "ia-radgiver":  ((Y, N),    Y,      Y,          (Y, N),           N,      (Y, N)),
    "ia-03":        ((N, Y),    Y,      Y,          (N, N),           N,      (N, Y)),
    "representant": ((Y, N),    N,      N,          (N, N),           N,      (N, N)),
    "analytiker":   ((N, N),    Y,      N,          (Y, Y),           N,      (N, N)),
    "departement":  ((N, N),    Y,      N,          (Y, Y),           N,      (N, N)),
    "admin":        ((Y, Y),    Y,      N,          (Y, Y),           Y,      (N, N)),
    "veileder":     ((N, N),    N,      N,          (N, N),           N,      (N, N)),
    "innbygger":    ((N, N),    N,      N,          (N, N),           N,      (N, N)),
    "leverandor":   ((N, N),    N,      N,          (N, N),           N,      (N, N)),
    "fastlege":     ((N, N),    N,      N,          (N, N),           N,      (N, N)),
}
# fmt: on


@pytest.fixture
def enterprises() -> tuple[Enterprise, Enterprise]:
    """An enterprise in Bergen (Vestland) and one in Oslo, with their statistics."""
    own, oslo = in_county("4601"), in_county("0301")
    with_statistics(own, oslo, quarters=4)
    return own, oslo


def ask(
    question: str, actor: Actor, enterprises: tuple[Enterprise, Enterprise]
) -> bool | tuple[bool, bool]:
    policy = getattr(policies, f"can_{question}")
    own, oslo = enterprises
    if question == "view_enterprise_sick_leave":
        return (bool(policy(actor, own)), bool(policy(actor, oslo)))
    if question == "view_priority_line":
        own_line = EnterpriseSummary.objects.get(enterprise=own)
        oslo_line = EnterpriseSummary.objects.get(enterprise=oslo)
        return (bool(policy(actor, own_line)), bool(policy(actor, oslo_line)))
    if question == "view_iw_results":
        return (bool(policy(actor, "46")), bool(policy(actor, None)))
    return bool(policy(actor))


@pytest.mark.parametrize(
    ("question", "login", "expected"),
    [
        pytest.param(q, login, answers[i], id=f"{q}-{login}")
        for i, q in enumerate(SICK_LEAVE_QUESTIONS)
        for login, answers in ANSWERS.items()
    ],
)
def test_each_login_gets_its_answer(
    actor_of_login: Callable[[str], Actor],
    enterprises: tuple[Enterprise, Enterprise],
    question: str,
    login: str,
    expected: object,
) -> None:
    own = enterprises[0]
    actor = (
        new_user(login, Role.EMPLOYER, organisation_number=own.organisation_number)
        if (login == "representant")
        else actor_of_login(login)
    )
    assert ask(question, actor, enterprises) == expected


@pytest.mark.parametrize("question", SICK_LEAVE_QUESTIONS)
def test_anonymous_may_do_none_of_it(
    question: str, enterprises: tuple[Enterprise, Enterprise]
) -> None:
    assert ask(question, ANONYMOUS, enterprises) in (False, (False, False))
