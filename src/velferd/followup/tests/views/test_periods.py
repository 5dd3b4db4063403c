"""A person's overview for staff, the one logged read it makes, hidden and out-of-scope
people, and who may assign a caseworker."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from velferd.core.testing import nb, row_of
from velferd.followup.models import Thread
from velferd.people.models import Person
from velferd.people.tests.factories import confidential, office_employee, strictly_confidential

from ..api.calls import TODAY
from ..api.records import ADDRESS
from .pages import Login, access_events_about, by_testid

pytestmark = pytest.mark.django_db


class TestOverview:
    @pytest.mark.usefixtures("decision", "jobs", "course", "proposal", "meeting")
    def test_shows_the_children_banner_the_decision_the_plan_and_the_dialogue(
        self, veileder: Client, me: Person, question: Thread
    ) -> None:
        response = veileder.get(f"/people/{me.pk}/")

        assert response.status_code == 200
        assertTemplateUsed(response, "followup/overview.html")
        html = response.content.decode()
        assert by_testid(html, "children-banner").strip()
        decision = by_testid(html, "decision")
        assert TODAY().strftime("%d.%m.%Y") in decision
        for title in ("Søk fire jobber i uka", "Jobbsøkerkurs"):
            assert "tag--agreed" in row_of(html, "activities", title)
        for title in ("Trene tre ganger i uka", "Oppfølgingsmøte"):
            assert "tag--agreed" not in row_of(html, "activities", title)
        threads = by_testid(html, "threads")
        assert "Spørsmål om jobbsøkerkurset" in threads
        assert f'href="/threads/{question.pk}/"' in threads
        assert "tag--new" in threads

    def test_shows_the_caseworker_and_the_address(self, veileder: Client, me: Person) -> None:
        response = veileder.get(f"/people/{me.pk}/")

        assertContains(response, "Vera Veileder")
        assertContains(response, ADDRESS)

    def test_a_protected_address_is_not_shown_only_that_it_is_protected(
        self, veileder: Client
    ) -> None:
        response = veileder.get(f"/people/{confidential().pk}/")

        assert response.status_code == 200
        assertNotContains(response, "Hemmelig vei")
        assertContains(response, nb("Protected address: the address is not shown."))

    def test_a_person_without_children_has_no_children_banner(
        self, veileder: Client, unfollowed: Person
    ) -> None:
        response = veileder.get(f"/people/{unfollowed.pk}/")

        assertNotContains(response, 'data-testid="children-banner"')

    def test_opening_it_writes_exactly_one_access_event(self, veileder: Client, me: Person) -> None:
        before = len(access_events_about(me))

        veileder.get(f"/people/{me.pk}/")

        events = access_events_about(me)
        assert len(events) == before + 1
        event = events[-1]
        assert event.actor is not None and event.actor.username == "veileder"
        assert event.actor_role == "caseworker_state"
        assert event.actor_unit == "NAV Grünerløkka"
        assert event.what == "person.overview"
        assert event.purpose == "follow_up"
        assert event.subject_type == "people.person"

    def test_a_strictly_confidential_person_is_404_and_nothing_is_logged(
        self, veileder: Client
    ) -> None:
        hidden = strictly_confidential()

        response = veileder.get(f"/people/{hidden.pk}/")

        assert response.status_code == 404
        assertNotContains(response, hidden.given_name, status_code=404)
        assert access_events_about(hidden) == []

    def test_an_office_employee_is_403_for_an_uncleared_caseworker(self, veileder: Client) -> None:
        employee = office_employee()

        response = veileder.get(f"/people/{employee.pk}/")

        assert response.status_code == 403
        assertNotContains(response, employee.given_name, status_code=403)
        assertContains(response, "Du har ikke tilgang til dette.", status_code=403)
        assert access_events_about(employee) == []

    def test_the_office_manager_can_assign_a_caseworker_and_a_caseworker_cannot(
        self, veileder: Client, client_as: Login, newcomer: Person
    ) -> None:
        period = newcomer.periods.get()
        assign = f'action="/periods/{period.pk}/assign/"'

        assertContains(client_as("kontorleder").get(f"/people/{newcomer.pk}/"), assign)
        assertNotContains(veileder.get(f"/people/{newcomer.pk}/"), assign)
