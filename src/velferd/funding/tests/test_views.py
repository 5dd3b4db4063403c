"""The funding pages: each shows what its reader may see, a form shows every error at once,
and a claim goes from calculation to the payment file through the pages."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.funding.models import Claim, PaymentExport
from velferd.schemes.tests.factories import a_delivery, a_staff_login, a_supplier, an_agreement

from .factories import a_budget, a_participation, an_approved_commitment, attester

pytestmark = pytest.mark.django_db
NOVEMBER = datetime.date(2026, 11, 1)


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/funding/",
        "/funding/budgets/",
        "/funding/commitments/",
        "/funding/commitments/new/",
        "/funding/claims/",
        "/funding/participation/",
        "/funding/exports/",
    ],
)
def test_the_scheme_manager_reads_every_page(path: str) -> None:
    response = client_of("tiltaksforvalter").get(path)
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/funding/budgets/", "/funding/exports/"])
def test_the_supplier_and_a_caseworker_are_refused_nav_pages(path: str) -> None:
    assert client_of("leverandor").get(path).status_code == 403
    assert client_of("veileder").get(path).status_code == 403


def test_the_budget_form_shows_every_error_at_once() -> None:
    response = client_of("tiltaksforvalter").post(
        "/funding/budgets/", {"county": "03", "scheme_type": "NOPE", "amount": "tolv"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Velg en tiltakstype." in body


def test_the_commitment_form_names_each_missing_field() -> None:
    response = client_of("tiltaksforvalter").post("/funding/commitments/new/", {})
    body = response.content.decode()
    assert response.status_code == 422
    assert body.count("Velg en dato.") >= 2 and "Velg en gjennomføring." in body


def test_a_claim_from_calculation_to_the_payment_file() -> None:
    supplier_record = a_supplier()
    a_staff_login(supplier_record)
    agreement = an_agreement(rate=Decimal("30000.00"), supplier=supplier_record)
    delivery = a_delivery(agreement=agreement, places=1)
    a_budget(delivery)
    an_approved_commitment(delivery)
    a_participation(delivery, "v1", datetime.date(2026, 11, 10), datetime.date(2026, 11, 20), "50")
    manager = client_of("tiltaksforvalter")
    response = manager.post("/funding/claims/", {"month": "2026-11"})
    assert response.status_code == 302
    claim = Claim.objects.get(delivery=delivery, month=NOVEMBER)
    assert claim.amount == Decimal("5500.00")
    supplier = client_of("leverandoransatt")
    page = supplier.get(f"/funding/claims/{claim.pk}/").content.decode()
    assert "5\u00a0500,00\u00a0kr" in page or "5\u00a0500,00 kr" in page
    bad = supplier.post(
        f"/funding/claims/{claim.pk}/",
        {"move": "submit", "version": claim.version, "bank_account": "1234"},
    )
    assert bad.status_code == 422 and "Kontonummeret er ikke gyldig" in bad.content.decode()
    good = supplier.post(
        f"/funding/claims/{claim.pk}/",
        {"move": "submit", "version": claim.version, "bank_account": "8601.11.17947"},
    )
    assert good.status_code == 302
    claim.refresh_from_db()
    attester()  # a scheme manager who did not approve the commitment
    approver_client = client_of("attestant")
    approved = approver_client.post(
        f"/funding/claims/{claim.pk}/", {"move": "approve", "version": claim.version}
    )
    assert approved.status_code == 302
    assert approver_client.post("/funding/exports/").status_code == 302
    export = PaymentExport.objects.get(claims=claim)
    file = approver_client.get(f"/funding/exports/{export.pk}/file/")
    line = f"{claim.pk};{supplier_record.organisation_number};86011117947;550000;"
    assert line in file.content.decode()


def test_the_supplier_enters_a_claim_where_nothing_is_calculated() -> None:
    supplier_record = a_supplier()
    a_staff_login(supplier_record)
    hourly = a_delivery(
        agreement=an_agreement(price_model="agreed_hourly", supplier=supplier_record)
    )
    supplier = client_of("leverandoransatt")
    assert hourly.number in supplier.get("/funding/claims/new/").content.decode()
    wrong = supplier.post("/funding/claims/new/", {"delivery": "", "month": "", "amount": "x"})
    body = wrong.content.decode()
    assert wrong.status_code == 422
    assert "Velg en gjennomføring." in body and "Skriv måneden som åååå-mm" in body
    assert "Skriv beløpet i kroner" in body
    saved = supplier.post(
        "/funding/claims/new/",
        {"delivery": hourly.pk, "month": "2026-11", "amount": "4 500,00", "basis": "30 timer"},
    )
    assert saved.status_code == 302
    claim = Claim.objects.get(delivery=hourly, month=NOVEMBER)
    assert claim.amount == Decimal("4500.00") and claim.basis == "30 timer"
    assert client_of("tiltaksforvalter").get("/funding/claims/new/").status_code == 403
