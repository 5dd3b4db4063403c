"""The agreement, delivery, catalogue and outcome contract pages: who reads which, the moves
and a refusal shown beside its field, the catalogue's search as a caseworker finds a place,
and labels and Norwegian dates rather than codes."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.schemes.models import Agreement, AgreementStatus, Delivery

from .agreement_builders import a_draft

pytestmark = pytest.mark.django_db


def client(username: str) -> Client:
    logged_in = Client()
    logged_in.force_login(User.objects.get(username=username))
    return logged_in


def test_the_scheme_manager_reads_the_agreements_and_an_agreements_page() -> None:
    manager = client("tiltaksforvalter")
    listed = manager.get("/schemes/agreements/")
    assert listed.status_code == 200
    text = listed.content.decode()
    assert "AFT Grorud Arbeid og Inkludering" in text
    assert "Nasjonalt fastsatt sats per plass per måned" in text
    agreement = Agreement.objects.get(name="Oppfølging Oslo indre by")
    page = manager.get(f"/schemes/agreements/{agreement.pk}/").content.decode()
    assert "18\xa0950,00 kr" in page
    assert "Oppfølging Grünerløkka" in page
    assert re.search(r"\d{2}\.\d{2}\.\d{4}", page)
    assert "agreed_monthly" not in page


def test_the_framework_shows_its_call_off_and_the_bond_its_pending_payment() -> None:
    manager = client("tiltaksforvalter")
    framework = Agreement.objects.get(name="Rammeavtale gruppe-AMO Oslo")
    page = manager.get(f"/schemes/agreements/{framework.pk}/").content.decode()
    assert "Avrop: Norsk med arbeidspraksis, Grünerløkka" in page
    bond = Agreement.objects.get(price_model="outcome_based")
    outcomes = manager.get(f"/schemes/agreements/{bond.pk}/outcomes/").content.decode()
    assert "1\xa0015\xa0000,00 kr" in outcomes
    assert "Venter på resultater" in outcomes
    assert "Samfunnsinvest Norge AS" in outcomes


def test_cancelling_without_a_reason_is_shown_beside_the_field() -> None:
    draft = a_draft()
    response = client("tiltaksforvalter").post(
        f"/schemes/agreements/{draft.pk}/",
        {"action": "cancel", "version": draft.version, "reason": ""},
    )
    assert response.status_code == 422
    assert "Begrunnelsen mangler." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.DRAFT
    done = client("tiltaksforvalter").post(
        f"/schemes/agreements/{draft.pk}/",
        {"action": "cancel", "version": draft.version, "reason": "Feil leverandør."},
    )
    assert done.status_code == 302
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.CANCELLED


def test_the_supplier_reads_its_own_agreements_only() -> None:
    supplier = client("leverandor")
    text = supplier.get("/schemes/agreements/").content.decode()
    assert "AFT Grorud Arbeid og Inkludering" in text
    assert "Oppfølging Oslo indre by" not in text
    other = Agreement.objects.get(name="Oppfølging Oslo indre by")
    assert supplier.get(f"/schemes/agreements/{other.pk}/").status_code == 404
    assert client("veileder").get("/schemes/agreements/").status_code == 403


def test_a_caseworker_finds_a_place_at_their_office() -> None:
    caseworker = client("veileder")
    response = caseworker.get("/schemes/deliveries/find/", {"free": "1"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Oppfølging Grünerløkka" in text
    assert "Jobbklubb Sagene vår" in text
    by_type = caseworker.get(
        "/schemes/deliveries/find/", {"scheme_type": "AVKLARING"}
    ).content.decode()
    assert "Avklaring Grorud" in by_type and "Oppfølging Grünerløkka" not in by_type
    later = (datetime.date.today() + datetime.timedelta(days=40)).strftime("%d.%m.%Y")
    upcoming = caseworker.get("/schemes/deliveries/find/", {"from": later}).content.decode()
    assert "Jobbklubb Sagene vår" in upcoming and "Avklaring Grorud" not in upcoming
    bad = caseworker.get("/schemes/deliveries/find/", {"from": "i morgen"})
    assert bad.status_code == 422
    assert "dd.mm.åååå" in bad.content.decode()


def test_the_catalogue_is_for_caseworkers_and_a_delivery_page_for_nav_staff() -> None:
    assert client("tiltaksforvalter").get("/schemes/deliveries/find/").status_code == 403
    delivery = Delivery.objects.get(name="Oppfølging Grünerløkka")
    page = client("veileder").get(f"/schemes/deliveries/{delivery.pk}/")
    assert page.status_code == 200
    assert "NAV Grünerløkka" in page.content.decode()
    assert client("innbygger").get(f"/schemes/deliveries/{delivery.pk}/").status_code == 404


def test_the_scheme_manager_records_a_measurement_on_the_page() -> None:
    bond = Agreement.objects.get(price_model="outcome_based")
    contract = bond.outcome_contract
    pending = contract.measurements.get(settlement=None)
    manager = client("tiltaksforvalter")
    refused = manager.post(
        f"/schemes/agreements/{bond.pk}/outcomes/",
        {
            "version": contract.version,
            "measurement": pending.pk,
            "participants": "10",
            "outcomes": "12",
            "comparison_rate": "0,2",
        },
    )
    assert refused.status_code == 422
    assert "flere resultater enn deltakere" in refused.content.decode()
    done = manager.post(
        f"/schemes/agreements/{bond.pk}/outcomes/",
        {
            "version": contract.version,
            "measurement": pending.pk,
            "participants": "40",
            "outcomes": "14",
            "comparison_rate": "0,2",
        },
    )
    assert done.status_code == 302
    pending.refresh_from_db()
    assert str(pending.settlement) == "870000.00"  # (14 − 8) × 145 000


def test_the_scheme_manager_adds_a_rate_and_a_delivery_on_the_agreements_page() -> None:
    agreement = Agreement.objects.get(name="Oppfølging Oslo indre by")
    manager = client("tiltaksforvalter")
    page = f"/schemes/agreements/{agreement.pk}/"
    year = agreement.starts_on.year
    rate = manager.post(
        page,
        {
            "action": "add_rate",
            "version": agreement.version,
            "valid_from": f"01.07.{year}",
            "amount": "19 400,50",
        },
    )
    assert rate.status_code == 302
    assert str(agreement.rates.get(valid_from=datetime.date(year, 7, 1)).amount) == "19400.50"
    outside = manager.post(
        page,
        {
            "action": "add_delivery",
            "name": "Oppfølging Bergen",
            "places": "8",
            "starts_on": f"01.03.{year}",
            "enrolment_mode": "ongoing",
            "offices": ["4602"],
        },
    )
    assert outside.status_code == 422
    assert "utenfor avtalens område" in outside.content.decode()
    made = manager.post(
        page,
        {
            "action": "add_delivery",
            "name": "Oppfølging Sagene",
            "places": "8",
            "starts_on": f"01.03.{year}",
            "enrolment_mode": "fixed_start",
            "offices": ["0320"],
        },
    )
    assert made.status_code == 302
    delivery = Delivery.objects.get(name="Oppfølging Sagene")
    assert delivery.status == "planned" and delivery.places == 8
