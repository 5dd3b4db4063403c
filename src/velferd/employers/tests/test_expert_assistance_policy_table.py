"""Who applies for, decides and reads expert assistance, and who lists deferred
cooperations: every such policy for every demo login, and each list filter against the
predicate beside it.

Built for each test: an enterprise in Bergen (Vestland, 46) represented by the new login
"representant", and one in Oslo (03) represented by "representant-oslo"; each has an
application for expert assistance and a cooperation deferred by its county's advisor.
"ia-radgiver" is an IW advisor in Vestland, "ia-03" in Oslo; "arbeidsgiver" represents a
demo enterprise, neither of these."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import filter_disagreements, login_actor
from velferd.demo import DEMO_LOGINS
from velferd.employers import services
from velferd.employers.models import Cooperation, Enterprise, ExpertAssistance

from .deferrals import DAY, applied, started, today
from .factories import a_representative, an_enterprise, in_municipality

pytestmark = pytest.mark.django_db

EXPERT_ASSISTANCE_QUESTIONS = (
    "apply_for_expert_assistance",
    "decide_expert_assistance",
    "view_expert_assistance",
    "list_expert_assistance",
    "list_deferred_cooperations",
)
ABOUT_AN_ENTERPRISE = {
    "apply_for_expert_assistance",
    "decide_expert_assistance",
    "view_expert_assistance",
}
Y, N = True, False

# The questions about an enterprise are asked about the one in Bergen (first answer) and
# the one in Oslo (second answer). Administrators do not read an application: it names an
# employee and their sick leave.
# fmt: off
ANSWERS: dict[str, tuple[bool | tuple[bool, bool], ...]] = {
    #                   apply    decide   view     list  list_deferred
    "ia-radgiver":      ((N, N),  (Y, N),  (Y, N),  Y,    Y),
    "ia-03":            ((N, N),  (N, Y),  (N, Y),  Y,    Y),
    "representant":     ((Y, N),  (N, N),  (Y, N),  Y,    N),
    "arbeidsgiver":     ((N, N),  (N, N),  (N, N),  Y,    N),
    "admin":            ((N, N),  (N, N),  (N, N),  N,    N),
    "veileder":         ((N, N),  (N, N),  (N, N),  N,    N),
    "sosialkonsulent":  ((N, N),  (N, N),  (N, N),  N,    N),
    "beslutter":        ((N, N),  (N, N),  (N, N),  N,    N),
    "kontorleder":      ((N, N),  (N, N),  (N, N),  N,    N),
    "fastlege":         ((N, N),  (N, N),  (N, N),  N,    N),
    "leverandor":       ((N, N),  (N, N),  (N, N),  N,    N),
    "innbygger":        ((N, N),  (N, N),  (N, N),  N,    N),
    "analytiker":       ((N, N),  (N, N),  (N, N),  N,    N),
    "departement":      ((N, N),  (N, N),  (N, N),  N,    N),
    "tiltaksforvalter": ((N, N),  (N, N),  (N, N),  N,    N),
    "imdi":             ((N, N),  (N, N),  (N, N),  N,    N),
    "bosetting-drammen": ((N, N), (N, N),  (N, N),  N,    N),
}
# fmt: on


@dataclass(frozen=True)
class Records:
    bergen: Enterprise
    oslo: Enterprise
    representative: Actor


def _deferred(advisor: Actor, enterprise: Enterprise) -> Cooperation:
    cooperation = started(advisor, "assess", enterprise=enterprise)
    return services.cooperation_defer(
        actor=advisor,
        cooperation=cooperation,
        version=cooperation.version,
        deferred_until=today() + 30 * DAY,
    )


@pytest.fixture
def records() -> Records:
    bergen, oslo = an_enterprise(), in_municipality("0301")
    representative = a_representative(bergen)
    applied(representative, bergen)
    applied(a_representative(oslo, "representant-oslo"), oslo)
    _deferred(login_actor("ia-radgiver"), bergen)
    _deferred(login_actor("ia-03"), oslo)
    return Records(bergen, oslo, representative)


def actor_of(login: str, records: Records) -> Actor:
    """The login's actor; "representant" is the new login representing the Bergen one."""
    return records.representative if login == "representant" else login_actor(login)


def ask(question: str, actor: Actor, records: Records) -> bool | tuple[bool, bool]:
    policy = getattr(policies, f"can_{question}")
    if question in ABOUT_AN_ENTERPRISE:
        return (bool(policy(actor, records.bergen)), bool(policy(actor, records.oslo)))
    return bool(policy(actor))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert set(ANSWERS) >= {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(EXPERT_ASSISTANCE_QUESTIONS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    assert (records.bergen.county_id, records.oslo.county_id) == ("46", "03")
    both = [records.bergen, records.oslo]
    assert ExpertAssistance.objects.filter(enterprise__in=both).count() == 2
    assert Cooperation.objects.filter(enterprise__in=both, status="deferred").count() == 2
    assert policies.iw_counties(login_actor("ia-03")) == {"03"}
    [own] = policies.employer_organisation_numbers(login_actor("arbeidsgiver"))
    assert own not in {records.bergen.organisation_number, records.oslo.organisation_number}


@pytest.mark.parametrize(
    ("question", "login", "expected"),
    [
        pytest.param(q, login, answers[i], id=f"{q}-{login}")
        for i, q in enumerate(EXPERT_ASSISTANCE_QUESTIONS)
        for login, answers in ANSWERS.items()
    ],
)
def test_each_login_gets_its_answer(
    records: Records, question: str, login: str, expected: object
) -> None:
    assert ask(question, actor_of(login, records), records) == expected


@pytest.mark.parametrize("question", EXPERT_ASSISTANCE_QUESTIONS)
def test_anonymous_may_do_none_of_it(records: Records, question: str) -> None:
    assert ask(question, ANONYMOUS, records) in (False, (False, False))


def every_actor(records: Records) -> list[Actor]:
    return [ANONYMOUS, *(actor_of(login, records) for login in ANSWERS)]


def _views_application(actor: Actor, application: ExpertAssistance) -> bool:
    return policies.can_view_expert_assistance(actor, application.enterprise)


def _lists_deferred(actor: Actor, cooperation: Cooperation) -> bool:
    """A deferred cooperation is on the advisor's list where they advise its enterprise."""
    return policies.can_list_deferred_cooperations(actor) and policies.can_advise_enterprise(
        actor, cooperation.enterprise
    )


def test_the_applications_listed_are_those_the_reader_may_view(records: Records) -> None:
    rows = ExpertAssistance.objects.select_related("enterprise")
    assert rows.count() >= 2
    assert (
        filter_disagreements(
            rows, _views_application, policies.expert_assistance_visible, every_actor(records)
        )
        == []
    )


def test_the_deferred_cooperations_listed_are_those_the_advisor_advises(
    records: Records,
) -> None:
    rows = Cooperation.objects.filter(status="deferred").select_related("enterprise")
    assert rows.count() >= 2
    assert (
        filter_disagreements(
            rows, _lists_deferred, policies.deferred_cooperations_visible, every_actor(records)
        )
        == []
    )
