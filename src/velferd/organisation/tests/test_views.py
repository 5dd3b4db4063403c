"""The registry's pages: the Ministry, the office directory (with its htmx fragment), an
office, and its partnership agreement with the form only an administrator sees."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from pytest_django.asserts import (
    assertContains,
    assertNotContains,
    assertTemplateNotUsed,
    assertTemplateUsed,
)

from velferd.audit.models import AuditEvent
from velferd.core.testing import choose_english
from velferd.organisation.models import PartnershipAgreement

pytestmark = pytest.mark.django_db

MINIMUM = [
    "state_tasks",
    "social_services",
    "financial_counselling",
    "financial_assistance",
    "temporary_housing",
    "individual_plan",
    "qualification_programme",
]
AGREEMENT = "/offices/5612/agreement/"


def units_on(html: str) -> dict[str, str]:
    """The unit sections of the ministry page, by slug."""
    return dict(
        re.findall(
            r'<section class="unit" id="([a-z-]+)"[^>]*>(.*?)</section>', html, flags=re.DOTALL
        )
    )


def agreement_of(unit_number: str) -> PartnershipAgreement:
    return PartnershipAgreement.objects.get(office__unit_number=unit_number)


def services_of(unit_number: str) -> set[str]:
    return set(agreement_of(unit_number).services.values_list("code", flat=True))


def form(
    services: list[str], *, version: str = "1", notes: str = "", signed_on: str = "2025-03-01"
) -> dict[str, object]:
    return {"services": services, "signed_on": signed_on, "notes": notes, "version": version}


@pytest.fixture
def admin(client_as: Callable[[str], Client]) -> Client:
    return client_as("admin")


class TestMinistryPage:
    def test_lists_all_eight_units_with_their_responsibilities(self, client: Client) -> None:
        response = client.get("/ministry/")

        assert response.status_code == 200
        assertContains(response, "Arbeids- og inkluderingsdepartementet")
        units = units_on(response.content.decode())
        assert list(units) == [
            "labour-market",
            "working-environment-and-safety",
            "finance-and-governance",
            "integration",
            "pension",
            "press-and-communications",
            "administrative-services",
            "welfare-policy",
        ]
        assert "Arbeidsmarkedsavdelingen" in units["labour-market"]
        assert "velfungerende arbeidsmarked" in units["labour-market"]
        assert "pensjonsreformen" in units["pension"]
        assert "IA-avtalen" in units["welfare-policy"]

    def test_only_press_and_communications_is_marked_as_secretary_general_staff(
        self, client: Client
    ) -> None:
        units = units_on(client.get("/ministry/").content.decode())

        marked = [slug for slug, html in units.items() if 'class="tag"' in html]
        assert marked == ["press-and-communications"]
        assert "Del av departementsrådens stab" in units["press-and-communications"]

    def test_in_english_the_units_and_responsibilities_are_in_english(self, client: Client) -> None:
        units = units_on(choose_english(client).get("/ministry/").content.decode())

        assert "Department of Labour Market" in units["labour-market"]
        assert "well-functioning labour market" in units["labour-market"]
        assert "Press and Communications Division" in units["press-and-communications"]

    def test_lists_the_agencies_the_partnership_works_with(self, client: Client) -> None:
        response = client.get("/ministry/")

        assertContains(response, "Arbeids- og velferdsdirektoratet")
        assertContains(response, "Arbeidstilsynet")


class TestDirectoryPage:
    def test_a_search_by_name_shows_the_municipality_and_links_to_its_office(
        self, client: Client
    ) -> None:
        response = client.get("/offices/", {"q": "kautokeino"})

        assert response.status_code == 200
        assertTemplateUsed(response, "organisation/directory.html")
        assertContains(response, "Guovdageaidnu - Kautokeino", count=2)  # hit and office link
        assertContains(response, 'data-testid="directory-hit"', count=1)
        assertContains(response, 'href="/offices/5612/"')
        assertContains(response, "NAV Guovdageaidnu - Kautokeino")
        assertContains(response, 'value="kautokeino"')

    def test_a_search_by_number_finds_the_same_municipality(self, client: Client) -> None:
        response = client.get("/offices/", {"q": "5612"})

        assertContains(response, 'href="/offices/5612/"')

    def test_a_divided_municipality_shows_each_district_with_its_office(
        self, client: Client
    ) -> None:
        response = client.get("/offices/", {"q": "oslo"})

        assertContains(response, 'data-testid="office-link"', count=15)
        assertContains(response, 'href="/offices/0317/"')
        assertContains(response, "Grünerløkka:")

    def test_the_htmx_request_gets_only_the_results_fragment(self, client: Client) -> None:
        response = client.get("/offices/", {"q": "kautokeino"}, HTTP_HX_REQUEST="true")

        assert response.status_code == 200
        assertTemplateUsed(response, "organisation/_directory_results.html")
        assertTemplateNotUsed(response, "base.html")
        assertNotContains(response, "<html")
        assertNotContains(response, "<form")
        assertContains(response, 'href="/offices/5612/"')

    def test_no_match_says_so(self, client: Client) -> None:
        response = client.get("/offices/", {"q": "atlantis"})

        assertContains(response, 'data-testid="no-hits"')
        assertNotContains(response, 'data-testid="directory-hit"')

    def test_without_a_query_the_page_shows_only_the_search_form(self, client: Client) -> None:
        response = client.get("/offices/")

        assert response.status_code == 200
        assertContains(response, 'name="q"')
        assertNotContains(response, 'data-testid="directory-hit"')

    def test_the_page_is_in_norwegian_by_default_and_english_when_chosen(
        self, client: Client
    ) -> None:
        assertContains(client.get("/offices/"), "Finn NAV-kontoret ditt")
        assertContains(choose_english(client).get("/offices/"), "Find your NAV office")


class TestOfficePage:
    def test_shows_the_areas_and_services_of_an_inter_municipal_office(
        self, client: Client
    ) -> None:
        response = client.get("/offices/5614/")

        assert response.status_code == 200
        assertContains(response, "NAV Vest-Finnmark")
        assertContains(response, "Loppa (5614)")
        assertContains(response, "Hasvik (5616)")
        assertContains(response, "Kvalifiseringsprogrammet")
        assertContains(response, "Økonomisk rådgivning")
        assertNotContains(response, "Flyktningtjenesten")  # not in this office's agreement
        assertContains(response, 'href="/offices/5614/agreement/"')

    def test_shows_the_district_of_a_district_office(self, client: Client) -> None:
        response = client.get("/offices/0317/")

        assertContains(response, "Oslo (0301)")
        assertContains(response, "Grünerløkka")

    def test_names_the_iw_centre_of_the_county(self, client: Client) -> None:
        assertContains(client.get("/offices/5612/"), "NAV Arbeidslivssenter Finnmark")

    def test_an_unknown_office_is_a_404_page_saying_so(self, client: Client) -> None:
        response = client.get("/offices/9998/")

        assertContains(response, "Fant ikke kontor 9998.", status_code=404)


class TestAgreementPage:
    def test_an_administrator_sees_the_edit_form_with_the_current_services_ticked(
        self, admin: Client
    ) -> None:
        response = admin.get(AGREEMENT)

        assert response.status_code == 200
        assertContains(response, 'data-testid="agreement-form"')
        assertContains(response, 'name="version" value="1"')
        assertContains(response, 'value="mental_health" checked')
        assertNotContains(response, 'value="housing_assistance" checked')

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "innbygger"])
    def test_others_see_the_services_but_no_form(
        self, client_as: Callable[[str], Client], login: str
    ) -> None:
        response = client_as(login).get(AGREEMENT)

        assert response.status_code == 200
        assertNotContains(response, 'data-testid="agreement-form"')
        assertContains(response, 'data-testid="agreement-services"')
        assertContains(response, "Kvalifiseringsprogrammet")

    def test_anonymous_sees_no_form(self, client: Client) -> None:
        response = client.get(AGREEMENT)

        assert response.status_code == 200
        assertNotContains(response, 'data-testid="agreement-form"')

    def test_the_introduction_is_in_norwegian_by_default(self, client: Client) -> None:
        response = client.get(AGREEMENT)

        assertContains(response, "Avtalen mellom Arbeids- og velferdsetaten og kommunen")
        assertNotContains(response, "The agreement between the Labour and Welfare")

    def test_a_post_without_a_minimum_service_shows_the_error_beside_the_services(
        self, admin: Client
    ) -> None:
        before = services_of("5612")
        events_before = AuditEvent.objects.count()

        response = admin.post(AGREEMENT, form([*MINIMUM[:3], "housing_assistance"]))

        assert response.status_code == 422
        html = response.content.decode()
        field_error = re.search(
            r'<p class="aksel-error-message field-error" '
            r'id="error-services"[^>]*>(.*?)</p>',
            html,
            flags=re.DOTALL,
        )
        assert field_error is not None
        assert "Kvalifiseringsprogrammet" in field_error.group(1)
        assert field_error.group(1).startswith("Avtalen mangler tjenester")
        assert html.index('name="services"') < field_error.start() < html.index("</fieldset>")
        assertContains(response, 'aria-describedby="error-services"', status_code=422)
        # what the user ticked is kept, so they only have to add what is missing
        assertContains(response, 'value="housing_assistance" checked', status_code=422)
        assertNotContains(response, 'value="qualification_programme" checked', status_code=422)
        assert services_of("5612") == before
        assert agreement_of("5612").version == 1
        assert AuditEvent.objects.count() == events_before

    def test_the_error_is_in_english_when_the_user_chose_english(self, admin: Client) -> None:
        response = choose_english(admin).post(AGREEMENT, form(MINIMUM[:3]))

        assertContains(response, "The qualification programme", status_code=422)
        assertContains(response, "The agreement lacks services", status_code=422)

    def test_a_refused_post_keeps_the_notes_the_user_typed(self, admin: Client) -> None:
        response = admin.post(AGREEMENT, form(MINIMUM[:3], notes="Ny avtale fra mars."))

        assertContains(response, "Ny avtale fra mars.", status_code=422)

    def test_a_stale_post_is_409_with_the_message_and_nothing_changes(self, admin: Client) -> None:
        admin.post(AGREEMENT, form([*MINIMUM, "housing_assistance"]))

        response = admin.post(AGREEMENT, form(MINIMUM, version="1"))

        assertContains(response, "Noen andre har endret dette i mellomtiden", status_code=409)
        assert services_of("5612") == {*MINIMUM, "housing_assistance"}

    def test_a_malformed_date_is_shown_beside_the_date(self, admin: Client) -> None:
        response = admin.post(AGREEMENT, form(MINIMUM, signed_on="01.03.2025"))

        assertContains(response, "Skriv datoen som åååå-mm-dd.", status_code=422)
        assert agreement_of("5612").version == 1

    def test_a_successful_post_redirects_and_the_services_change(self, admin: Client) -> None:
        response = admin.post(
            AGREEMENT,
            form([*MINIMUM, "housing_assistance"], notes="Boligsosialt arbeid er lagt til."),
        )

        assert response.status_code == 302
        assert response["Location"] == AGREEMENT
        agreement = agreement_of("5612")
        assert services_of("5612") == {*MINIMUM, "housing_assistance"}
        assert (agreement.version, agreement.notes) == (2, "Boligsosialt arbeid er lagt til.")
        assert str(agreement.signed_on) == "2025-03-01"
        event = AuditEvent.objects.filter(action="agreement.saved").last()
        assert event is not None
        assert event.target_id == str(agreement.pk)
        assert event.actor_label == "Ada Administrator"
        page = admin.get(AGREEMENT)
        assertContains(page, "Avtalen er lagret.")
        assertContains(page, 'name="version" value="2"')
        assertContains(page, 'value="housing_assistance" checked')

    def test_an_anonymous_post_is_sent_to_log_in_and_nothing_changes(self, client: Client) -> None:
        before = services_of("5612")

        response = client.post(AGREEMENT, form(MINIMUM))

        assert response.status_code == 302
        assert response["Location"] == f"/login/?next={AGREEMENT}"
        assert services_of("5612") == before
        assert agreement_of("5612").version == 1

    def test_a_caseworkers_post_is_refused_and_nothing_changes(
        self, client_as: Callable[[str], Client]
    ) -> None:
        before = services_of("0317")

        response = client_as("veileder").post("/offices/0317/agreement/", form(MINIMUM))

        assertContains(response, "Du har ikke tilgang til dette.", status_code=403)
        assert services_of("0317") == before
