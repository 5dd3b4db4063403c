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
from velferd.core.testing import choose_english, field_error, login_actor, nb, row_of, rows
from velferd.followup import services as followup_services
from velferd.followup.models import ActivityKind, ActivityStatus
from velferd.followup.tests.factories import (
    a_message,
    a_period,
    a_thread,
    an_activity,
    an_assessment,
)
from velferd.organisation.selectors import office
from velferd.people.models import Consent, Person
from velferd.people.tests.factories import a_person, citizen_of

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

TODAY = timezone.localdate


def access_events_about(person_: Person) -> int:
    return AccessEvent.objects.filter(subject_id=str(person_.pk)).count()


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def me() -> Person:
    """A person at NAV Grünerløkka with a login of their own, followed up by the demo's
    caseworker: a decision sent, two activities agreed with the office and two not, and a
    question of theirs in the dialogue."""
    vera = login_actor("veileder")
    someone = a_person(given_name="Oline", family_name="Innbyggersen")
    own = citizen_of(someone)
    a_period(person=someone, caseworker=vera.user)
    decision = an_assessment(
        person=someone,
        period=someone.periods.get(),
        reasoning="Du har fagbrev som kokk og vil tilbake i jobb.",
        sources=["dialogue"],
    )
    followup_services.assessment_send(actor=vera, assessment=decision, version=decision.version)
    an_activity(person=someone, title="Søk fire jobber i uka", agreed_with_office=True)
    an_activity(
        person=someone,
        kind=ActivityKind.SCHEME,
        title="Jobbsøkerkurs",
        status=ActivityStatus.IN_PROGRESS,
        agreed_with_office=True,
    )
    an_activity(
        person=someone,
        kind=ActivityKind.OWN_ACTIVITY,
        title="Trene tre ganger i uka",
        status=ActivityStatus.PROPOSED,
        proposed_by_person=True,
        created_by=own.user,
    )
    an_activity(
        person=someone,
        kind=ActivityKind.MEETING,
        title="Oppfølgingsmøte",
        starts_on=None,
        ends_on=None,
        meeting_at=timezone.now() + datetime.timedelta(days=7),
    )
    question = a_thread(person=someone, subject="Spørsmål om jobbsøkerkurset")
    a_message(thread=question, author=own.user, author_label=someone.full_name, from_office=False)
    return someone


@pytest.fixture
def ola(me: Person) -> Client:
    """The person's own login, logged in."""
    assert me.user is not None
    client = Client()
    client.force_login(me.user)
    return client


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

    def test_offers_a_button_to_propose_an_activity(self, ola: Client, me: Person) -> None:
        response = ola.get("/me/")

        assertContains(response, f'href="/people/{me.pk}/activities/new/"')
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

    def test_opening_ones_own_plan_is_not_logged(self, ola: Client, me: Person) -> None:
        before = access_events_about(me)

        ola.get("/me/")
        ola.get("/me/dialogue/")
        ola.get("/me/decisions/")

        assert access_events_about(me) == before


class TestMyDialogue:
    def test_lists_the_persons_conversations(self, ola: Client, me: Person) -> None:
        response = ola.get("/me/dialogue/")

        assert response.status_code == 200
        assertContains(response, "Spørsmål om jobbsøkerkurset")
        assertContains(response, f'href="/people/{me.pk}/threads/new/"')


class TestMyDecisions:
    def test_shows_the_decision_letter_as_sent(self, ola: Client, me: Person) -> None:
        response = ola.get("/me/decisions/")

        assert response.status_code == 200
        assertContains(response, 'data-testid="letter"', count=1)
        assertContains(response, "Vedtak om oppfølging fra NAV")
        assertContains(response, f"Hei, {me.given_name}.")
        assertContains(response, "Du har fagbrev som kokk")
        assertContains(response, TODAY().strftime("%d.%m.%Y"))

    def test_offers_to_appeal_the_decision_until_six_weeks_after_it(
        self, ola: Client, me: Person
    ) -> None:
        """forvaltningsloven §§ 28–29: the right to appeal, within six weeks."""
        decision = me.assessments.get()

        response = ola.get("/me/decisions/")

        assertContains(response, f'href="/me/decisions/{decision.pk}/appeal/"', count=1)
        assertContains(response, "Du kan klage til og med")


