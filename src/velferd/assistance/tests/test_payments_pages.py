"""The office's payments page and the appeal pages, as a caseworker and the person use them."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.assistance.models import Appeal, Payment, PaymentExport
from velferd.assistance.services.payments import plan_payments
from velferd.core.testing import new_user
from velferd.people.tests.factories import a_person

from .factories import an_application
from .payment_factories import a_decision, second_caseworker

pytestmark = pytest.mark.django_db


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_a_second_caseworker_approves_and_sends_the_payments_to_accounting() -> None:
    payment = plan_payments(a_decision(decided_on=datetime.date(2025, 12, 31)))[0]
    second_caseworker("sosial-side")
    client = client_of("sosial-side")
    page = client.get("/assistance/payments/?status=planned")
    assert page.status_code == 200 and "Planlagt" in page.content.decode()

    done = client.post(f"/assistance/payments/{payment.pk}/approve/", {"version": payment.version})
    assert done.status_code == 302 and Payment.objects.get(pk=payment.pk).status == "approved"
    sent = client.post("/assistance/payment-runs/", {"municipality": "0301"}, follow=True)
    assert "sendt til regnskapet" in sent.content.decode()
    run = PaymentExport.objects.get(lines=payment)
    file = client.get(f"/assistance/payment-runs/{run.pk}/file/")
    assert file["Content-Disposition"].endswith(f'-0301-{run.run_number:05d}.csv"')


def test_the_decider_is_told_why_they_cannot_approve() -> None:
    payment = plan_payments(a_decision())[0]
    page = client_of("sosialkonsulent").post(
        f"/assistance/payments/{payment.pk}/approve/", {"version": payment.version}
    )
    assert page.status_code == 403 or "En annen saksbehandler" in page.content.decode()
    assert Payment.objects.get(pk=payment.pk).status == "planned"


def test_the_state_side_does_not_get_the_payments_page() -> None:
    assert client_of("veileder").get("/assistance/payments/").status_code == 403


def test_the_person_appeals_and_the_office_sends_it_to_the_county_governor() -> None:
    citizen = new_user("klager-side", "citizen")
    decision = a_decision(an_application(person=a_person(user=citizen.user), status="decided"))
    person = client_of("klager-side")
    form = person.get(f"/assistance/me/decisions/{decision.pk}/appeal/")
    assert "innen tre uker" in form.content.decode()
    missing = person.post(f"/assistance/me/decisions/{decision.pk}/appeal/", {"grounds": ""})
    assert missing.status_code == 422 and Appeal.objects.count() == 0
    sent = person.post(
        f"/assistance/me/decisions/{decision.pk}/appeal/",
        {"grounds": "Strøm mangler."},
        follow=True,
    )
    appeal = Appeal.objects.get()
    assert "Mottatt" in sent.content.decode()

    office = client_of("sosialkonsulent")
    reference = appeal.decision.application.reference or "-"
    assert reference in office.get("/assistance/appeals/").content.decode()
    office.post(
        f"/assistance/appeals/{appeal.pk}/",
        {"action": "send", "version": appeal.version, "assessment": "Vedtaket står."},
    )
    status = person.get(f"/assistance/appeals/{appeal.pk}/").content.decode()
    assert "Sendt til Statsforvalteren" in status
