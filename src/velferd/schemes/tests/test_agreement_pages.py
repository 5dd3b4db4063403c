"""The agreement, delivery, catalogue and outcome contract pages: who reads which, the moves
and a refusal shown beside its field, the catalogue's search as a caseworker finds a place,
and labels and Norwegian dates rather than codes.

Each test reads agreements and deliveries it builds itself through the services, at NAV
Grünerløkka (0317, the demo caseworker's office), named so that no demo record matches."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.models import User
from velferd.schemes import services
from velferd.schemes.models import (
    Agreement,
    AgreementStatus,
    Delivery,
    PriceModel,
    SchemeType,
    Supplier,
)

from .agreement_builders import ALL_MODELS, a_draft, manager
from .factories import a_scheme_type, a_staff_login, a_supplier

pytestmark = pytest.mark.django_db

OWN_AGREEMENT = "AFT Testverkstedet Økern"
OTHERS_AGREEMENT = "Oppfølging Testbyen sentrum"
FOLLOW_UP_DELIVERY = "Oppfølging Testbyen Løkka"
UPCOMING_DELIVERY = "Jobbklubb Testbyen vinter"
CLARIFICATION_DELIVERY = "Avklaring Testbyen"
INVESTOR = "Effektinvest Test AS"


@dataclass
class Scene:
    own: Agreement
    others: Agreement
    framework: Agreement
    bond: Agreement
    follow_up: Delivery
    clarification_type: SchemeType


def client(username: str) -> Client:
    logged_in = Client()
    logged_in.force_login(User.objects.get(username=username))
    return logged_in


def _day(years: int, month: int = 1, day: int = 1) -> datetime.date:
    return datetime.date(timezone.localdate().year + years, month, day)


def _active(supplier: Supplier, scheme_type: SchemeType, name: str, **fields: Any) -> Agreement:
    """An active agreement in Oslo from January last year to December next year, agreed
    at 21 500 kr a month unless another rate (or none, for a national rate) is named."""
    starts_on = fields.pop("starts_on", _day(-1))
    rate = fields.pop("rate", Decimal("21500.00"))
    draft = a_draft(
        supplier=supplier,
        scheme_type=scheme_type,
        name=name,
        starts_on=starts_on,
        ends_on=fields.pop("ends_on", _day(1, 12, 31)),
        rates=[(starts_on, rate)] if rate else [],
        **fields,
    )
    return services.agreement_activate(actor=manager(), agreement=draft, version=draft.version)


def _delivery(agreement: Agreement, name: str, days_from_today: int, running: bool) -> Delivery:
    """A delivery with free places, which NAV Grünerløkka may enrol in."""
    starts_on = timezone.localdate() + datetime.timedelta(days=days_from_today)
    delivery = services.delivery_create(
        actor=manager(),
        agreement=agreement,
        name=name,
        places=12,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=180),
        enrolment_mode="ongoing" if running else "fixed_start",
        offices=["0317"],
    )
    if running:
        delivery = services.delivery_start(
            actor=manager(), delivery=delivery, version=delivery.version
        )
    return delivery


def _bond(supplier: Supplier) -> Agreement:
    """Payment by outcomes: 145 000 kr an outcome over the comparison group, the first
    measurement recorded (40 participants, 17 outcomes, 10 expected: 1 015 000 kr), the
    second pending."""
    draft = a_draft(
        supplier=supplier,
        name="Resultatkontrakt: testunge i jobb",
        starts_on=_day(-2),
        ends_on=_day(2, 12, 31),
        price_model=PriceModel.OUTCOME_BASED,
    )
    contract = services.outcome_contract_create(
        actor=manager(),
        agreement=draft,
        metric="in_work_12_months",
        price_per_outcome=Decimal("145000.00"),
        cap=Decimal("2900000.00"),
        investor_name=INVESTOR,
        investor_organisation_number="921987668",
        has_comparison_group=True,
        comparison_description="Unge ved to andre kontorer, trukket fra samme periode.",
        measurement_dates=[_day(-1, 12, 31), _day(1, 6, 30)],
    )
    bond = services.agreement_activate(actor=manager(), agreement=draft, version=draft.version)
    services.measurement_record(
        actor=manager(),
        measurement=contract.measurements.get(measured_on=_day(-1, 12, 31)),
        version=contract.version,
        participants=40,
        outcomes=17,
        comparison_rate=Decimal("0.2500"),
    )
    return bond


@pytest.fixture
def scene() -> Scene:
    """The staff login's supplier with a nationally rated AFT agreement and a framework with
    a call-off; another supplier's follow-up agreement at 18 950 kr a month with deliveries
    at NAV Grünerløkka; a third supplier's outcome contract."""
    own_supplier, other_supplier = a_supplier(), a_supplier()
    a_staff_login(own_supplier)
    any_model = a_scheme_type(price_models=ALL_MODELS)
    aft = SchemeType.objects.get(code="ARBEIDSFORBEREDENDE_TRENING")
    own = _active(
        own_supplier, aft, OWN_AGREEMENT, price_model=PriceModel.FIXED_MONTHLY_RATE, rate=None
    )
    framework = _active(
        own_supplier,
        any_model,
        "Rammeavtale testopplæring",
        is_framework=True,
        rate=Decimal("3900.00"),
    )
    _active(
        own_supplier,
        any_model,
        "Avrop: Testnorsk med praksis, Løkka",
        framework=framework,
        rate=Decimal("3900.00"),
        starts_on=_day(0),
        ends_on=_day(1, 6, 30),
    )
    others = _active(other_supplier, any_model, OTHERS_AGREEMENT, rate=Decimal("18950.00"))
    follow_up = _delivery(others, FOLLOW_UP_DELIVERY, -60, running=True)
    _delivery(others, UPCOMING_DELIVERY, 60, running=False)
    clarification_type = a_scheme_type(price_models=ALL_MODELS)
    clarifying = _active(other_supplier, clarification_type, "Avklaring Testbyen-avtalen")
    _delivery(clarifying, CLARIFICATION_DELIVERY, -20, running=True)
    return Scene(own, others, framework, _bond(a_supplier()), follow_up, clarification_type)


