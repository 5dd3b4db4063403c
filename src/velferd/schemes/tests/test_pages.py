"""The catalogue and supplier pages: what each reader sees, the scheme manager's form with
every error at once, and supplier staff kept to their own supplier."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.core.testing import nb
from velferd.schemes.models import SchemeType
from velferd.schemes.services.catalogue import TEXTS

from .factories import a_contact, a_staff_login, a_supplier, a_unit

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
    supplier = a_supplier(name="Bråten Arbeid AS")
    a_unit(supplier, name="Bråten Arbeid, Alna")
    a_contact(supplier, name="Kine Kontakt")
    a_staff_login(supplier, full_name="Sofie Stab")
    path = f"/schemes/suppliers/{supplier.organisation_number}/"
    page = client_of("leverandoransatt").get(path).content.decode()
    assert "Bråten Arbeid, Alna" in page
    assert "Kine Kontakt" in page
    assert "Sofie Stab" in page


def test_supplier_staff_find_their_own_supplier_and_not_another() -> None:
    own, other = a_supplier(), a_supplier()
    a_staff_login(own)
    client = client_of("leverandoransatt")
    mine = client.get("/schemes/suppliers/mine/")
    assert mine.status_code == 302
    assert mine["Location"].endswith(f"/schemes/suppliers/{own.organisation_number}/")
    assert client.get(f"/schemes/suppliers/{other.organisation_number}/").status_code == 404
    assert client.get("/schemes/suppliers/").status_code == 302


def test_supplier_staff_add_a_contact_with_every_error_at_once() -> None:
    supplier = a_supplier()
    a_staff_login(supplier)
    path = f"/schemes/suppliers/{supplier.organisation_number}/contacts/new/"
    client = client_of("leverandoransatt")
    response = client.post(
        path,
        {"version": supplier.version, "name": "", "email": "ikke-epost", "phone": "abc"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    for field in ("name", "email", "phone"):
        assert f'id="error-{field}"' in page, field
    saved = client.post(
        path,
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
