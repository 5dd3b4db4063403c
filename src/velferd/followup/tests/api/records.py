"""The people the tests of the follow-up API and pages act on, and their records, each built
for the test through the services at NAV Grünerløkka by the demo's caseworker Vera: a person
with a citizen login of their own, a child and an address, followed up by Vera, with a
decision sent, an activity plan, a question in the dialogue and an individual plan; a
person newly followed up and unassigned who needs an interpreter; a person not followed up;
an assessment awaiting approval. The API's and the pages' conftest import these fixtures."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_user
from velferd.core.testing import login_actor
from velferd.followup import services
from velferd.followup.models import Activity, IndividualPlan, NeedsAssessment, Thread
from velferd.people.models import Person
from velferd.people.tests.factories import a_child, a_person, citizen_of

from .calls import DAY, TODAY

ADDRESS = "Markveien 35"


def vera() -> Actor:
    """Vera Veileder, the demo's state caseworker at NAV Grünerløkka."""
    return login_actor("veileder")


def logged_in(person: Person) -> Client:
    """A client logged in as the person's own login."""
    assert person.user is not None
    client = Client()
    client.force_login(person.user)
    return client


# The person followed up ----------------------------------------------------------------------


@pytest.fixture
def me(db: None) -> Person:
    """A person at NAV Grünerløkka with a citizen login of their own, an address and a child
    of ten, whom Vera has followed up for two months."""
    person = a_person(address_line=ADDRESS, postal_code="0553", postal_town="Oslo")
    citizen_of(person)
    a_child(person=person)
    services.period_start(
        actor=vera(), person=person, caseworker=vera().user, started_on=TODAY() - 60 * DAY
    )
    return person


@pytest.fixture
def own_login(me: Person) -> Actor:
    """The person's own login."""
    return actor_for_user(me.user)


@pytest.fixture
def citizen(me: Person) -> Client:
    """The person's own login, logged in."""
    return logged_in(me)


@pytest.fixture
def decision(me: Person) -> NeedsAssessment:
    """The person's decision (situation-specific needs, get work), sent without approval."""
    draft = services.assessment_create(
        actor=vera(),
        person=me,
        need_group="situation_specific",
        main_goal="get_work",
        reasoning="Du har fagbrev som kokk og vil tilbake i jobb. Etter en skade trenger du "
        "hjelp til å finne en jobb der du ikke står hele dagen.",
        sources=["dialogue", "medical"],
        evidence="Samtale med deg 3. september. Legeerklæring fra fastlegen din.",
    )
    return services.assessment_send(actor=vera(), assessment=draft, version=draft.version)


@pytest.fixture
def jobs(me: Person) -> Activity:
    """A job hunt the office planned and agreed with the person, started a month ago."""
    return services.activity_create(
        actor=vera(),
        person=me,
        kind="job_application",
        title="Søk fire jobber i uka",
        agreed_with_office=True,
        starts_on=TODAY() - 30 * DAY,
        ends_on=TODAY() + 60 * DAY,
    )


@pytest.fixture
def course(me: Person) -> Activity:
    """A course agreed with the office, in progress."""
    planned = services.activity_create(
        actor=vera(),
        person=me,
        kind="scheme",
        title="Jobbsøkerkurs",
        agreed_with_office=True,
        starts_on=TODAY() - 14 * DAY,
        ends_on=TODAY() + 14 * DAY,
    )
    return services.activity_transition(
        actor=vera(), activity=planned, status="in_progress", version=planned.version
    )


@pytest.fixture
def proposal(me: Person, own_login: Actor) -> Activity:
    """An activity the person proposed themselves, not agreed with the office."""
    return services.activity_create(
        actor=own_login,
        person=me,
        kind="own_activity",
        title="Trene tre ganger i uka",
        description="For å bygge opp igjen kneet.",
    )


@pytest.fixture
def meeting(me: Person) -> Activity:
    """A meeting at the office in a week, not agreed."""
    return services.activity_create(
        actor=vera(),
        person=me,
        kind="meeting",
        title="Oppfølgingsmøte",
        meeting_at=timezone.now() + 7 * DAY,
    )


@pytest.fixture
def question(me: Person, own_login: Actor) -> Thread:
    """A question the person asked, waiting for the office, which has not read it."""
    return services.thread_start(
        actor=own_login,
        person=me,
        subject="Spørsmål om jobbsøkerkurset",
        text="Hei! Må jeg ha med meg noe til kurset på mandag?",
    )


@pytest.fixture
def plan(me: Person) -> IndividualPlan:
    """The person's individual plan, coordinated by NAV with the GP as member, one measure."""
    created = services.individual_plan_create(
        actor=vera(),
        person=me,
        coordinator="nav",
        members=["gp"],
        goals="Tilbake i jobb som kokk innen ett år.",
    )
    services.plan_measure_add(
        actor=vera(),
        plan=created,
        text="Avklare arbeidstrening på kjøkken",
        responsible_service="nav",
        deadline=TODAY() + 21 * DAY,
    )
    return created


# Other people --------------------------------------------------------------------------------


@pytest.fixture
def newcomer(db: None) -> Person:
    """A person newly followed up, with no caseworker yet, who needs an Arabic interpreter."""
    person = a_person(language="ar", needs_interpreter=True)
    services.period_start(actor=vera(), person=person)
    return person


@pytest.fixture
def unfollowed(db: None) -> Person:
    """A person at NAV Grünerløkka who is not followed up and has no children."""
    return a_person()


@pytest.fixture
def awaiting(db: None) -> NeedsAssessment:
    """A partially permanent assessment by Vera, awaiting approval by the office's approver,
    of a person the office manager gave her for more than a year."""
    person = a_person()
    services.period_start(
        actor=login_actor("kontorleder"),
        person=person,
        caseworker=vera().user,
        started_on=TODAY() - 400 * DAY,
    )
    draft = services.assessment_create(
        actor=vera(),
        person=person,
        need_group="partially_permanent",
        main_goal="keep_work",
        reasoning="Du kan jobbe halv tid i jobben du har, med tilrettelegging. Det vil vare.",
        sources=["medical", "employer"],
        evidence="Uttalelse fra spesialist og arbeidsgiver.",
    )
    return services.assessment_submit(actor=vera(), assessment=draft, version=draft.version)
