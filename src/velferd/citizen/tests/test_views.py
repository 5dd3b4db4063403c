"""The citizen's own pages: my plan with the agreed activities marked, my dialogue, my
decisions, my consents (given and withdrawn by the person), who has looked at my data; a
visitor is sent to log in and a member of staff has no case."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertTemplateUsed

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.services import role_assign
from velferd.audit.models import AccessEvent
from velferd.core.testing import choose_english, field_error, nb, row_of, rows
from velferd.organisation.selectors import office
from velferd.people.models import Consent, Person

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

TODAY = timezone.localdate


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def access_events_about(person_: Person) -> int:
    return AccessEvent.objects.filter(subject_id=str(person_.pk)).count()


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def ola(client_as: Login) -> Client:
    return client_as("innbygger")


class TestMyPlan:
    def test_shows_the_plan_with_the_agreed_activities_marked(self, ola: Client) -> None:
        response = ola.get("/me/")

        assert response.status_code == 200
        assertTemplateUsed(response, "people/my_plan.html")
        html = response.content.decode()
        agreed = nb("Agreed with NAV")
        for title in ("Søk fire jobber i uka", "Jobbsøkerkurs"):
            row = row_of(html, "activities", title)
            assert "tag--agreed" in row
            assert agreed in row
        for title in ("Trene tre ganger i uka", "Oppfølgingsmøte"):
            assert "tag--agreed" not in row_of(html, "activities", title)

    def test_offers_a_button_to_propose_an_activity(self, ola: Client) -> None:
        response = ola.get("/me/")

        assertContains(response, f'href="/people/{person("Ola").pk}/activities/new/"')
        assertContains(response, nb("Propose an activity"))

    def test_links_to_the_decision(self, ola: Client) -> None:
        assertContains(ola.get("/me/"), 'href="/me/decisions/"')

    def test_an_anonymous_visitor_is_sent_to_log_in(self, client: Client) -> None:
        response = client.get("/me/")

        assert response.status_code == 302
        assert response["Location"].startswith("/login/")
        assert "next=/me/" in response["Location"]

    def test_a_member_of_staff_has_no_case_and_gets_404(self, veileder: Client) -> None:
        response = veileder.get("/me/")

        assert response.status_code == 404
        assertContains(response, "Du har ingen sak hos NAV.", status_code=404)

    def test_the_staff_members_no_case_page_is_in_english_when_chosen(
        self, veileder: Client
    ) -> None:
        response = choose_english(veileder).get("/me/decisions/")

        assertContains(response, "You have no case with NAV.", status_code=404)

    def test_opening_ones_own_plan_is_not_logged(self, ola: Client) -> None:
        before = access_events_about(person("Ola"))

        ola.get("/me/")
        ola.get("/me/dialogue/")
        ola.get("/me/decisions/")

        assert access_events_about(person("Ola")) == before


class TestMyDialogue:
    def test_lists_the_persons_conversations(self, ola: Client) -> None:
        response = ola.get("/me/dialogue/")

        assert response.status_code == 200
        assertContains(response, "Spørsmål om jobbsøkerkurset")
        assertContains(response, f'href="/people/{person("Ola").pk}/threads/new/"')


class TestMyDecisions:
    def test_shows_the_decision_letter_as_sent(self, ola: Client) -> None:
        response = ola.get("/me/decisions/")

        assert response.status_code == 200
        assertContains(response, 'data-testid="letter"', count=1)
        assertContains(response, "Vedtak om oppfølging fra NAV")
        assertContains(response, "Hei, Ola.")
        assertContains(response, "Du har fagbrev som kokk")
        assertContains(response, TODAY().strftime("%d.%m.%Y"))


def consent_form(**changes: str) -> dict[str, str]:
    return {
        "partner_service": "gp",
        "purpose": "Fastlegen min kan få vite om aktivitetene mine.",
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + datetime.timedelta(days=90)).isoformat(),
        **changes,
    }


class TestMyConsents:
    def test_giving_a_consent_lists_it_as_valid_with_a_withdraw_button(self, ola: Client) -> None:
        response = ola.post("/me/consents/", consent_form())

        assert response.status_code == 302
        assert response["Location"] == "/me/consents/"
        consent = Consent.objects.get(person=person("Ola"))
        assert consent.holds
        page = ola.get("/me/consents/").content.decode()
        row = row_of(page, "consents", "Fastlegen min")
        assert nb("Valid") in row
        assert f'action="/consents/{consent.pk}/withdraw/"' in row

    def test_withdrawing_stops_the_consent_at_once_and_removes_the_button(
        self, ola: Client
    ) -> None:
        ola.post("/me/consents/", consent_form())
        consent = Consent.objects.get(person=person("Ola"))

        response = ola.post(f"/consents/{consent.pk}/withdraw/")

        assert response.status_code == 302
        assert response["Location"] == "/me/consents/"
        consent.refresh_from_db()
        assert consent.withdrawn_at is not None
        assert not consent.holds
        row = row_of(ola.get("/me/consents/").content.decode(), "consents", "Fastlegen min")
        assert nb("Withdrawn") in row
        assert "/withdraw/" not in row

    def test_a_missing_end_date_is_shown_beside_that_field(self, ola: Client) -> None:
        consents = Consent.objects.count()

        response = ola.post("/me/consents/", consent_form(ends_on=""))

        assert response.status_code == 422
        html = response.content.decode()
        assert field_error(html, "ends_on") == "Sluttdato mangler."
        assert re.search(r'name="purpose"[^>]*value="Fastlegen min', html)
        assert Consent.objects.count() == consents

    def test_withdrawing_by_a_get_is_not_allowed(self, ola: Client) -> None:
        ola.post("/me/consents/", consent_form())
        consent = Consent.objects.get(person=person("Ola"))

        response = ola.get(f"/consents/{consent.pk}/withdraw/")

        assert response.status_code == 405
        consent.refresh_from_db()
        assert consent.withdrawn_at is None


class TestMyAccessLog:
    def test_shows_the_office_and_role_of_staff_who_opened_the_overview(
        self, ola: Client, client_as: Login
    ) -> None:
        client_as("veileder").get(f"/people/{person('Ola').pk}/")

        response = ola.get("/me/access-log/")

        assert response.status_code == 200
        [row] = rows(response.content.decode(), "access-log")
        assert "NAV Grünerløkka" in row
        with translation.override("nb"):
            assert str(Role.CASEWORKER_STATE.label) in row
        assert nb("Your follow-up overview") in row
        assert nb("Follow-up towards work") in row

    def test_in_english_the_role_and_reason_are_in_english(
        self, ola: Client, client_as: Login
    ) -> None:
        client_as("beslutter").get(f"/people/{person('Ola').pk}/")

        [row] = rows(choose_english(ola).get("/me/access-log/").content.decode(), "access-log")

        assert "Approver (beslutter)" in row
        assert "Your follow-up overview" in row
        assert "Follow-up towards work" in row

    def test_never_names_the_member_of_staff(self, ola: Client, client_as: Login) -> None:
        client_as("veileder").get(f"/people/{person('Ola').pk}/")
        client_as("beslutter").get(f"/people/{person('Ola').pk}/")

        html = ola.get("/me/access-log/").content.decode()

        assert len(rows(html, "access-log")) == 2
        assert "Vera" not in html
        assert "Berit" not in html

    def test_shows_nothing_about_reads_of_other_people(self, ola: Client, client_as: Login) -> None:
        veileder = client_as("veileder")
        veileder.get(f"/people/{person('Kari').pk}/")
        veileder.get(f"/people/{person('Ahmed').pk}/")

        [only] = rows(ola.get("/me/access-log/").content.decode(), "access-log")

        assert nb("Nobody at NAV has looked at your information yet.") in only

    def test_the_persons_own_visits_are_not_in_the_log(self, ola: Client) -> None:
        ola.get("/me/")
        ola.get(f"/threads/{person('Ola').threads.get().pk}/")

        [only] = rows(ola.get("/me/access-log/").content.decode(), "access-log")

        assert nb("Nobody at NAV has looked at your information yet.") in only

    def test_a_reader_with_two_roles_is_logged_in_the_role_that_let_them_read(
        self, ola: Client, client_as: Login
    ) -> None:
        role_assign(
            actor=system_actor("tests"),
            user=User.objects.get(username="ia-radgiver"),
            role=Role.CASEWORKER_STATE,
            office=office("0317"),
        )
        client_as("ia-radgiver").get(f"/people/{person('Ola').pk}/")

        [row] = rows(choose_english(ola).get("/me/access-log/").content.decode(), "access-log")

        assert "NAV Grünerløkka" in row
        assert "Caseworker, state (veileder)" in row
