"""Every list and search, walked as every login that is not cleared for strictly confidential
persons, with such a person seeded in every kind of record: none of them may name the person,
give their identity number or their id. A person the detail page answers 404 for does not
exist in any list either.

The routes come from the API's own schema and the URL conf, so a new list is walked too."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.api import api
from velferd.core.identifiers import synthetic_national_id
from velferd.followup import services as followup
from velferd.participants.models import ChangeProposal, ProgressReport
from velferd.participants.tests.factories import a_participation
from velferd.people import services as people
from velferd.schemes.tests.factories import a_delivery

from .matrix import LOGINS

pytestmark = pytest.mark.django_db

GIVEN, FAMILY = "Hemmelig", "Usynligsen"
# Pages that are not lists or that act rather than show.
NOT_LISTS = ("logout/", "i18n/", "api/v1/", "oidc/")


@dataclass(frozen=True)
class Hidden:
    person_id: str
    national_id: str

    def traces_in(self, body: str, *, with_id: bool = True, asked: str = "") -> list[str]:
        """What of the person the body holds, less what the search asked for (a page
        rightly shows the search back in its search field)."""
        marks = [GIVEN, FAMILY, self.national_id] + ([self.person_id] if with_id else [])
        return [mark for mark in marks if mark in body and mark not in asked]


def _cleared(username: str) -> User:
    user = User.objects.get(username=username)
    user.cleared_strictly_confidential = True
    user.save(update_fields=["cleared_strictly_confidential"])
    return user


def _uncleared(*usernames: str) -> None:
    User.objects.filter(username__in=usernames).update(cleared_strictly_confidential=False)


def _in_another_suppliers_scheme(person: Any, vera: Any) -> None:
    """A participation in another supplier's delivery (the demo supplier sees its own
    participants, strictly confidential ones too, without their address), with a change
    proposal waiting for NAV and a progress report."""
    participation = a_participation(
        person=person, delivery=a_delivery(), status="participating", caseworker=vera.user
    )
    ChangeProposal.objects.create(
        participation=participation,
        kind="extension",
        ends_on=datetime.date(2030, 1, 1),
        proposed_by=vera.user,
    )
    ProgressReport.objects.create(
        participation=participation,
        month=datetime.date(2026, 3, 1),
        days_attended=3,
        days_planned=4,
        text="Skjult rapport",
        submitted_by=vera.user,
    )


@pytest.fixture
def hidden() -> Hidden:
    """A strictly confidential person at NAV Grünerløkka with a follow-up period, a decision
    sent and appealed, an assessment awaiting approval, an activity, a conversation, benefits
    (the state's and the municipality's), a consent, an individual plan with the GP as member
    and a measure, and a reminder note: written by caseworkers cleared for the purpose, who
    then lose the clearance."""
    today = timezone.localdate()
    vera = actor_for_user(_cleared("veileder"))
    social = actor_for_user(_cleared("sosialkonsulent"))
    person = people.person_register(
        actor=vera,
        national_id=synthetic_national_id(datetime.date(1979, 5, 17), 41),
        given_name=GIVEN,
        family_name=FAMILY,
        municipality_number="0301",
        district="Grünerløkka",
        address_protection="strictly_confidential",
    )
    followup.period_start(actor=vera, person=person, caseworker=vera.user)
    decision = followup.assessment_create(
        actor=vera,
        person=person,
        need_group="situation_specific",
        main_goal="get_work",
        reasoning="Trenger hjelp en periode.",
        sources=["dialogue"],
    )
    decision = followup.assessment_send(actor=vera, assessment=decision, version=1)
    followup.appeal_register(actor=vera, decision=decision, grounds="Skjult klage")
    assessment = followup.assessment_create(
        actor=vera,
        person=person,
        need_group="partially_permanent",
        main_goal="keep_work",
        reasoning="Kan arbeide halv tid med tilrettelegging.",
        sources=["medical"],
    )
    followup.assessment_submit(actor=vera, assessment=assessment, version=assessment.version)
    activity = followup.activity_create(
        actor=vera, person=person, kind="meeting", title="Samtale", agreed_with_office=True
    )
    followup.thread_start(actor=vera, person=person, subject="Møte", text="Hei", activity=activity)
    followup.benefit_record(
        actor=vera, person=person, kind="work_assessment_allowance", starts_on=today
    )
    followup.benefit_record(
        actor=social, person=person, kind="financial_assistance", starts_on=today
    )
    people.consent_give(
        actor=vera,
        person=person,
        partner_service="gp",
        purpose="Individuell plan",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=200),
    )
    plan = followup.individual_plan_create(
        actor=vera, person=person, coordinator="nav", members=["gp"], goals="Skjult mål"
    )
    followup.plan_measure_add(
        actor=vera,
        plan=plan,
        text="Skjult tiltak",
        responsible_service="gp",
        deadline=today - datetime.timedelta(days=2),
    )
    followup.reminder_note_add(actor=vera, person=person, text="Husk")
    _in_another_suppliers_scheme(person, vera)
    _uncleared("veileder", "sosialkonsulent")
    return Hidden(person_id=str(person.pk), national_id=person.national_id)


def api_list_routes() -> list[str]:
    """Every GET operation of the API that takes no path parameter: the lists."""
    schema = api.get_openapi_schema()
    return sorted(
        path
        for path, operations in schema["paths"].items()
        if "get" in operations and "{" not in path
    )


def _patterns(resolvers: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for entry in resolvers:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(list(entry.url_patterns), route)
        elif "<" not in route and not route.startswith(NOT_LISTS):
            yield "/" + route.lstrip("^").rstrip("$")


def page_routes() -> list[str]:
    """Every page of the site that takes no path parameter."""
    return sorted(set(_patterns(list(get_resolver().url_patterns))))


def client_for(login: str) -> Client:
    client = Client()
    if login != "anonymous":
        client.force_login(User.objects.get(username=login))
    return client


def queries(hidden: Hidden) -> list[dict[str, str]]:
    """The plain list, and searches by the person's name and identity number."""
    return [{}, {"q": FAMILY}, {"q": GIVEN}, {"q": hidden.national_id}]