def test_the_scheme_manager_reads_the_agreements_and_an_agreements_page(scene: Scene) -> None:
    manager_client = client("tiltaksforvalter")
    listed = manager_client.get(
        "/schemes/agreements/", {"scheme_type": "ARBEIDSFORBEREDENDE_TRENING"}
    )
    assert listed.status_code == 200
    row = re.search(rf"<tr>(?:(?!</tr>).)*{OWN_AGREEMENT}.*?</tr>", listed.content.decode(), re.S)
    assert row and "Nasjonalt fastsatt sats per plass per måned" in row.group()
    same_type = {"scheme_type": scene.others.scheme_type.code}
    assert (
        OTHERS_AGREEMENT in manager_client.get("/schemes/agreements/", same_type).content.decode()
    )
    page = manager_client.get(f"/schemes/agreements/{scene.others.pk}/").content.decode()
    assert "18\xa0950,00 kr" in page
    assert FOLLOW_UP_DELIVERY in page
    assert re.search(r"\d{2}\.\d{2}\.\d{4}", page)
    assert "agreed_monthly" not in page


def test_the_framework_shows_its_call_off_and_the_bond_its_pending_payment(scene: Scene) -> None:
    manager_client = client("tiltaksforvalter")
    page = manager_client.get(f"/schemes/agreements/{scene.framework.pk}/").content.decode()
    assert "Avrop: Testnorsk med praksis, Løkka" in page
    outcomes = manager_client.get(f"/schemes/agreements/{scene.bond.pk}/outcomes/").content.decode()
    assert "1\xa0015\xa0000,00 kr" in outcomes
    assert "Venter på resultater" in outcomes
    assert INVESTOR in outcomes


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