def consent_form(**changes: str) -> dict[str, str]:
    return {
        "partner_service": "gp",
        "purpose": "Fastlegen min kan få vite om aktivitetene mine.",
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + datetime.timedelta(days=90)).isoformat(),
        **changes,
    }


class TestMyConsents:
    def test_giving_a_consent_lists_it_as_valid_with_a_withdraw_button(
        self, ola: Client, me: Person
    ) -> None:
        response = ola.post("/me/consents/", consent_form())

        assert response.status_code == 302
        assert response["Location"] == "/me/consents/"
        consent = Consent.objects.get(person=me)
        assert consent.holds
        page = ola.get("/me/consents/").content.decode()
        row = row_of(page, "consents", "Fastlegen min")
        assert nb("Valid") in row
        assert f'action="/consents/{consent.pk}/withdraw/"' in row

    def test_withdrawing_stops_the_consent_at_once_and_removes_the_button(
        self, ola: Client, me: Person
    ) -> None:
        ola.post("/me/consents/", consent_form())
        consent = Consent.objects.get(person=me)

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

    def test_withdrawing_by_a_get_is_not_allowed(self, ola: Client, me: Person) -> None:
        ola.post("/me/consents/", consent_form())
        consent = Consent.objects.get(person=me)

        response = ola.get(f"/consents/{consent.pk}/withdraw/")

        assert response.status_code == 405
        consent.refresh_from_db()
        assert consent.withdrawn_at is None


class TestMyAccessLog:
    def test_shows_the_office_and_role_of_staff_who_opened_the_overview(
        self, ola: Client, client_as: Login, me: Person
    ) -> None:
        client_as("veileder").get(f"/people/{me.pk}/")

        response = ola.get("/me/access-log/")

        assert response.status_code == 200
        [row] = rows(response.content.decode(), "access-log")
        assert "NAV Grünerløkka" in row
        with translation.override("nb"):
            assert str(Role.CASEWORKER_STATE.label) in row
        assert nb("Your follow-up overview") in row
        assert nb("Follow-up towards work") in row

    def test_in_english_the_role_and_reason_are_in_english(
        self, ola: Client, client_as: Login, me: Person
    ) -> None:
        client_as("beslutter").get(f"/people/{me.pk}/")

        [row] = rows(choose_english(ola).get("/me/access-log/").content.decode(), "access-log")

        assert "Approver (beslutter)" in row
        assert "Your follow-up overview" in row
        assert "Follow-up towards work" in row

    def test_never_names_the_member_of_staff(
        self, ola: Client, client_as: Login, me: Person
    ) -> None:
        client_as("veileder").get(f"/people/{me.pk}/")
        client_as("beslutter").get(f"/people/{me.pk}/")

        html = ola.get("/me/access-log/").content.decode()

        assert len(rows(html, "access-log")) == 2
        assert "Vera" not in html
        assert "Berit" not in html

    def test_shows_nothing_about_reads_of_other_people(self, ola: Client, client_as: Login) -> None:
        veileder = client_as("veileder")
        veileder.get(f"/people/{a_person().pk}/")
        veileder.get(f"/people/{a_person().pk}/")

        [only] = rows(ola.get("/me/access-log/").content.decode(), "access-log")

        assert nb("Nobody at NAV has looked at your information yet.") in only

    def test_the_persons_own_visits_are_not_in_the_log(self, ola: Client, me: Person) -> None:
        ola.get("/me/")
        ola.get(f"/threads/{me.threads.get().pk}/")

        [only] = rows(ola.get("/me/access-log/").content.decode(), "access-log")

        assert nb("Nobody at NAV has looked at your information yet.") in only

    def test_a_reader_with_two_roles_is_logged_in_the_role_that_let_them_read(
        self, ola: Client, client_as: Login, me: Person
    ) -> None:
        role_assign(
            actor=system_actor("tests"),
            user=User.objects.get(username="ia-radgiver"),
            role=Role.CASEWORKER_STATE,
            office=office("0317"),
        )
        client_as("ia-radgiver").get(f"/people/{me.pk}/")

        [row] = rows(choose_english(ola).get("/me/access-log/").content.decode(), "access-log")

        assert "NAV Grünerløkka" in row
        assert "Caseworker, state (veileder)" in row
