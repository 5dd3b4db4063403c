"""People pages: the staff's list with masked numbers and flags, its search, the registration
form with errors beside their fields, and the citizen's own pages (my plan, my decisions, my
consents, who has looked at my data)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.services import role_assign
from velferd.audit.models import AccessEvent, AuditEvent
from velferd.core.identifiers import synthetic_national_id
from velferd.organisation.selectors import office
from velferd.people.models import Consent, Person

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

TODAY = timezone.localdate
NEW_NUMBER = synthetic_national_id(datetime.date(1991, 7, 3), 21)


# Helpers -------------------------------------------------------------------------------------


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def nb(text: str) -> str:
    """A user-facing string as the Norwegian pages show it."""
    with translation.override("nb"):
        return gettext(text)


def choose_english(client: Client) -> Client:
    """The user presses "English" in the header."""
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def rows(html: str, testid: str) -> list[str]:
    """The body rows of the table with this data-testid."""
    table = re.search(rf'<table[^>]*data-testid="{testid}".*?</table>', html, flags=re.DOTALL)
    assert table is not None, f"no table {testid}"
    body = re.search(r"<tbody>(.*?)</tbody>", table.group(0), flags=re.DOTALL)
    assert body is not None
    return re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), flags=re.DOTALL)


def row_of(html: str, testid: str, text: str) -> str:
    [found] = [r for r in rows(html, testid) if text in r]
    return found


def field_error(html: str, name: str) -> str:
    """The error shown beside a form field, or '' if none."""
    found = re.search(rf'<p [^>]*id="error-{name}"[^>]*>(.*?)</p>', html, flags=re.DOTALL)
    return found.group(1).strip() if found else ""


def registration(**changes: str) -> dict[str, str]:
    return {
        "national_id": NEW_NUMBER,
        "given_name": "Sigrid",
        "family_name": "Moe",
        "municipality": "0301",
        "district": "Grünerløkka",
        "address_line": "Sofienberggata 5",
        "postal_code": "0558",
        "postal_town": "Oslo",
        "address_protection": "none",
        "language": "nb",
        "child_name": "Lise",
        "child_birth_date": "2015-04-01",
        **changes,
    }


def access_events_about(person_: Person) -> int:
    return AccessEvent.objects.filter(subject_id=str(person_.pk)).count()


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def ola(client_as: Login) -> Client:
    return client_as("innbygger")


# The staff's list ---------------------------------------------------------------------------


class TestPeopleList:
    def test_lists_ola_with_a_masked_number_linking_to_his_overview(self, veileder: Client) -> None:
        ola = person("Ola")

        response = veileder.get("/people/")

        assert response.status_code == 200
        assertTemplateUsed(response, "people/list.html")
        row = row_of(response.content.decode(), "people", "Ola Nordmann")
        assert f"<code>{ola.national_id[:6]}*****</code>" in row
        assert f'href="/people/{ola.pk}/"' in row
        assert "NAV Grünerløkka" in row

    def test_never_shows_a_full_identity_number(self, veileder: Client) -> None:
        html = veileder.get("/people/").content.decode()

        for someone in Person.objects.all():
            assert someone.national_id not in html

    def test_flags_children_interpreter_and_protected_address_on_the_right_rows(
        self, veileder: Client
    ) -> None:
        html = veileder.get("/people/").content.decode()

        children, interpreter, protected = (
            nb("Children under 18"),
            nb("Interpreter"),
            nb("Protected address"),
        )
        ola = row_of(html, "people", "Ola Nordmann")
        assert children in ola
        assert interpreter not in ola
        ahmed = row_of(html, "people", "Ahmed Ali")
        assert interpreter in ahmed
        assert children not in ahmed
        sofie = row_of(html, "people", "Sofie Berg")
        assert "tag--warn" in sofie
        assert protected in sofie
        assert 'class="tag' not in row_of(html, "people", "Kari Hansen")

    def test_people_hidden_from_the_caseworker_are_not_listed(self, veileder: Client) -> None:
        html = veileder.get("/people/").content.decode()

        assert len(rows(html, "people")) == 7
        assert "Per Skjult" not in html
        assert "Nina Ansatt" not in html

    def test_a_search_by_name_shows_only_the_match(self, veileder: Client) -> None:
        response = veileder.get("/people/", {"q": "nordmann"})

        found = rows(response.content.decode(), "people")
        assert len(found) == 1
        assert "Ola Nordmann" in found[0]
        assertContains(response, 'value="nordmann"')

    def test_a_search_by_identity_number_finds_the_person(self, veileder: Client) -> None:
        number = person("Ahmed").national_id

        found = rows(veileder.get("/people/", {"q": number}).content.decode(), "people")

        assert len(found) == 1
        assert "Ahmed Ali" in found[0]
        assert f"<code>{number[:6]}*****</code>" in found[0]

    def test_a_search_that_matches_nobody_says_so(self, veileder: Client) -> None:
        response = veileder.get("/people/", {"q": "zzzz"})

        [only] = rows(response.content.decode(), "people")
        assert nb("Nobody matches.") in only

    def test_a_search_for_a_strictly_confidential_person_finds_nobody(
        self, veileder: Client
    ) -> None:
        response = veileder.get("/people/", {"q": "Skjult"})

        [only] = rows(response.content.decode(), "people")
        assert nb("Nobody matches.") in only

    def test_the_register_button_is_shown_to_a_caseworker_not_to_an_approver(
        self, veileder: Client, client_as: Login
    ) -> None:
        assertContains(veileder.get("/people/"), 'href="/people/new/"')
        assertNotContains(client_as("beslutter").get("/people/"), 'href="/people/new/"')


# Registering --------------------------------------------------------------------------------


class TestRegisterForm:
    def test_a_valid_registration_goes_to_the_new_persons_overview(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration())

        created = Person.objects.get(national_id=NEW_NUMBER)
        assert response.status_code == 302
        assert response["Location"] == f"/people/{created.pk}/"
        assert created.office.unit_number == "0317"
        assert created.full_name == "Sigrid Moe"
        assert [c.given_name for c in created.children.all()] == ["Lise"]

    def test_an_invalid_number_is_shown_beside_the_field_and_what_was_typed_is_kept(
        self, veileder: Client
    ) -> None:
        wrong = NEW_NUMBER[:-1] + str((int(NEW_NUMBER[-1]) + 1) % 10)
        before = Person.objects.count(), AuditEvent.objects.count()

        response = veileder.post("/people/new/", registration(national_id=wrong))

        assert response.status_code == 422
        html = response.content.decode()
        assert field_error(html, "national_id") == "Fødselsnummeret har feil kontrollsiffer."
        assertNotContains(response, 'data-testid="form-error"', status_code=422)
        assert re.search(rf'name="national_id"[^>]*value="{wrong}"', html)
        assert re.search(r'name="given_name"[^>]*value="Sigrid"', html)
        assert re.search(r'name="family_name"[^>]*value="Moe"', html)
        assert re.search(r'name="district"[^>]*value="Grünerløkka"', html)
        assert re.search(r'name="address_line"[^>]*value="Sofienberggata 5"', html)
        assert (Person.objects.count(), AuditEvent.objects.count()) == before

    def test_the_choices_and_checkboxes_made_are_kept_after_an_error(
        self, veileder: Client
    ) -> None:
        response = veileder.post(
            "/people/new/",
            registration(
                national_id="123",
                address_protection="confidential",
                language="ar",
                needs_interpreter="on",
            ),
        )

        html = response.content.decode()
        assert re.search(r'<option value="confidential"\s+selected', html)
        assert re.search(r'<option value="ar"\s+selected', html)
        assert re.search(r'name="needs_interpreter"\s+checked', html)

    def test_the_children_typed_are_kept_after_an_error(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration(national_id="123"))

        html = response.content.decode()
        assert re.search(r'name="child_name"[^>]*value="Lise"', html)
        assert re.search(r'name="child_birth_date"[^>]*value="2015-04-01"', html)

    def test_a_short_number_is_explained_in_english_for_an_english_user(
        self, veileder: Client
    ) -> None:
        response = choose_english(veileder).post(
            "/people/new/", registration(national_id="0307912")
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "national_id") == (
            "The national identity number must have 11 digits."
        )
        assert not Person.objects.filter(given_name="Sigrid").exists()

    def test_oslo_without_a_district_asks_for_one_beside_that_field(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration(district=""))

        assert response.status_code == 422
        assert "Velg bydel" in field_error(response.content.decode(), "district")
        assert not Person.objects.filter(national_id=NEW_NUMBER).exists()

    def test_a_child_born_in_the_future_is_shown_beside_the_children(
        self, veileder: Client
    ) -> None:
        tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()

        response = veileder.post("/people/new/", registration(child_birth_date=tomorrow))

        assert response.status_code == 422
        assert field_error(response.content.decode(), "children") == (
            "Barnets fødselsdato må være etter forelderens og ikke i framtiden."
        )
        assert not Person.objects.filter(national_id=NEW_NUMBER).exists()

    def test_a_missing_given_name_is_shown_beside_that_field(self, veileder: Client) -> None:
        response = veileder.post("/people/new/", registration(given_name=""))

        assert response.status_code == 422
        assert field_error(response.content.decode(), "given_name") == "Fornavn mangler."


# The citizen's pages ------------------------------------------------------------------------


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
