"""Who may see the municipality's records and work on an individual plan: the four
coordination policies for every demo login.

At NAV Grünerløkka, built for each test: a person who receives financial assistance (a
municipal record); a person whose individual plan is coordinated by their GP (the "fastlege"
login) with their consent, with NAV and child welfare as members; and a person with a
citizen login of their own (answering as "innbygger") and a plan with NAV as coordinator
and their GP as a member, who has given no consent at all."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor, system_actor
from velferd.access.roles import PartnerService, Role
from velferd.core.testing import login_actor, new_user
from velferd.demo import DEMO_LOGINS
from velferd.followup.models import IndividualPlan
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Consent, Person
from velferd.people.services import consent_give, consent_withdraw
from velferd.people.tests.factories import a_consent, a_person, citizen_of

from .factories import PlanMemberFactory, a_benefit, a_period, a_plan

pytestmark = pytest.mark.django_db

COORDINATION_QUESTIONS = (
    "view_municipal_records",
    "view_individual_plan",
    "change_individual_plan",
    "manage_plan_members",
)
Y, N = True, False

# The assisted person's municipal records, then the plan the GP coordinates. Columns in the
# order of COORDINATION_QUESTIONS.
# fmt: off
ASSISTED_AND_GP_PLAN: dict[str, tuple[bool, ...]] = {
    #                  municipal(assisted) view(plan)  change(plan)  members(plan)
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
    "tiltaksforvalter": (N,              N,          N,            N),
    "imdi":             (N,              N,          N,            N),
    "bosetting-drammen": (N,              N,          N,            N),
}

# The citizen's own municipal records and their individual plan: the person themselves
# ("innbygger"), and their GP who is a member of the plan but has no consent.
CITIZEN: dict[str, tuple[bool, ...]] = {
    #                  municipal(own)  view(plan)  change(plan)  members(plan)
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
    "tiltaksforvalter": (N,            N,          N,            N),
    "imdi":             (N,            N,          N,            N),
    "bosetting-drammen": (N,            N,          N,            N),
}
# fmt: on

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class People:
    assisted: Person  # on financial assistance
    gp_plan: IndividualPlan  # coordinated by the person's GP, with their consent
    citizen: Person  # with a login of their own, a plan with NAV as coordinator, no consent
    citizen_plan: IndividualPlan
    citizen_login: Actor

    def actor(self, login: str) -> Actor:
        """The demo login, but "innbygger" is the citizen's own login."""
        return self.citizen_login if login == "innbygger" else login_actor(login)


def read_again(plan: IndividualPlan) -> IndividualPlan:
    return IndividualPlan.objects.select_related("person").get(pk=plan.pk)


@pytest.fixture
def people() -> People:
    vera = login_actor("veileder").user
    assisted = a_person()
    a_period(person=assisted, caseworker=vera)
    a_benefit(person=assisted, kind="financial_assistance")

    gp_plan = a_plan(person=a_period(caseworker=vera).person, coordinator__service="gp")
    for service in ("nav", "child_welfare"):
        PlanMemberFactory(plan=gp_plan, service=service)
    a_consent(person=gp_plan.person)

    citizen = a_person()
    a_period(person=citizen, caseworker=vera)
    citizen_login = citizen_of(citizen)
    citizen_plan = a_plan(person=citizen)
    PlanMemberFactory(plan=citizen_plan, service="gp")
    return People(assisted, gp_plan, citizen, citizen_plan, citizen_login)


def subject(question: str, about_records: Person, about_plan: IndividualPlan) -> object:
    """What a question is asked about: a person for the municipal records, else a plan."""
    if question == "view_municipal_records":
        return Person.objects.get(pk=about_records.pk)
    return read_again(about_plan)


def ask(question: str, actor: Actor, about: object) -> bool:
    return getattr(policies, f"can_{question}")(actor, about)


def table(answers: dict[str, tuple[bool, ...]], name: str) -> list[object]:
    return [
        pytest.param(question, login, row[column], id=f"{question}-{login}-{name}")
        for column, question in enumerate(COORDINATION_QUESTIONS)
        for login, row in answers.items()
    ]


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


def again(who: Person) -> Person:
    return Person.objects.get(pk=who.pk)


class TestTheTables:
    def test_every_demo_login_is_in_both_tables(self) -> None:
        logins = {login.username for login in DEMO_LOGINS}
        assert set(ASSISTED_AND_GP_PLAN) == set(CITIZEN) == logins

    def test_every_row_answers_every_question(self) -> None:
        for answers in (ASSISTED_AND_GP_PLAN, CITIZEN):
            assert all(len(row) == len(COORDINATION_QUESTIONS) for row in answers.values())

    def test_the_people_are_what_the_tables_assume(self, people: People) -> None:
        gp_plan, citizen_plan = read_again(people.gp_plan), read_again(people.citizen_plan)
        assert {m.service for m in gp_plan.members.all()} == {"gp", "nav", "child_welfare"}
        assert gp_plan.members.get(is_coordinator=True).service == "gp"
        assert again(gp_plan.person).consent_holds("gp")
        assert {m.service for m in citizen_plan.members.all()} == {"nav", "gp"}
        assert citizen_plan.person == people.citizen
        assert people.citizen_login.user == again(people.citizen).user
        assert not Consent.objects.filter(person=people.citizen).exists()
        assert not Consent.objects.filter(person=people.assisted).exists()
        assert again(people.assisted).benefits.get().kind == "financial_assistance"


