"""The employers pages: they render for those who may see them, refuse the others, and
show a refusal's message beside the form that caused it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.template.defaultfilters import floatformat
from django.test import Client
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from velferd.employers.models import Cooperation, Enterprise, SubTheme, Survey

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def bergen() -> Cooperation:
    return Cooperation.objects.get(enterprise__organisation_number="987654309", is_open=True)


def test_the_advisors_list_shows_their_county(client_as: Login) -> None:
    response = client_as("ia-radgiver").get("/employers/")
    assertContains(response, "Bergen Omsorg AS")
    assertNotContains(response, "Oslo Renhold AS")
    assertContains(response, 'href="/employers/"')  # the advisor's link in the menu


def test_the_list_filters_by_cooperation_status(client_as: Login) -> None:
    response = client_as("ia-radgiver").get("/employers/?status=not_relevant")
    assertContains(response, "Vestlandsbuss AS")
    assertNotContains(response, "Bergen Omsorg AS")


def test_the_enterprise_page_shows_contact_person_status_and_buttons(client_as: Login) -> None:
    response = client_as("ia-radgiver").get("/employers/987654309/")
    assertContains(response, "Ivar IA-rådgiver")
    assertContains(response, "NAV Arbeidslivssenter Vestland")
    assertContains(response, 'data-testid="move-activate"')
    assertContains(response, 'data-testid="move-skip"')
    assertNotContains(response, 'data-testid="move-complete"')


def test_the_employer_reads_their_own_page_without_buttons(client_as: Login) -> None:
    employer = client_as("arbeidsgiver")
    response = employer.get("/employers/mine/")
    assertContains(response, "Bergen Omsorg AS")
    assertContains(response, "Ivar IA-rådgiver")
    assertNotContains(response, 'data-testid="move-')
    assertContains(response, 'data-testid="subsidy-form"')
    assert employer.get("/employers/964330123/").status_code == 404
    assert employer.get("/employers/budgets/").status_code == 403


@pytest.mark.parametrize("login", ["analytiker", "veileder", "innbygger"])
def test_others_are_refused(client_as: Login, login: str) -> None:
    assert client_as(login).get("/employers/987654309/").status_code == 404
    assert client_as(login).get("/employers/").status_code == 403


def test_skipping_without_a_reason_shows_the_message_beside_the_skip_form(
    client_as: Login,
) -> None:
    cooperation = bergen()
    response = client_as("ia-radgiver").post(
        f"/employers/cooperations/{cooperation.pk}/move/",
        {"move": "skip", "version": cooperation.version, "reason": ""},
    )
    assert response.status_code == 422
    assertContains(response, 'data-testid="error-skip"', status_code=422)
    assertContains(response, "Velg en årsak.", status_code=422)
    assert bergen().status == "assessing"


def test_activating_redirects_to_the_page_with_the_new_status(client_as: Login) -> None:
    advisor = client_as("ia-radgiver")
    cooperation = bergen()
    response = advisor.post(
        f"/employers/cooperations/{cooperation.pk}/move/",
        {"move": "activate", "version": cooperation.version},
    )
    assert response.status_code == 302
    page = advisor.get(response["Location"])
    assertContains(page, "Aktiv")


def test_a_sub_theme_form_shows_the_date_error_beside_the_end_date(client_as: Login) -> None:
    response = client_as("ia-radgiver").post(
        f"/employers/cooperations/{bergen().pk}/sub-themes/new/",
        {
            "theme": "sick_leave",
            "title": "Rutiner",
            "goal": "Tidlig kontakt",
            "starts_on": "2026-05-02",
            "ends_on": "2026-05-01",
        },
    )
    assertContains(response, 'id="error-ends_on"', status_code=422)
    assert not SubTheme.objects.filter(title="Rutiner").exists()


def test_a_bad_organisation_number_is_shown_beside_its_field(client_as: Login) -> None:
    response = client_as("ia-radgiver").post(
        "/employers/new/",
        {
            "organisation_number": "123456789",
            "name": "Feil AS",
            "municipality": "4601",
            "industry_code": "11.050",
            "sector": "private",
            "employees": "3",
        },
    )
    assertContains(response, 'id="error-organisation_number"', status_code=422)
    assert not Enterprise.objects.filter(name="Feil AS").exists()


def test_an_open_survey_page_shows_the_count_and_no_results(client_as: Login) -> None:
    survey = Survey.objects.get(cooperation=bergen())
    response = client_as("arbeidsgiver").get(f"/employers/surveys/{survey.pk}/")
    assertContains(response, "6 svar")
    assertContains(response, "Resultatene vises når undersøkelsen er avsluttet.")
    assertNotContains(response, 'data-testid="results"')
    assertContains(response, survey.token)


def test_the_survey_page_masks_small_numbers_once_closed(client_as: Login) -> None:
    survey = Survey.objects.get(cooperation=bergen())
    advisor = client_as("ia-radgiver")
    assert advisor.post(f"/employers/surveys/{survey.pk}/").status_code == 302
    response = client_as("arbeidsgiver").get(f"/employers/surveys/{survey.pk}/")
    # The one question with only two answers on the scale, for everyone and both groups.
    assertContains(response, 'data-testid="masked"', count=3)
    assertContains(response, "Færre enn 3 svar")
    assertContains(response, 'data-testid="results"')


ANSWERS = dict.fromkeys(
    ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"], "3"
)


def test_the_public_answer_page_needs_every_answer(client: Client) -> None:
    survey = Survey.objects.get(cooperation=bergen())
    response = client.post(f"/employers/survey/{survey.token}/", {"group": "employee"})
    assertContains(response, 'id="error-partnership"', status_code=422)
    response = client.post(f"/employers/survey/{survey.token}/", {"group": "employee", **ANSWERS})
    assert response.status_code == 302
    assert survey.responses.count() == 7
    assert client.get("/employers/survey/nope/").status_code == 404


def test_one_answer_per_browser_session(client: Client) -> None:
    survey = Survey.objects.get(cooperation=bergen())
    url = f"/employers/survey/{survey.token}/"
    assert client.post(url, {"group": "employee", **ANSWERS}).status_code == 302

    again = client.get(url)
    assertContains(again, "Du har allerede svart på denne undersøkelsen. Takk for svaret!")
    assertNotContains(again, 'data-testid="survey-form"')
    assertContains(client.post(url, {"group": "manager", **ANSWERS}), "Du har allerede svart",
                   status_code=409)  # fmt: skip
    client.cookies["django_language"] = "en"
    second = client.post(url, {"group": "manager", **ANSWERS})
    assertContains(
        second, "You have already answered this survey. Thank you for your answer!", status_code=409
    )
    assert survey.responses.count() == 7
    assert Client().post(url, {"group": "manager", **ANSWERS}).status_code == 302


def test_the_budget_page_shows_what_remains(client_as: Login) -> None:
    response = client_as("ia-radgiver").get("/employers/budgets/")
    assertContains(response, "Vestland")
    with translation.override("nb"):
        remaining = floatformat(Decimal("3320000.00"), "2g")
    assertContains(response, f"<strong>{remaining} kr</strong>", html=False)


def test_the_page_is_in_english_when_asked(client_as: Login) -> None:
    advisor = client_as("ia-radgiver")
    advisor.cookies["django_language"] = "en"
    assertContains(advisor.get("/employers/987654309/"), "Contact person")


def test_the_enterprise_page_leads_to_its_sick_leave_figures(client_as: Login) -> None:
    employer = client_as("arbeidsgiver")
    response = employer.get("/employers/mine/")
    assertContains(response, 'href="/sick-leave/enterprises/987654309/"')
    assertContains(response, 'href="/sick-leave/"')  # "Sick leave" in the menu
    assert employer.get("/sick-leave/enterprises/987654309/").status_code == 200


def test_the_menu_offers_sick_leave_only_to_those_it_is_for(client_as: Login) -> None:
    assertContains(client_as("analytiker").get("/"), 'href="/sick-leave/"')
    assertNotContains(client_as("veileder").get("/"), 'href="/sick-leave/"')
