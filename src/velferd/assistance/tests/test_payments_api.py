"""Payments, runs and appeals through the API, as the office's system and the person's app
would use them."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.assistance.models import Payment, PaymentExport
from velferd.assistance.services.payments import plan_payments
from velferd.core.testing import new_user
from velferd.people.tests.factories import a_person

from .factories import an_application
from .payment_factories import a_decision, second_caseworker

pytestmark = pytest.mark.django_db
API = "/api/v1/assistance"


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(f"{API}{path}", json.dumps(body), content_type="application/json")


def test_a_payment_from_approval_to_the_accounting_file() -> None:
    payment = plan_payments(a_decision(decided_on=datetime.date(2025, 12, 31)))[0]
    second_caseworker("sosial-api")
    approver = client_of("sosial-api")

    listed = approver.get(f"{API}/payments?status=planned").json()
    mine = [row for row in listed["items"] if row["id"] == str(payment.pk)]
    assert mine[0]["amount"] == "7750.00" and mine[0]["due_on"] == "2026-01-01"
    approved = post(approver, f"/payments/{payment.pk}/approve", {"version": payment.version})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"

    before = PaymentExport.objects.filter(municipality="0301").count()
    run = post(approver, "/payment-runs", {"municipality": "0301"})
    assert run.status_code == 201 and run.json()["run_number"] == before + 1
    again = post(approver, "/payment-runs", {"municipality": "0301"})
    assert again.status_code == 409 and again.json()["code"] == "nothing_to_export"
    file = approver.get(f"{API}/payment-runs/{run.json()['id']}/file")
    assert file.status_code == 200 and file["X-Content-Type-Options"] == "nosniff"
    assert str(payment.pk) in file.content.decode()
    assert (
        client_of("veileder").get(f"{API}/payment-runs/{run.json()['id']}/file").status_code == 404
    )


def test_the_decider_and_the_state_side_are_refused_in_both_languages() -> None:
    payment = plan_payments(a_decision())[0]
    own = post(client_of("sosialkonsulent"), f"/payments/{payment.pk}/approve", {"version": 1})
    assert own.status_code == 403 and own.json()["code"] == "approver_is_decider"
    assert (
        post(client_of("veileder"), f"/payments/{payment.pk}/approve", {"version": 1}).status_code
        == 403
    )
    assert post(client_of("veileder"), "/payment-runs", {"municipality": "0301"}).status_code == 403
    bad = post(client_of("sosialkonsulent"), "/payment-runs", {"municipality": "Oslo"})
    assert bad.status_code in (404, 422) and bad.json()["field"] == "municipality"
    assert Payment.objects.get(pk=payment.pk).status == "planned"
    assert not PaymentExport.objects.filter(lines=payment).exists()


def test_the_person_appeals_and_follows_the_appeal() -> None:
    citizen = new_user("klager", "citizen")
    person = a_person(user=citizen.user)
    decision = a_decision(an_application(person=person, status="decided"))
    client = client_of("klager")

    lodged = post(client, f"/decisions/{decision.pk}/appeals", {"grounds": "Strømmen mangler."})
    assert lodged.status_code == 201
    body = lodged.json()
    assert body["status"] == "received" and body["deadline"] == "2026-01-23"
    empty = post(client, f"/decisions/{decision.pk}/appeals", {"grounds": " "})
    assert empty.status_code == 409 or empty.json()["field"] == "grounds"

    office = client_of("sosialkonsulent")
    assert [a["id"] for a in office.get(f"{API}/appeals").json()["items"]] == [body["id"]]
    sent = post(office, f"/appeals/{body['id']}/send", {"version": 1, "assessment": "Står."})
    assert sent.status_code == 200 and sent.json()["status"] == "sent_to_county_governor"
    mine = client.get(f"{API}/appeals/{body['id']}").json()
    assert mine["status"] == "sent_to_county_governor" and mine["sent_on"] is not None
    outcome = post(
        office, f"/appeals/{body['id']}/county-governor", {"version": 2, "outcome": "maybe"}
    )
    assert outcome.status_code == 422
    assert client_of("veileder").get(f"{API}/appeals/{body['id']}").status_code == 404
