"""The employer's application for expert assistance names every mistake at once in the error
summary, each field marked invalid and tied to its message beside it, the answers kept; a
sent application is confirmed."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.access.actor import Actor
from velferd.access.policies import employers as employer_policies
from velferd.core.testing import assert_every_error_shown
from velferd.employers.models import Enterprise, ExpertAssistance

from .deferrals import DAY, applied, today, vestland_advisor
from .factories import a_representative, an_enterprise

pytestmark = pytest.mark.django_db

REASONS_MISSING = "Begrunnelsen mangler."


@pytest.fixture
def employer() -> Actor:
    return a_representative(an_enterprise(name="Skjemabedrift AS"), "skjema-arbeidsgiver")


def logged_in(actor: Actor) -> Client:
    client = Client()
    assert actor.user is not None
    client.force_login(actor.user)
    return client


def application_page(employer: Actor) -> str:
    [number] = employer_policies.employer_organisation_numbers(employer)
    return f"/employers/{number}/expert-assistance/"


def test_every_mistake_is_named_at_once_and_the_answers_kept(employer: Actor) -> None:
    response = logged_in(employer).post(
        application_page(employer),
        {
            "employee_name": "Per Ansatt",
            "employee_agreed_on": (today() + DAY).isoformat(),
            "sick_leave": "",
            "measures_tried": "Tilrettelagt arbeidstid.",
            "expert_name": "",
            "expert_organisation": "Nøytral Helse AS",
            "expert_organisation_number": "123",
            "assignment": "Kartlegging.",
            "amount": "999 999,00",
        },
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert_every_error_shown(
        html,
        {
            "employee_agreed": "Arbeidstakeren må være enig i søknaden om ekspertbistand.",
            "employee_agreed_on": (
                "Skriv datoen arbeidstakeren sa seg enig (i dag eller tidligere)."
            ),
            "sick_leave": "Velg om sykefraværet er langvarig, hyppig eller begge deler.",
            "expert_name": "Eksperten mangler.",
            "expert_organisation_number": "Organisasjonsnummeret er ikke gyldig.",
            "expert_independent": (
                "Eksperten må være uavhengig: ikke ansatt i virksomheten eller i dens egen "
                "bedriftshelsetjeneste."
            ),
            "amount": html.split('id="error-amount">')[1].split("</p>")[0].strip(),
        },
    )
    assert "Tilskuddet dekker høyst" in html.split('id="error-amount">')[1].split("</p>")[0]
    assert 'value="Per Ansatt"' in html and 'value="999 999,00"' in html
    assert "Tilrettelagt arbeidstid.</textarea>" in html
    assert not ExpertAssistance.objects.filter(enterprise__name="Skjemabedrift AS").exists()


def test_a_sent_application_is_confirmed(employer: Actor) -> None:
    response = logged_in(employer).post(
        application_page(employer),
        {
            "employee_name": "Per Ansatt",
            "employee_agreed": "on",
            "employee_agreed_on": (today() - DAY).isoformat(),
            "sick_leave": "long_and_frequent",
            "measures_tried": "Tilrettelagt arbeidstid.",
            "expert_name": "Siri Ekspert",
            "expert_organisation": "Nøytral Helse AS",
            "expert_independent": "on",
            "assignment": "Kartlegging.",
            "amount": "12 500,00",
        },
        follow=True,
    )

    assert ExpertAssistance.objects.filter(enterprise__name="Skjemabedrift AS").exists()
    assert 'role="status">Søknaden om ekspertbistand er sendt.</div>' in response.content.decode()


def test_a_refusal_without_reasons_is_in_the_summary_beside_the_field(employer: Actor) -> None:
    enterprise = Enterprise.objects.get(name="Skjemabedrift AS")
    application = applied(employer, enterprise)
    url = f"/employers/expert-assistance/{application.pk}/"
    advisor = logged_in(vestland_advisor())

    response = advisor.post(url, {"action": "refuse", "version": application.version})

    assert response.status_code == 422
    assert_every_error_shown(response.content.decode(), {"reason": REASONS_MISSING})
    decided = advisor.post(
        url,
        {"action": "refuse", "version": application.version, "reason": "Ikke prøvd."},
        follow=True,
    )
    assert 'role="status">Avgjørelsen er lagret.</div>' in decided.content.decode()
