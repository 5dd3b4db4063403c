"""The office's pages: the queue (emergencies first, then the oldest; a count and a filter
per state), the case, the documentation request, the decision with every mistake shown at
once, the letter with its LIX and the reduction after a breach."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.models import User
from velferd.assistance.models import Application, ApplicationStatus, Decision
from velferd.audit.models import AccessEvent
from velferd.core.testing import rows
from velferd.people.tests.factories import a_consent, a_person, at_sagene

from .factories import an_application, days_ago, guideline_rates

pytestmark = pytest.mark.django_db


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def years_ago(years: int) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years, day=min(today.day, 28))


def test_the_queue_shows_emergencies_first_then_the_oldest_with_counts() -> None:
    before = Application.objects.filter(
        office__unit_number="0317",
        status__in=("submitted", "awaiting_documentation", "ready_for_decision"),
    )
    shown_before, new_before = before.count(), before.filter(status="submitted").count()
    old = an_application(submitted_at=days_ago(10))
    new = an_application(submitted_at=days_ago(1))
    urgent = an_application(submitted_at=days_ago(0), emergency=True)
    waiting = an_application(status=ApplicationStatus.AWAITING_DOCUMENTATION)
    an_application(at_sagene())
    html = client_of("sosialkonsulent").get("/assistance/queue/").content.decode()
    shown = [row for row in rows(html, "queue")]
    order = [str(a.reference) for a in (urgent, old, new)]
    positions = [next(i for i, row in enumerate(shown) if ref in row) for ref in order]
    assert positions == sorted(positions)
    assert len(shown) == shown_before + 4
    count = re.search(r'data-testid="count-submitted">[^<]*', html)
    assert count is not None and f"({new_before + 3})" in count.group(0)
    filtered = client_of("sosialkonsulent").get("/assistance/queue/?status=awaiting_documentation")
    assert [
        str(waiting.reference) in row for row in rows(filtered.content.decode(), "queue")
    ].count(True) == 1
    assert AccessEvent.objects.filter(what="assistance_queue").count() >= 4


def test_only_the_offices_municipal_caseworkers_have_a_queue() -> None:
    for login in ("veileder", "innbygger", "admin"):
        assert client_of(login).get("/assistance/queue/").status_code == 403
    assert Client().get("/assistance/queue/").status_code in (302, 401)


def test_the_case_page_shows_the_application_and_logs_the_read() -> None:
    guideline_rates()
    application = an_application(emergency=True)
    response = client_of("sosialkonsulent").get(f"/assistance/cases/{application.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert str(application.reference) in html and 'data-testid="emergency"' in html
    assert "7\xa0850,00 kr" in html  # the single adult's rate in the calculation aid
    assert AccessEvent.objects.filter(what="assistance_application").exists()


def test_the_state_side_reads_a_case_only_with_consent() -> None:
    application = an_application()
    assert client_of("veileder").get(f"/assistance/cases/{application.pk}/").status_code == 404
    a_consent(person=application.person, partner_service="nav_state")
    response = client_of("veileder").get(f"/assistance/cases/{application.pk}/")
    assert response.status_code == 200
    assert 'data-testid="decide-link"' not in response.content.decode()
    assert (
        client_of("veileder").get(f"/assistance/cases/{application.pk}/decide/").status_code == 403
    )


def test_another_offices_case_is_not_found() -> None:
    application = an_application(at_sagene())
    assert (
        client_of("sosialkonsulent").get(f"/assistance/cases/{application.pk}/").status_code == 404
    )


def test_a_documentation_request_from_the_case_page_makes_the_application_wait() -> None:
    application = an_application()
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    response = client_of("sosialkonsulent").post(
        f"/assistance/cases/{application.pk}/documentation/",
        {"version": application.version, "what": "Kontoutskrift for mars", "deadline": deadline},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_DOCUMENTATION
    page = client_of("sosialkonsulent").get(f"/assistance/cases/{application.pk}/")
    assert "Kontoutskrift for mars" in page.content.decode()


def test_a_documentation_request_without_a_deadline_is_shown_with_its_mistakes() -> None:
    application = an_application()
    response = client_of("sosialkonsulent").post(
        f"/assistance/cases/{application.pk}/documentation/",
        {"version": application.version, "what": "", "deadline": ""},
    )
    assert response.status_code == 422
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_the_decision_form_shows_the_missing_reasoning_and_writes_nothing() -> None:
    application = an_application(a_person(birth_date=years_ago(40)))
    response = client_of("sosialkonsulent").post(
        f"/assistance/cases/{application.pk}/decide/",
        {
            "version": application.version,
            "outcome": "granted",
            "amount": "5000",
            "frequency": "one_off",
            "period_start": timezone.localdate(),
            "period_end": timezone.localdate(),
            "reasoning": "",
        },
    )
    assert response.status_code == 422
    assert 'id="error-reasoning"' in response.content.decode()
    assert not Decision.objects.filter(application=application).exists()


def test_a_decision_through_the_pages_shows_its_letter_with_lix_and_may_be_reduced() -> None:
    application = an_application(a_person(birth_date=years_ago(23)))
    today = timezone.localdate()
    client = client_of("sosialkonsulent")
    response = client.post(
        f"/assistance/cases/{application.pk}/decide/",
        {
            "version": application.version,
            "outcome": "granted",
            "amount": "6000",
            "frequency": "monthly",
            "period_start": today,
            "period_end": today + datetime.timedelta(days=59),
            "reasoning": "Du har ingen inntekt nå.",
            "conditions": "Du må søke jobber og vise oss søknadene.",
            "activity": "Jobbklubb hos NAV to dager i uka.",
        },
    )
    assert response.status_code == 302
    made = Decision.objects.get(application=application)
    page = client.get(response["Location"]).content.decode()
    assert "LIX" in page and "Statsforvalteren" in page
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED
    reduced = client.post(
        f"/assistance/decisions/{made.pk}/reduce/",
        {
            "breached_condition": "activity",
            "outcome": "partly_granted",
            "amount": "4000",
            "frequency": "monthly",
            "period_start": today,
            "period_end": made.period_end,
            "reasoning": "Du har ikke møtt på jobbklubben.",
            "conditions": "Du må søke jobber og vise oss søknadene.",
            "activity": "Jobbklubb hos NAV to dager i uka.",
        },
    )
    assert reduced.status_code == 302
    assert Decision.objects.filter(replaces=made, reason="breach_of_condition").exists()


def test_administrators_enter_the_rates_and_caseworkers_read_them() -> None:
    admin = client_of("admin")
    assert (
        admin.post(
            "/assistance/rates/?year=2026", {"kind": "single_adult", "amount": "8100"}
        ).status_code
        == 302
    )
    page = client_of("sosialkonsulent").get("/assistance/rates/?year=2026").content.decode()
    assert "8\xa0100,00 kr" in page and "<form" not in page.split('data-testid="rates"')[1]
    wrong = admin.post("/assistance/rates/?year=2026", {"kind": "couple", "amount": "-5"})
    assert wrong.status_code == 422
    assert client_of("veileder").get("/assistance/rates/").status_code == 403


def test_the_condition_of_activity_is_asked_only_for_applicants_under_30() -> None:
    young = an_application(a_person(birth_date=years_ago(25)))
    older = an_application(a_person(birth_date=years_ago(35)))
    client = client_of("sosialkonsulent")
    assert (
        'data-testid="section-20a"'
        in client.get(f"/assistance/cases/{young.pk}/decide/").content.decode()
    )
    assert (
        'data-testid="section-20a"'
        not in client.get(f"/assistance/cases/{older.pk}/decide/").content.decode()
    )
