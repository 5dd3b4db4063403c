"""The caseworker's work today, the approver's decisions and the office manager's office:
each list shows the records built here for the caseworker's own people, and never a
strictly confidential person (to whom is not cleared), another office's person or another
caseworker's."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.audit.models import AccessEvent
from velferd.core.testing import login_actor, new_user, staff_at
from velferd.followup import services as followup_services
from velferd.followup.models import (
    ActivityKind,
    ActivityStatus,
    AssessmentStatus,
    NeedGroup,
    Waiting,
)
from velferd.followup.tests.factories import (
    a_period,
    a_thread,
    an_activity,
    an_assessment,
    days_ago,
)
from velferd.organisation.selectors import office
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, at_sagene, strictly_confidential

from .pages import box, count_in

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def followed_by(actor: Actor, person: Person, started: int = 30) -> Person:
    a_period(person=person, caseworker=actor.user, started_on=days_ago(started))
    return person


def with_everything(person: Person, author: Actor) -> None:
    """A question waiting for the office, a meeting today, an activity ended a week ago and a
    decision sent to the approver."""
    a_thread(person=person, subject="Spørsmål om kurset", waiting_for=Waiting.OFFICE)
    an_activity(
        person=person,
        kind=ActivityKind.MEETING,
        title="Oppfølgingsmøte",
        meeting_at=timezone.localtime().replace(hour=12, minute=0),
    )
    an_activity(person=person, title="Søke jobber", ends_on=days_ago(7), starts_on=days_ago(30))
    an_assessment(
        person=person,
        period=person.periods.get(),
        status=AssessmentStatus.AWAITING_APPROVAL,
        need_group=NeedGroup.PARTIALLY_PERMANENT,
        main_goal="",
        author=author.user,
    )


@pytest.fixture
def vera() -> Actor:
    return login_actor("veileder")


def test_the_caseworker_lands_on_their_work_today_after_login(client: Client) -> None:
    response = client.post("/login/", {"username": "veileder", "password": "velferd-demo-2026"})
    assert response.status_code == 302
    assert response["Location"] == "/start/"
    page = client.get("/start/").content.decode()
    assert 'data-testid="start-caseworker"' in page


def test_each_list_shows_the_caseworkers_own_people(client_as: Login, vera: Actor) -> None:
    mine = followed_by(vera, a_person(given_name="Mina", family_name="Minesen"))
    with_everything(mine, vera)
    page = client_as("veileder").get("/start/").content.decode()
    link = f'href="/people/{mine.pk}/"'
    for testid in ("start-waiting", "start-meetings", "start-overdue", "start-decisions"):
        assert link in box(page, testid), testid
        assert "Mina Minesen" in box(page, testid)
    assert "Spørsmål om kurset" in box(page, "start-waiting")
    assert "12:00" in box(page, "start-meetings")
    assert "Søke jobber" in box(page, "start-overdue")
    assert days_ago(7).strftime("%d.%m.%Y") in box(page, "start-overdue")


def test_the_counts_in_the_headings_count_every_line(client_as: Login, vera: Actor) -> None:
    before = count_in(client_as("veileder").get("/start/").content.decode(), "start-overdue")
    for n in range(12):
        person = followed_by(vera, a_person(given_name=f"Person{n}"))
        an_activity(person=person, ends_on=days_ago(2), starts_on=days_ago(9))
    page = client_as("veileder").get("/start/").content.decode()
    assert count_in(page, "start-overdue") == before + 12
    assert box(page, "start-overdue").count("<li>") == 10
    assert "flag=overdue_activities" in box(page, "start-overdue")


def test_people_new_to_the_caseworker_are_those_started_in_the_last_two_weeks(
    client_as: Login, vera: Actor
) -> None:
    new = followed_by(vera, a_person(given_name="Nyfrid", family_name="Nysen"), started=3)
    old = followed_by(vera, a_person(given_name="Gammelfrid", family_name="Gamlesen"), started=40)
    new_box = box(client_as("veileder").get("/start/").content.decode(), "start-new")
    assert "Nyfrid Nysen" in new_box and str(new.pk) in new_box
    assert days_ago(3).strftime("%d.%m.%Y") in new_box
    assert "Gammelfrid" not in new_box and str(old.pk) not in new_box


def test_a_person_given_to_the_caseworker_this_week_is_new_to_them(
    client_as: Login, vera: Actor
) -> None:
    """Followed up for months, then given to the caseworker by the office manager."""
    person = a_person(given_name="Overført", family_name="Nylig")
    period = a_period(person=person, started_on=days_ago(90))
    assert vera.user is not None
    followup_services.period_assign(
        actor=login_actor("kontorleder"), period=period, caseworker=vera.user, version=1
    )
    new_box = box(client_as("veileder").get("/start/").content.decode(), "start-new")
    assert "Overført Nylig" in new_box
    assert f'href="/people/{person.pk}/"' in new_box


def test_hidden_and_foreign_people_are_in_no_list(client_as: Login, vera: Actor) -> None:
    """A strictly confidential person and a person at NAV Sagene, each followed by the
    caseworker with everything on record (their decisions written by the caseworker), and
    another caseworker's person: none of them shows, and no count counts them."""
    before = client_as("veileder").get("/start/").content.decode()
    hidden = followed_by(vera, strictly_confidential(given_name="Skjult", family_name="Hemmelig"))
    elsewhere = followed_by(vera, at_sagene(given_name="Sagene", family_name="Borte"))
    other = staff_at("0317", "annen-veileder")
    theirs = followed_by(other, a_person(given_name="Annens", family_name="Person"))
    with_everything(hidden, vera)
    with_everything(elsewhere, vera)
    with_everything(theirs, other)
    after = client_as("veileder").get("/start/").content.decode()
    for name in ("Skjult", "Hemmelig", "Sagene Borte", "Annens Person"):
        assert name not in after
    for testid in ("start-waiting", "start-meetings", "start-overdue", "start-new"):
        assert count_in(after, testid) == count_in(before, testid), testid