@pytest.mark.parametrize(
    ("question", "login", "expected"), table(ASSISTED_AND_GP_PLAN, "assisted-gp-plan")
)
def test_each_login_gets_its_answer_about_the_assisted_person_and_the_gps_plan(
    people: People, question: str, login: str, expected: bool
) -> None:
    about = subject(question, people.assisted, people.gp_plan)
    assert ask(question, people.actor(login), about) is expected


@pytest.mark.parametrize(("question", "login", "expected"), table(CITIZEN, "citizen"))
def test_each_login_gets_its_answer_about_the_citizen_and_their_plan(
    people: People, question: str, login: str, expected: bool
) -> None:
    about = subject(question, people.citizen, people.citizen_plan)
    assert ask(question, people.actor(login), about) is expected


@pytest.mark.parametrize("question", COORDINATION_QUESTIONS)
def test_anonymous_may_do_none_of_it(people: People, question: str) -> None:
    about_others = subject(question, people.assisted, people.gp_plan)
    about_citizen = subject(question, people.citizen, people.citizen_plan)
    assert ask(question, ANONYMOUS, about_others) is False
    assert ask(question, ANONYMOUS, about_citizen) is False


class TestMunicipalRecordsWithConsent:
    def test_the_state_caseworker_sees_them_while_the_persons_consent_holds(
        self, people: People
    ) -> None:
        assisted = people.assisted
        consent = give(assisted, PartnerService.NAV_STATE)
        assert policies.can_view_municipal_records(login_actor("veileder"), again(assisted))
        assert policies.can_view_municipal_records(login_actor("kontorleder"), again(assisted))

        consent_withdraw(actor=system_actor("tests"), consent=consent)

        assert not policies.can_view_municipal_records(login_actor("veileder"), again(assisted))

    def test_a_consent_that_has_not_started_does_not_count(self, people: People) -> None:
        give(people.assisted, PartnerService.NAV_STATE, starts_on=TODAY() + DAY)
        assert not policies.can_view_municipal_records(
            login_actor("veileder"), again(people.assisted)
        )

    def test_a_consent_for_the_gp_is_not_a_consent_for_nav(self, people: People) -> None:
        give(people.assisted, PartnerService.GP)
        assert not policies.can_view_municipal_records(
            login_actor("veileder"), again(people.assisted)
        )

    def test_consent_does_not_open_them_to_someone_who_may_not_see_the_person(
        self, people: People
    ) -> None:
        give(people.assisted, PartnerService.NAV_STATE)
        for login in ("fastlege", "admin", "innbygger", "analytiker"):
            assert not policies.can_view_municipal_records(
                people.actor(login), again(people.assisted)
            ), login

    def test_a_municipal_caseworker_at_another_office_does_not_see_them(
        self, people: People
    ) -> None:
        sagene = new_user(
            "sagene-sosial",
            Role.CASEWORKER_MUNICIPAL,
            office=organisation_selectors.office("0320"),
        )
        assert not policies.can_view_municipal_records(sagene, again(people.assisted))


class TestPartnersAndTheGpsPlan:
    def test_the_gp_loses_the_plan_when_the_person_withdraws_their_consent(
        self, people: People
    ) -> None:
        consent = Consent.objects.get(person=people.gp_plan.person, partner_service="gp")
        consent_withdraw(actor=login_actor("veileder"), consent=consent)

        gp = login_actor("fastlege")
        assert not policies.can_view_individual_plan(gp, read_again(people.gp_plan))
        assert not policies.can_change_individual_plan(gp, read_again(people.gp_plan))

    def test_the_gp_sees_the_citizens_plan_once_they_consent(self, people: People) -> None:
        give(people.citizen, PartnerService.GP)

        gp, plan = login_actor("fastlege"), read_again(people.citizen_plan)
        assert policies.can_view_individual_plan(gp, plan)
        assert policies.can_change_individual_plan(gp, plan)
        assert not policies.can_manage_plan_members(gp, plan)

    def test_child_welfare_is_a_member_but_needs_its_own_consent(self, people: People) -> None:
        child_welfare = partner("barnevern", PartnerService.CHILD_WELFARE)
        assert not policies.can_view_individual_plan(child_welfare, read_again(people.gp_plan))

        give(people.gp_plan.person, PartnerService.CHILD_WELFARE)

        plan = read_again(people.gp_plan)
        assert policies.can_view_individual_plan(child_welfare, plan)
        assert policies.can_change_individual_plan(child_welfare, plan)
        assert not policies.can_manage_plan_members(child_welfare, plan)

    def test_a_service_that_is_not_a_member_gets_nothing_even_with_consent(
        self, people: People
    ) -> None:
        school = partner("skole", PartnerService.SCHOOL)
        give(people.gp_plan.person, PartnerService.SCHOOL)
        plan = read_again(people.gp_plan)
        assert not policies.can_view_individual_plan(school, plan)
        assert not policies.can_change_individual_plan(school, plan)

    def test_a_gp_in_another_municipality_gets_nothing(self, people: People) -> None:
        bergen_gp = partner("fastlege-bergen", PartnerService.GP, municipality="4601")
        plan = read_again(people.gp_plan)
        assert not policies.can_view_individual_plan(bergen_gp, plan)
        assert not policies.can_change_individual_plan(bergen_gp, plan)

    def test_staff_of_another_office_get_nothing(self, people: People) -> None:
        sagene = new_user(
            "sagene-veileder", Role.CASEWORKER_STATE, office=organisation_selectors.office("0320")
        )
        for question in COORDINATION_QUESTIONS:
            about = subject(question, people.gp_plan.person, people.gp_plan)
            assert not ask(question, sagene, about)
