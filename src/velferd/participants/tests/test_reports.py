"""The supplier's monthly progress report: one a month (a second is 409), within the
participation and not ahead of time, attended no more than planned; read by the caseworker
and the person on the participation's page, and by no other supplier."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.core.testing import login_actor, refusal
from velferd.participants import services
from velferd.participants.models import Participation, ProgressReport
from velferd.people.tests.factories import a_person, citizen_of
from velferd.schemes.tests.factories import a_supplier

from .supplier_builders import participating, today

pytestmark = pytest.mark.django_db


def this_month() -> datetime.date:
    return today().replace(day=1)


def send(participation: Participation, **values: object) -> ProgressReport:
    fields = {
        "month": this_month(),
        "days_planned": 12,
        "days_attended": 10,
        "text": "Stabilt oppmøte; øver på kundebehandling.",
        **values,
    }
    return services.report_submit(
        actor=login_actor("leverandor"), participation=participation, **fields
    )


def test_one_report_a_month() -> None:
    participation = participating()
    send(participation)
    error = refusal(lambda: send(participation), unchanged=ProgressReport.objects.count)
    assert (error.status, error.code) == (409, "report_exists")


def test_attended_more_than_planned_is_refused() -> None:
    error = refusal(lambda: send(participating(), days_attended=13))
    assert (error.status, error.field) == (422, "days_attended")


def test_a_month_ahead_is_refused() -> None:
    ahead = (this_month() + datetime.timedelta(days=40)).replace(day=1)
    error = refusal(lambda: send(participating(), month=ahead))
    assert (error.status, error.code) == (422, "month_not_begun")


def test_someone_elses_participant_is_not_found() -> None:
    error = refusal(lambda: send(participating(supplier=a_supplier())))
    assert error.status == 404


def test_the_caseworker_and_the_person_read_the_report_on_the_participation_page() -> None:
    person = a_person()
    citizen = citizen_of(person)
    participation = participating(person=person)
    send(participation, text="Møtte presis hver dag.")
    assert citizen.user is not None
    for user in (User.objects.get(username="veileder"), citizen.user):
        client = Client()
        client.force_login(user)
        page = client.get(f"/participants/{participation.pk}/").content.decode()
        assert "Møtte presis hver dag." in page
    answer = Client()
    answer.force_login(citizen.user)
    reports = answer.get(f"/api/v1/participants/participations/{participation.pk}/reports")
    assert [r["text"] for r in reports.json()] == ["Møtte presis hver dag."]


def test_the_form_shows_every_mistake_at_once() -> None:
    participation = participating()
    client = Client()
    client.force_login(User.objects.get(username="leverandor"))
    page = client.post(
        f"/participants/supplier/{participation.pk}/report/",
        {"month": "13.2026", "days_planned": "", "days_attended": "x", "text": ""},
    )
    assert page.status_code == 422
    body = page.content.decode()
    for field in ("month", "days_planned", "days_attended", "text"):
        assert f'id="error-{field}"' in body, field