def test_a_cleared_caseworker_sees_the_strictly_confidential_person_they_follow(
    client_as: Login,
) -> None:
    cleared = new_user("klarert", Role.CASEWORKER_STATE, office=office("0317"))
    assert cleared.user is not None
    cleared.user.cleared_strictly_confidential = True
    cleared.user.save(update_fields=["cleared_strictly_confidential"])
    hidden = followed_by(cleared, strictly_confidential(given_name="Skjult", family_name="Synlig"))
    an_activity(person=hidden, title="Forfalt", ends_on=days_ago(3), starts_on=days_ago(10))
    page = client_as("klarert").get("/start/").content.decode()
    assert "Skjult Synlig" in box(page, "start-overdue")


def test_the_start_page_logs_no_read_of_the_people_it_lists(client_as: Login, vera: Actor) -> None:
    """As the portfolio: a list of people is not a read of each; opening one is."""
    mine = followed_by(vera, a_person(given_name="Logga"))
    with_everything(mine, vera)
    client_as("veileder").get("/start/")
    assert not AccessEvent.objects.filter(subject_id=str(mine.pk)).exists()


def test_the_approver_sees_the_decisions_sent_to_them(client_as: Login, vera: Actor) -> None:
    person = followed_by(vera, a_person(given_name="Vedtaks", family_name="Venter"))
    an_assessment(
        person=person,
        period=person.periods.get(),
        status=AssessmentStatus.AWAITING_APPROVAL,
        need_group=NeedGroup.PARTIALLY_PERMANENT,
        main_goal="",
    )
    page = client_as("beslutter").get("/start/").content.decode()
    approvals = box(page, "start-approver")
    assert "Vedtaks Venter" in approvals
    assert f'href="/people/{person.pk}/"' in approvals
    assert 'data-testid="start-caseworker"' not in page


def test_the_office_manager_sees_the_people_without_a_caseworker(client_as: Login) -> None:
    waiting = a_person(given_name="Uten", family_name="Veileder")
    a_period(person=waiting, started_on=days_ago(5))
    elsewhere = at_sagene(given_name="Sagene", family_name="Uten")
    a_period(person=elsewhere)
    page = client_as("kontorleder").get("/start/").content.decode()
    unassigned = box(page, "start-unassigned")
    assert "Uten Veileder" in unassigned
    assert "Sagene Uten" not in page
    assert "flag=unassigned" in box(page, "start-office-manager")


def test_a_meeting_cancelled_or_on_another_day_is_not_today(client_as: Login, vera: Actor) -> None:
    person = followed_by(vera, a_person(given_name="Møte", family_name="Ikke"))
    an_activity(
        person=person,
        kind=ActivityKind.MEETING,
        meeting_at=timezone.now() + datetime.timedelta(days=2),
    )
    an_activity(
        person=person,
        kind=ActivityKind.MEETING,
        status=ActivityStatus.CANCELLED,
        meeting_at=timezone.localtime().replace(hour=10),
    )
    page = client_as("veileder").get("/start/").content.decode()
    assert "Møte Ikke" not in box(page, "start-meetings")
