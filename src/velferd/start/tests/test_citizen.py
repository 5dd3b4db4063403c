"""The citizen's overview: what waits for them first (NAV's suggestion, a message from NAV
not read or not answered, a decision they may still appeal), then their plan, messages and
decisions; in plain bokmål or in English, and nothing of anyone else's. And the partner's
plans, only while the person's consent holds."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from velferd.core.testing import choose_english, login_actor
from velferd.followup.models import AssessmentStatus, Waiting
from velferd.followup.tests.factories import (
    PlanMemberFactory,
    a_period,
    a_plan,
    a_thread,
    an_activity,
    an_assessment,
)
from velferd.people.models import Person
from velferd.people.tests.factories import a_consent, a_person, citizen_of

from .pages import box

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def a_member(**fields: object) -> None:
    """The GP as a member of the plan."""
    PlanMemberFactory(**fields)


@pytest.fixture
def me() -> Person:
    person = a_person(given_name="Oline", family_name="Overblikk")
    citizen_of(person, "oline")
    a_period(person=person, caseworker=login_actor("veileder").user)
    return person


def test_nothing_to_do_is_said_plainly(client_as: Login, me: Person) -> None:
    page = client_as("oline").get("/start/").content.decode()
    assert "Du har ingenting du må gjøre nå." in page
    assert 'href="/me/"' in page and 'href="/me/dialogue/"' in page


def test_what_waits_for_the_person_comes_first(client_as: Login, me: Person) -> None:
    suggestion = an_activity(person=me, title="Søk på lagerjobb")
    an_activity(person=me, title="Eget forslag", proposed_by_person=True, status="proposed")
    unread = a_thread(person=me, subject="Innkalling", read_by_person=False)
    waiting = a_thread(person=me, subject="Trenger CV-en din", waiting_for=Waiting.PERSON)
    a_thread(person=me, subject="Ferdig snakket")
    sent = timezone.now() - datetime.timedelta(days=3)
    an_assessment(person=me, period=me.periods.get(), status=AssessmentStatus.SENT, sent_at=sent)
    page = client_as("oline").get("/start/").content.decode()
    tasks = box(page, "start-tasks")
    assert f'href="/activities/{suggestion.pk}/"' in tasks
    assert "Forslag fra NAV: Søk på lagerjobb" in tasks
    assert "Eget forslag" not in tasks
    assert f'href="/threads/{unread.pk}/"' in tasks and "Ny melding fra NAV: Innkalling" in tasks
    assert "NAV venter på svar fra deg: Trenger CV-en din" in tasks and str(waiting.pk) in tasks
    assert "Ferdig snakket" not in tasks
    assert "Du kan klage på vedtaket ditt til og med" in tasks
    assert page.index('data-testid="start-tasks"') < page.index('href="/me/dialogue/"')


def test_a_decision_past_its_appeal_deadline_waits_for_nothing(
    client_as: Login, me: Person
) -> None:
    sent = timezone.now() - datetime.timedelta(days=90)
    an_assessment(person=me, period=me.periods.get(), status=AssessmentStatus.SENT, sent_at=sent)
    page = client_as("oline").get("/start/").content.decode()
    assert "Du kan klage" not in page
    assert "Siste vedtak: " + timezone.localdate(sent).strftime("%d.%m.%Y") in page


def test_another_persons_records_are_not_shown(client_as: Login, me: Person) -> None:
    other = a_person(given_name="Annen", family_name="Innbygger")
    an_activity(person=other, title="Annens aktivitet")
    a_thread(person=other, subject="Annens melding", read_by_person=False)
    page = client_as("oline").get("/start/").content.decode()
    assert "Annens" not in page


def test_a_citizen_login_without_a_case_is_told_so(client_as: Login) -> None:
    from velferd.access.roles import Role
    from velferd.core.testing import new_user

    new_user("uten-sak", Role.CITIZEN)
    page = client_as("uten-sak").get("/start/")
    assert page.status_code == 200
    assert "Du har ingen sak hos NAV." in page.content.decode()


def test_the_partner_sees_the_plans_they_take_part_in_while_consent_holds(
    client_as: Login,
) -> None:
    with_consent = a_person(given_name="Samtykke", family_name="Gitt")
    a_consent(person=with_consent)
    with_plan = a_plan(person=with_consent)
    a_member(plan=with_plan)
    without = a_person(given_name="Samtykke", family_name="Mangler")
    a_member(plan=a_plan(person=without))
    page = client_as("fastlege").get("/start/").content.decode()
    plans = box(page, "start-partner")
    assert f'href="/plans/{with_plan.pk}/"' in plans and "Samtykke Gitt" in plans
    assert "Samtykke Mangler" not in page


def test_the_page_speaks_english_to_whom_chose_it(client_as: Login, me: Person) -> None:
    client = choose_english(client_as("oline"))
    page = client.get("/start/").content.decode()
    assert "For you to do" in page and "You have nothing to do right now." in page
