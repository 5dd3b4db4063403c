"""Who may see the municipality's records and work on an individual plan: the four
coordination policies for every demo login.

At NAV Grünerløkka: Jonas receives financial assistance (a municipal record); Maria's
individual plan is coordinated by her GP (the "fastlege" login) with her consent, with NAV
and child welfare as members; Ola (the "innbygger" login) has a plan with NAV as
coordinator and his GP as a member, but has given no consent at all."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor, system_actor
from velferd.access.models import User
from velferd.access.roles import PartnerService, Role
from velferd.access.selectors import actor_for_user
from velferd.access.services import role_assign
from velferd.demo import DEMO_LOGINS
from velferd.followup.models import IndividualPlan
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Consent, Person
from velferd.people.services import consent_give, consent_withdraw

pytestmark = pytest.mark.django_db

COORDINATION_QUESTIONS = (
    "view_municipal_records",
    "view_individual_plan",
    "change_individual_plan",
    "manage_plan_members",
)
Y, N = True, False

# Jonas's municipal records, then Maria's individual plan. Columns in the order of
# COORDINATION_QUESTIONS.
# fmt: off
JONAS_AND_MARIA: dict[str, tuple[bool, ...]] = {
    #                  municipal(Jonas)  view(plan)  change(plan)  members(plan)
    "veileder":        (N,               Y,          Y,            Y),
    "sosialkonsulent": (Y,               Y,          Y,            Y),
    "beslutter":       (N,               Y,          N,            N),
    "kontorleder":     (N,               Y,          Y,            Y),
    "ia-radgiver":     (N,               N,          N,            N),
    "fastlege":        (N,               Y,          Y,            N),
    "leverandor":      (N,               N,          N,            N),
    "arbeidsgiver":    (N,               N,          N,            N),
    "innbygger":       (N,               N,          N,            N),
    "analytiker":      (N,               N,          N,            N),
    "departement":     (N,               N,          N,            N),
    "admin":           (N,               N,          N,            N),
}

# Ola's own municipal records and his individual plan: the person himself, and his GP
# who is a member of the plan but has no consent.
OLA: dict[str, tuple[bool, ...]] = {
    #                  municipal(Ola)  view(plan)  change(plan)  members(plan)
    "veileder":        (N,             Y,          Y,            Y),
    "sosialkonsulent": (Y,             Y,          Y,            Y),
    "beslutter":       (N,             Y,          N,            N),
    "kontorleder":     (N,             Y,          Y,            Y),
    "ia-radgiver":     (N,             N,          N,            N),
    "fastlege":        (N,             N,          N,            N),
    "leverandor":      (N,             N,          N,            N),
    "arbeidsgiver":    (N,             N,          N,            N),
    "innbygger":       (Y,             Y,          Y,            N),
    "analytiker":      (N,             N,          N,            N),
    "departement":     (N,             N,          N,            N),
    "admin":           (N,             N,          N,            N),
}
# fmt: on

Lookup = Callable[[str], Actor]
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def plan_of(given_name: str) -> IndividualPlan:
    return IndividualPlan.objects.select_related("person").get(person__given_name=given_name)


def subject(question: str, about_records: str, about_plan: str) -> object:
    """What a question is asked about: a person for the municipal records, else a plan."""
    if question == "view_municipal_records":
        return person(about_records)
    return plan_of(about_plan)


def ask(question: str, actor: Actor, about: object) -> bool:
    return getattr(policies, f"can_{question}")(actor, about)


def table(answers: dict[str, tuple[bool, ...]], name: str) -> list[object]:
    return [
        pytest.param(question, login, row[column], id=f"{question}-{login}-{name}")
        for column, question in enumerate(COORDINATION_QUESTIONS)
        for login, row in answers.items()
    ]


def new_user(username: str, role: str, **units: object) -> Actor:
    user = User.objects.create(username=username, full_name=username.title())
    role_assign(actor=system_actor("tests"), user=user, role=role, **units)
    return actor_for_user(user)


def partner(username: str, service: str, municipality: str = "0301") -> Actor:
    return new_user(
        username,
        Role.PARTNER,
        municipality=organisation_selectors.municipality(municipality),
        partner_service=service,
    )


def give(who: Person, service: str, starts_on: datetime.date | None = None) -> Consent:
    return consent_give(
        actor=system_actor("tests"),
        person=who,
        partner_service=service,
        purpose="Individuell plan",
        starts_on=starts_on or TODAY(),
        ends_on=TODAY() + 90 * DAY,
    )


class TestTheTables:
    def test_every_demo_login_is_in_both_tables(self) -> None:
        logins = {login.username for login in DEMO_LOGINS}
        assert set(JONAS_AND_MARIA) == set(OLA) == logins

    def test_every_row_answers_every_question(self) -> None:
        for answers in (JONAS_AND_MARIA, OLA):
            assert all(len(row) == len(COORDINATION_QUESTIONS) for row in answers.values())

    def test_the_demo_is_what_the_tables_assume(self) -> None:
        assert {m.service for m in plan_of("Maria").members.all()} == {
            "gp",
            "nav",
            "child_welfare",
        }
        assert plan_of("Maria").members.get(is_coordinator=True).service == "gp"
        assert person("Maria").consent_holds("gp")
        assert {m.service for m in plan_of("Ola").members.all()} == {"nav", "gp"}
        assert not Consent.objects.filter(person=person("Ola")).exists()
        assert not Consent.objects.filter(person=person("Jonas")).exists()
        assert person("Jonas").benefits.get().kind == "financial_assistance"


@pytest.mark.parametrize(("question", "login", "expected"), table(JONAS_AND_MARIA, "jonas-maria"))
def test_each_login_gets_its_answer_about_jonas_and_marias_plan(
    actor_of_login: Lookup, question: str, login: str, expected: bool
) -> None:
    about = subject(question, "Jonas", "Maria")
    assert ask(question, actor_of_login(login), about) is expected


@pytest.mark.parametrize(("question", "login", "expected"), table(OLA, "ola"))
def test_each_login_gets_its_answer_about_ola_and_his_plan(
    actor_of_login: Lookup, question: str, login: str, expected: bool
) -> None:
    about = subject(question, "Ola", "Ola")
    assert ask(question, actor_of_login(login), about) is expected


@pytest.mark.parametrize("question", COORDINATION_QUESTIONS)
def test_anonymous_may_do_none_of_it(question: str) -> None:
    assert ask(question, ANONYMOUS, subject(question, "Jonas", "Maria")) is False
    assert ask(question, ANONYMOUS, subject(question, "Ola", "Ola")) is False


class TestMunicipalRecordsWithConsent:
    def test_the_state_caseworker_sees_them_while_the_persons_consent_holds(
        self, actor_of_login: Lookup
    ) -> None:
        consent = give(person("Jonas"), PartnerService.NAV_STATE)
        assert policies.can_view_municipal_records(actor_of_login("veileder"), person("Jonas"))
        assert policies.can_view_municipal_records(actor_of_login("kontorleder"), person("Jonas"))

        consent_withdraw(actor=system_actor("tests"), consent=consent)

        assert not policies.can_view_municipal_records(actor_of_login("veileder"), person("Jonas"))

    def test_a_consent_that_has_not_started_does_not_count(self, actor_of_login: Lookup) -> None:
        give(person("Jonas"), PartnerService.NAV_STATE, starts_on=TODAY() + DAY)
        assert not policies.can_view_municipal_records(actor_of_login("veileder"), person("Jonas"))

    def test_a_consent_for_the_gp_is_not_a_consent_for_nav(self, actor_of_login: Lookup) -> None:
        give(person("Jonas"), PartnerService.GP)
        assert not policies.can_view_municipal_records(actor_of_login("veileder"), person("Jonas"))

    def test_consent_does_not_open_them_to_someone_who_may_not_see_the_person(
        self, actor_of_login: Lookup
    ) -> None:
        give(person("Jonas"), PartnerService.NAV_STATE)
        for login in ("fastlege", "admin", "innbygger", "analytiker"):
            assert not policies.can_view_municipal_records(actor_of_login(login), person("Jonas"))

    def test_a_municipal_caseworker_at_another_office_does_not_see_them(self) -> None:
        sagene = new_user(
            "sagene-sosial",
            Role.CASEWORKER_MUNICIPAL,
            office=organisation_selectors.office("0320"),
        )
        assert not policies.can_view_municipal_records(sagene, person("Jonas"))


class TestPartnersAndMariasPlan:
    def test_the_gp_loses_the_plan_when_maria_withdraws_her_consent(
        self, actor_of_login: Lookup
    ) -> None:
        consent = Consent.objects.get(person=person("Maria"), partner_service="gp")
        consent_withdraw(actor=actor_of_login("veileder"), consent=consent)

        gp = actor_of_login("fastlege")
        assert not policies.can_view_individual_plan(gp, plan_of("Maria"))
        assert not policies.can_change_individual_plan(gp, plan_of("Maria"))

    def test_the_gp_sees_olas_plan_once_ola_consents(self, actor_of_login: Lookup) -> None:
        give(person("Ola"), PartnerService.GP)

        gp = actor_of_login("fastlege")
        assert policies.can_view_individual_plan(gp, plan_of("Ola"))
        assert policies.can_change_individual_plan(gp, plan_of("Ola"))
        assert not policies.can_manage_plan_members(gp, plan_of("Ola"))

    def test_child_welfare_is_a_member_but_needs_its_own_consent(self) -> None:
        child_welfare = partner("barnevern", PartnerService.CHILD_WELFARE)
        assert not policies.can_view_individual_plan(child_welfare, plan_of("Maria"))

        give(person("Maria"), PartnerService.CHILD_WELFARE)

        assert policies.can_view_individual_plan(child_welfare, plan_of("Maria"))
        assert policies.can_change_individual_plan(child_welfare, plan_of("Maria"))
        assert not policies.can_manage_plan_members(child_welfare, plan_of("Maria"))

    def test_a_service_that_is_not_a_member_gets_nothing_even_with_consent(self) -> None:
        school = partner("skole", PartnerService.SCHOOL)
        give(person("Maria"), PartnerService.SCHOOL)
        assert not policies.can_view_individual_plan(school, plan_of("Maria"))
        assert not policies.can_change_individual_plan(school, plan_of("Maria"))

    def test_a_gp_in_another_municipality_gets_nothing(self) -> None:
        bergen_gp = partner("fastlege-bergen", PartnerService.GP, municipality="4601")
        assert not policies.can_view_individual_plan(bergen_gp, plan_of("Maria"))
        assert not policies.can_change_individual_plan(bergen_gp, plan_of("Maria"))

    def test_staff_of_another_office_get_nothing(self) -> None:
        sagene = new_user(
            "sagene-veileder", Role.CASEWORKER_STATE, office=organisation_selectors.office("0320")
        )
        for question in COORDINATION_QUESTIONS:
            assert not ask(question, sagene, subject(question, "Maria", "Maria"))
