"""The catalogue and supplier pages: what each reader sees, the scheme manager's form with
every error at once, and supplier staff kept to their own supplier."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.core.testing import nb
from velferd.schemes.models import SchemeType, Supplier
from velferd.schemes.services.catalogue import TEXTS

from .factories import a_supplier

pytestmark = pytest.mark.django_db


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_catalogue_lists_each_type_by_name_with_how_it_is_arranged() -> None:
    page = client_of("veileder").get("/schemes/catalogue/").content.decode()
    assert "Arbeidsforberedende trening (AFT)" in page
    assert "Kvalifiseringsprogrammet" in page
    assert "Kommunalt program" in page or nb("Municipal programme") in page
    assert "kapittel 13" in page


def test_a_citizen_reads_only_the_description_for_citizens() -> None:
    aft = SchemeType.objects.get(code="ARBEIDSFORBEREDENDE_TRENING")
    page = client_of("innbygger").get("/schemes/catalogue/ARBEIDSFORBEREDENDE_TRENING/")
    text = page.content.decode()
    assert aft.for_citizens_nb in text
    assert aft.for_caseworkers_nb not in text
    assert "kapittel 13" not in text


def test_staff_read_both_descriptions_and_the_rules_with_the_national_rate() -> None:
    aft = SchemeType.objects.get(code="ARBEIDSFORBEREDENDE_TRENING")
    text = client_of("veileder").get("/schemes/catalogue/ARBEIDSFORBEREDENDE_TRENING/")
    page = text.content.decode()
    assert aft.for_citizens_nb in page and aft.for_caseworkers_nb in page
    assert "20\xa0975,00 kr" in page
    assert nb("Specially adapted needs") in page


def test_the_form_shows_every_error_at_once_and_saves_nothing() -> None:
    avklaring = SchemeType.objects.get(code="AVKLARING")
    response = client_of("tiltaksforvalter").post(
        "/schemes/catalogue/AVKLARING/edit/",
        {
            "version": avklaring.version,
            "name_nb": "",
            "name_en": "Clarification",
            "min_age": "tretti",
            "max_duration_months": "0",
            "for_citizens_nb": "Kort.",
        },
    )
    assert response.status_code == 422
    page = response.content.decode()
    for field in ("name_nb", "min_age", "max_duration_months", "legal_basis_nb"):
        assert f'id="error-{field}"' in page, field
    assert SchemeType.objects.get(code="AVKLARING").version == avklaring.version


def test_a_hard_text_for_citizens_is_saved_but_warned_about() -> None:
    avklaring = SchemeType.objects.get(code="AVKLARING")
    hard = (
        "Arbeidsmarkedstiltaksdeltakeres kvalifiseringsmuligheter vurderes gjennom "
        "omfattende kartleggingsprosesser, arbeidsevnevurderinger, tilretteleggingsbehov "
        "og rehabiliteringsmuligheter innenfor eksisterende rammeverk."
    )
    data = {field: getattr(avklaring, field) for field in TEXTS if field != "for_citizens_nb"}
    client = client_of("tiltaksforvalter")
    response = client.post(
        "/schemes/catalogue/AVKLARING/edit/",
        {**data, "for_citizens_nb": hard, "version": avklaring.version, "is_active": "on"},
    )
    assert response.status_code == 302
    page = client.get("/schemes/catalogue/AVKLARING/").content.decode()
    assert nb("hard to read: use shorter sentences and words (aim below 45)") in page
    assert SchemeType.objects.get(code="AVKLARING").citizens_lix > 45


def test_only_scheme_managers_reach_the_form() -> None:
    assert client_of("veileder").get("/schemes/catalogue/AVKLARING/edit/").status_code == 403


def test_the_supplier_page_shows_units_contacts_and_staff() -> None:
    page = client_of("leverandor").get("/schemes/suppliers/912345688/").content.decode()
    assert "Grorud Arbeid og Inkludering, Alna" in page
    assert "Kari Nordmann" in page
    assert "Lars Leverandør" in page


def test_supplier_staff_find_their_own_supplier_and_not_another() -> None:
    other = a_supplier()
    client = client_of("leverandor")
    mine = client.get("/schemes/suppliers/mine/")
    assert mine.status_code == 302 and mine["Location"].endswith("/schemes/suppliers/912345688/")
    assert client.get(f"/schemes/suppliers/{other.organisation_number}/").status_code == 404
    assert client.get("/schemes/suppliers/").status_code == 302


def test_supplier_staff_add_a_contact_with_every_error_at_once() -> None:
    supplier = Supplier.objects.get(organisation_number="912345688")
    client = client_of("leverandor")
    response = client.post(
        "/schemes/suppliers/912345688/contacts/new/",
        {"version": supplier.version, "name": "", "email": "ikke-epost", "phone": "abc"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    for field in ("name", "email", "phone"):
        assert f'id="error-{field}"' in page, field
    saved = client.post(
        "/schemes/suppliers/912345688/contacts/new/",
        {"version": supplier.version, "name": "Nina Ny", "email": "nina@example.no"},
    )
    assert saved.status_code == 302
    assert supplier.contacts.filter(name="Nina Ny").exists()


def test_the_scheme_manager_registers_a_supplier_with_every_error_at_once() -> None:
    client = client_of("tiltaksforvalter")
    response = client.post(
        "/schemes/suppliers/new/", {"organisation_number": "123", "name": "", "kind": "x"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    for field in ("organisation_number", "name", "kind"):
        assert f'id="error-{field}"' in page, field
