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

from velferd.core.testing import login_actor, nb
from velferd.employers import services
from velferd.employers.models import Cooperation, Enterprise, SubTheme, Survey

from .factories import a_budget, a_granted_subsidy, an_enterprise, in_municipality
from .writes import moved

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def page_of(cooperation: Cooperation) -> str:
    return f"/employers/{cooperation.enterprise.organisation_number}/"


def test_the_advisors_list_shows_their_county(client_as: Login, assessed: Cooperation) -> None:
    in_municipality("0301", name="Akerselva Renhold AS")
    response = client_as("ia-radgiver").get("/employers/")
    assertContains(response, "Fjellbekk Omsorg AS")
    assertNotContains(response, "Akerselva Renhold AS")
    assertContains(response, 'href="/employers/"')  # the advisor's link in the menu


def test_the_list_filters_by_cooperation_status(client_as: Login, assessed: Cooperation) -> None:
    advisor = login_actor("ia-radgiver")
    skipped = an_enterprise(name="Kystbuss AS")
    cooperation = services.cooperation_start(actor=advisor, enterprise=skipped)
    moved(advisor, cooperation, "assess", "skip", reason="too_few_lost_workdays")
    response = client_as("ia-radgiver").get("/employers/?status=not_relevant")
    assertContains(response, "Kystbuss AS")
    assertNotContains(response, "Fjellbekk Omsorg AS")


def test_the_enterprise_page_shows_contact_person_status_and_buttons(
    client_as: Login, assessed: Cooperation
) -> None:
    response = client_as("ia-radgiver").get(page_of(assessed))
    assertContains(response, "Ivar IA-rådgiver")
    assertContains(response, "NAV Arbeidslivssenter Vestland")
    assertContains(response, 'data-testid="move-activate"')
    assertContains(response, 'data-testid="move-skip"')
    assertNotContains(response, 'data-testid="move-complete"')


def test_the_employer_reads_their_own_page_without_buttons(
    representative: Client, assessed: Cooperation
) -> None:
    employer = representative
    other = in_municipality("4601")
    response = employer.get("/employers/mine/")
    assertContains(response, "Fjellbekk Omsorg AS")
    assertContains(response, "Ivar IA-rådgiver")
    assertNotContains(response, 'data-testid="move-')
    assertContains(response, 'data-testid="expert-assistance-form"')
    assertNotContains(response, 'data-testid="subsidy-form"')
    assert employer.get(f"/employers/{other.organisation_number}/").status_code == 404
    assert employer.get("/employers/budgets/").status_code == 403


@pytest.mark.parametrize("login", ["analytiker", "veileder", "innbygger"])
def test_others_are_refused(client_as: Login, login: str, assessed: Cooperation) -> None:
    assert client_as(login).get(page_of(assessed)).status_code == 404
    assert client_as(login).get("/employers/").status_code == 403


def test_skipping_without_a_reason_shows_the_message_beside_the_skip_form(
    client_as: Login, assessed: Cooperation
) -> None:
    cooperation = assessed
    response = client_as("ia-radgiver").post(
        f"/employers/cooperations/{cooperation.pk}/move/",
        {"move": "skip", "version": cooperation.version, "reason": ""},
    )
    assert response.status_code == 422
    assertContains(response, 'data-testid="error-skip"', status_code=422)
    assertContains(response, "Velg en årsak.", status_code=422)
    cooperation.refresh_from_db()
    assert cooperation.status == "assessing"


def test_activating_redirects_to_the_page_with_the_new_status(
    client_as: Login, assessed: Cooperation
) -> None:
    advisor = client_as("ia-radgiver")
    cooperation = assessed
    response = advisor.post(
        f"/employers/cooperations/{cooperation.pk}/move/",
        {"move": "activate", "version": cooperation.version},
    )
    assert response.status_code == 302
    page = advisor.get(response["Location"])
    assertContains(page, "Aktiv")


def test_a_sub_theme_form_shows_the_date_error_beside_the_end_date(
    client_as: Login, assessed: Cooperation
) -> None:
    response = client_as("ia-radgiver").post(
        f"/employers/cooperations/{assessed.pk}/sub-themes/new/",
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


def test_an_open_survey_page_shows_the_count_and_no_results(
    representative: Client, assessed: Cooperation
) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    response = representative.get(f"/employers/surveys/{survey.pk}/")
    assertContains(response, "6 svar")
    assertContains(response, "Resultatene vises når undersøkelsen er avsluttet.")
    assertNotContains(response, 'data-testid="results"')
    assertContains(response, survey.token)


def test_the_survey_page_masks_small_numbers_once_closed(
    client_as: Login, representative: Client, assessed: Cooperation
) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    advisor = client_as("ia-radgiver")
    assert advisor.post(f"/employers/surveys/{survey.pk}/").status_code == 302
    response = representative.get(f"/employers/surveys/{survey.pk}/")
    # The one question with only two answers on the scale, for everyone and both groups.
    assertContains(response, 'data-testid="masked"', count=3)
    assertContains(response, "Færre enn 3 svar")
    assertContains(response, 'data-testid="results"')


ANSWERS = dict.fromkeys(
    ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"], "3"
)


def test_the_public_answer_page_needs_every_answer(client: Client, assessed: Cooperation) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    response = client.post(f"/employers/survey/{survey.token}/", {"group": "employee"})
    assertContains(response, 'id="error-partnership"', status_code=422)
    response = client.post(f"/employers/survey/{survey.token}/", {"group": "employee", **ANSWERS})
    assert response.status_code == 302
    assert survey.responses.count() == 7
    assert client.get("/employers/survey/nope/").status_code == 404


def test_one_answer_per_browser_session(client: Client, assessed: Cooperation) -> None:
    survey = Survey.objects.get(cooperation=assessed)
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
    """Finnmark's budget for 2018, with one prevention and facilitation subsidy granted and
    one granted and paid there."""
    advisor, alta = login_actor("ia-56"), in_municipality("5601")
    a_budget(login_actor("admin"), "56", 2018, "3500000.00")
    a_granted_subsidy(advisor, alta, "120000.00")
    a_granted_subsidy(advisor, alta, "60000.00", paid=True)
    response = client_as("ia-56").get("/employers/budgets/?year=2018")
    assertContains(response, nb("Prevention and facilitation subsidy (IA agreement 2014–2018)"))
    assertContains(response, "Finnmark")
    with translation.override("nb"):
        remaining = floatformat(Decimal("3320000.00"), "2g")
    assertContains(response, f"<strong>{remaining} kr</strong>", html=False)


def test_the_page_is_in_english_when_asked(client_as: Login, assessed: Cooperation) -> None:
    advisor = client_as("ia-radgiver")
    advisor.cookies["django_language"] = "en"
    assertContains(advisor.get(page_of(assessed)), "Contact person")


def test_the_enterprise_page_leads_to_its_sick_leave_figures(
    representative: Client, assessed: Cooperation
) -> None:
    figures = f"/sick-leave/enterprises/{assessed.enterprise.organisation_number}/"
    response = representative.get("/employers/mine/")
    assertContains(response, f'href="{figures}"')
    assertContains(response, 'href="/sick-leave/"')  # "Sick leave" in the menu
    assert representative.get(figures).status_code == 200


def test_the_menu_offers_sick_leave_only_to_those_it_is_for(client_as: Login) -> None:
    assertContains(client_as("analytiker").get("/"), 'href="/sick-leave/"')
    assertNotContains(client_as("veileder").get("/"), 'href="/sick-leave/"')