def test_the_supplier_reads_its_own_agreements_only(scene: Scene) -> None:
    supplier = client("leverandoransatt")
    text = supplier.get("/schemes/agreements/").content.decode()
    assert OWN_AGREEMENT in text
    assert OTHERS_AGREEMENT not in text
    assert supplier.get(f"/schemes/agreements/{scene.others.pk}/").status_code == 404
    assert client("veileder").get("/schemes/agreements/").status_code == 403


def test_a_caseworker_finds_a_place_at_their_office(scene: Scene) -> None:
    caseworker = client("veileder")
    response = caseworker.get(
        "/schemes/deliveries/find/", {"free": "1", "scheme_type": scene.others.scheme_type.code}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert FOLLOW_UP_DELIVERY in text
    assert UPCOMING_DELIVERY in text
    by_type = caseworker.get(
        "/schemes/deliveries/find/", {"scheme_type": scene.clarification_type.code}
    ).content.decode()
    assert CLARIFICATION_DELIVERY in by_type and FOLLOW_UP_DELIVERY not in by_type
    later = (datetime.date.today() + datetime.timedelta(days=40)).strftime("%d.%m.%Y")
    upcoming = caseworker.get("/schemes/deliveries/find/", {"from": later}).content.decode()
    assert UPCOMING_DELIVERY in upcoming and CLARIFICATION_DELIVERY not in upcoming
    bad = caseworker.get("/schemes/deliveries/find/", {"from": "i morgen"})
    assert bad.status_code == 422
    assert "dd.mm.åååå" in bad.content.decode()


def test_the_catalogue_is_for_caseworkers_and_a_delivery_page_for_nav_staff(
    scene: Scene,
) -> None:
    assert client("tiltaksforvalter").get("/schemes/deliveries/find/").status_code == 403
    page = client("veileder").get(f"/schemes/deliveries/{scene.follow_up.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert FOLLOW_UP_DELIVERY in text and "NAV Grünerløkka" in text
    assert client("innbygger").get(f"/schemes/deliveries/{scene.follow_up.pk}/").status_code == 404


def test_the_scheme_manager_records_a_measurement_on_the_page(scene: Scene) -> None:
    contract = scene.bond.outcome_contract
    pending = contract.measurements.get(settlement=None)
    manager_client = client("tiltaksforvalter")
    refused = manager_client.post(
        f"/schemes/agreements/{scene.bond.pk}/outcomes/",
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
    done = manager_client.post(
        f"/schemes/agreements/{scene.bond.pk}/outcomes/",
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


def test_the_scheme_manager_adds_a_rate_and_a_delivery_on_the_agreements_page(
    scene: Scene,
) -> None:
    agreement = scene.others
    manager_client = client("tiltaksforvalter")
    page = f"/schemes/agreements/{agreement.pk}/"
    year = agreement.starts_on.year
    rate = manager_client.post(
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
    outside = manager_client.post(
        page,
        {
            "action": "add_delivery",
            "name": "Oppfølging Testbyen Bergen",
            "places": "8",
            "starts_on": f"01.03.{year}",
            "enrolment_mode": "ongoing",
            "offices": ["4602"],
        },
    )
    assert outside.status_code == 422
    assert "utenfor avtalens område" in outside.content.decode()
    made = manager_client.post(
        page,
        {
            "action": "add_delivery",
            "name": "Oppfølging Testbyen Sagene",
            "places": "8",
            "starts_on": f"01.03.{year}",
            "enrolment_mode": "fixed_start",
            "offices": ["0320"],
        },
    )
    assert made.status_code == 302
    delivery = agreement.deliveries.get(name="Oppfølging Testbyen Sagene")
    assert delivery.status == "planned" and delivery.places == 8
    assert not agreement.deliveries.filter(name="Oppfølging Testbyen Bergen").exists()