def test_the_walk_covers_the_lists_that_hold_people() -> None:
    assert {
        "/api/v1/people/persons",
        "/api/v1/followup/portfolio",
        "/api/v1/followup/individual-plans",
        "/api/v1/followup/appeals",
        "/api/v1/audit/events",
    } <= set(api_list_routes())
    assert {"/people/", "/portfolio/", "/plans/", "/approvals/", "/appeals/", "/audit/"} <= set(
        page_routes()
    )


@pytest.mark.parametrize("login", ["anonymous", *LOGINS])
def test_no_api_list_shows_a_strictly_confidential_person(login: str, hidden: Hidden) -> None:
    client = client_for(login)
    leaks = []
    for path in api_list_routes():
        for params in queries(hidden):
            response = client.get(path, params)
            assert response.status_code < 500, (path, params, response.status_code)
            # The audit trail names records by type and id: never by name or number.
            found = hidden.traces_in(
                response.content.decode(),
                with_id="/audit/" not in path,
                asked=params.get("q", ""),
            )
            if found:
                leaks.append((path, params, found))
    assert leaks == []


@pytest.mark.parametrize("login", ["anonymous", *LOGINS])
def test_no_page_shows_a_strictly_confidential_person(login: str, hidden: Hidden) -> None:
    client = client_for(login)
    leaks = []
    for path in page_routes():
        for params in queries(hidden):
            response = client.get(path, params)
            assert response.status_code < 500, (path, params, response.status_code)
            found = hidden.traces_in(
                response.content.decode(), with_id=path != "/audit/", asked=params.get("q", "")
            )
            if found:
                leaks.append((path, params, found))
    assert leaks == []


def test_the_cleared_caseworker_does_find_the_person(hidden: Hidden) -> None:
    """The walk would find the person if they were there: for a cleared caseworker they are."""
    _cleared("veileder")
    client = client_for("veileder")
    assert hidden.traces_in(client.get("/api/v1/people/persons", {"q": FAMILY}).content.decode())
    assert hidden.traces_in(client.get("/people/", {"q": FAMILY}).content.decode())
    assert hidden.traces_in(client.get("/api/v1/followup/portfolio").content.decode())
