"""The logins the tests of follow-up writes act as, staff at NAV Sagene (0320), another office
than the people's, and the people and records they act on, each built for the test through
the services at NAV Grünerløkka: a person followed up by Vera with a citizen login of their
own, a person newly followed up and unassigned, a person not followed up, a person whose
assessment awaits approval, a person on financial assistance and a person whose GP
coordinates their plan with their consent."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_user
from velferd.core.testing import staff_at
from velferd.followup import services
from velferd.followup.models import (
    Activity,
    Benefit,
    IndividualPlan,
    NeedsAssessment,
    PlanMeasure,
    Thread,
)
from velferd.people.models import Consent, Person
from velferd.people.services import consent_give
from velferd.people.tests.factories import a_person, citizen_of

from .writes import DAY, TODAY, Lookup


@pytest.fixture
def vera(actor_of_login: Lookup) -> Actor:
    """Vera Veileder, state caseworker at NAV Grünerløkka."""
    return actor_of_login("veileder")


@pytest.fixture
def manager(actor_of_login: Lookup) -> Actor:
    return actor_of_login("kontorleder")


@pytest.fixture
def approver(actor_of_login: Lookup) -> Actor:
    return actor_of_login("beslutter")


@pytest.fixture
def social(actor_of_login: Lookup) -> Actor:
    """Sindre Sosialkonsulent, municipal caseworker at NAV Grünerløkka."""
    return actor_of_login("sosialkonsulent")


@pytest.fixture
def gp(actor_of_login: Lookup) -> Actor:
    """Frida Fastlege: a partner from the GP service in Oslo (0301)."""
    return actor_of_login("fastlege")


@pytest.fixture
def sagene_caseworker(db: None) -> Actor:
    return staff_at("0320", "sagene-veileder", "caseworker_state")


@pytest.fixture
def sagene_approver(db: None) -> Actor:
    return staff_at("0320", "sagene-beslutter", "approver")


@pytest.fixture
def acting_as(actor_of_login: Lookup, citizen: Actor) -> Lookup:
    """The actor of a staff login, or with "citizen" the followed person's own login."""
    return lambda login: citizen if login == "citizen" else actor_of_login(login)


# The people ----------------------------------------------------------------------------------


@pytest.fixture
def followed(vera: Actor) -> Person:
    """A person Vera has followed up for two months, with a citizen login of their own."""
    person = a_person()
    citizen_of(person)
    services.period_start(
        actor=vera, person=person, caseworker=vera.user, started_on=TODAY() - 60 * DAY
    )
    return person


@pytest.fixture
def citizen(followed: Person) -> Actor:
    """The followed person's own login."""
    return actor_for_user(followed.user)


@pytest.fixture
def newcomer(vera: Actor) -> Person:
    """A person newly followed up, with no caseworker yet."""
    person = a_person()
    services.period_start(actor=vera, person=person)
    return person


@pytest.fixture
def unfollowed(db: None) -> Person:
    """A person at NAV Grünerløkka who is not followed up."""
    return a_person()


@pytest.fixture
def on_assistance(social: Actor) -> Person:
    """A person the municipal caseworker follows up, on financial assistance since 200 days."""
    person = a_person()
    services.period_start(
        actor=social, person=person, caseworker=social.user, started_on=TODAY() - 40 * DAY
    )
    services.benefit_record(
        actor=social, person=person, kind="financial_assistance", starts_on=TODAY() - 200 * DAY
    )
    return person


# The followed person's records ---------------------------------------------------------------


@pytest.fixture
def sent_decision(vera: Actor, followed: Person) -> NeedsAssessment:
    """The followed person's decision, sent without approval."""
    draft = services.assessment_create(
        actor=vera,
        person=followed,
        need_group="situation_specific",
        main_goal="get_work",
        reasoning="Du vil tilbake i jobb, men ikke i en jobb der du står hele dagen.",
        sources=["self_assessment", "dialogue"],
    )
    return services.assessment_send(actor=vera, assessment=draft, version=draft.version)


@pytest.fixture
def job_hunt(vera: Actor, followed: Person) -> Activity:
    """A job hunt the office planned and agreed, started a month ago."""
    return services.activity_create(
        actor=vera,
        person=followed,
        kind="job_application",
        title="Søk fire jobber i uka",
        agreed_with_office=True,
        starts_on=TODAY() - 30 * DAY,
        ends_on=TODAY() + 60 * DAY,
    )


@pytest.fixture
def meeting(vera: Actor, followed: Person) -> Activity:
    """A meeting the office planned, not agreed."""
    return services.activity_create(
        actor=vera, person=followed, kind="meeting", title="Oppfølgingsmøte"
    )


@pytest.fixture
def own_proposal(citizen: Actor, followed: Person) -> Activity:
    """The person's own proposal, not agreed with the office."""
    return services.activity_create(
        actor=citizen,
        person=followed,
        kind="own_activity",
        title="Trene tre ganger i uka",
        description="For å bygge opp igjen kneet.",
    )


@pytest.fixture
def question(citizen: Actor, followed: Person) -> Thread:
    """A thread the person started, waiting for the office."""
    return services.thread_start(
        actor=citizen,
        person=followed,
        subject="Spørsmål om jobbsøkerkurset",
        text="Hei! Må jeg ha med meg noe til kurset på mandag?",
    )


@pytest.fixture
def allowance(vera: Actor, followed: Person) -> Benefit:
    """Work assessment allowance from three months ago, open-ended."""
    return services.benefit_record(
        actor=vera,
        person=followed,
        kind="work_assessment_allowance",
        starts_on=TODAY() - 90 * DAY,
    )


@pytest.fixture
def own_plan(vera: Actor, followed: Person) -> IndividualPlan:
    """The followed person's plan, coordinated by NAV with their GP as member and one
    measure; they have given no consent."""
    plan = services.individual_plan_create(
        actor=vera, person=followed, coordinator="nav", members=["gp"], goals="Tilbake i jobb."
    )
    services.plan_measure_add(
        actor=vera,
        plan=plan,
        text="Avklare arbeidstrening på kjøkken",
        responsible_service="nav",
        deadline=TODAY() + 21 * DAY,
    )
    return plan


# An assessment awaiting approval -------------------------------------------------------------


@pytest.fixture
def awaiting(vera: Actor, manager: Actor) -> NeedsAssessment:
    """A partially permanent assessment by Vera, awaiting approval, of a person the office
    manager gave her for more than a year."""
    person = a_person()
    services.period_start(
        actor=manager, person=person, caseworker=vera.user, started_on=TODAY() - 400 * DAY
    )
    draft = services.assessment_create(
        actor=vera,
        person=person,
        need_group="partially_permanent",
        main_goal="keep_work",
        reasoning="Du kan jobbe halv tid i jobben du har, med tilrettelegging. Det vil vare.",
        sources=["medical", "employer", "work_capacity"],
        evidence="Uttalelse fra spesialist og arbeidsgiver.",
    )
    return services.assessment_submit(actor=vera, assessment=draft, version=draft.version)


# A plan the person's GP coordinates ----------------------------------------------------------


@pytest.fixture
def gp_consent(vera: Actor) -> Consent:
    """A person's consent to their GP, given two months ago for most of a year."""
    return consent_give(
        actor=vera,
        person=a_person(),
        partner_service="gp",
        purpose="Individuell plan",
        starts_on=TODAY() - 60 * DAY,
        ends_on=TODAY() + 300 * DAY,
    )


@pytest.fixture
def gp_plan(vera: Actor, gp_consent: Consent) -> IndividualPlan:
    """The plan of the person who consented, coordinated by their GP with NAV and child
    welfare as members and one measure, the GP's, three days overdue."""
    person = gp_consent.person
    services.period_start(
        actor=vera, person=person, caseworker=vera.user, started_on=TODAY() - 120 * DAY
    )
    plan = services.individual_plan_create(
        actor=vera,
        person=person,
        coordinator="gp",
        members=["nav", "child_welfare"],
        goals="Stabil helse og arbeidstrening på deltid.",
    )
    services.plan_measure_add(
        actor=vera,
        plan=plan,
        text="Vurdere arbeidsevnen",
        responsible_service="gp",
        deadline=TODAY() - 3 * DAY,
    )
    return IndividualPlan.objects.select_related("person").get(pk=plan.pk)


@pytest.fixture
def gp_measure(gp_plan: IndividualPlan) -> PlanMeasure:
    """The GP's overdue measure in their plan."""
    return gp_plan.measures.get()
