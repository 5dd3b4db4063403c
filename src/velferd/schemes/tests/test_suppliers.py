"""Suppliers: registering one and the refusals, its sub-units and contacts, and who sees
and changes what (supplier staff their own supplier only)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor, new_user
from velferd.schemes import services
from velferd.schemes.models import Supplier, SupplierKind

from .factories import a_staff_login, a_supplier, a_unit, supplier_organisation_number

pytestmark = pytest.mark.django_db
API = "/api/v1/schemes/suppliers"


def client_of(username: str) -> Client:
    from velferd.access.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json")


def test_a_scheme_manager_registers_a_supplier_and_it_is_audited() -> None:
    number = supplier_organisation_number(900)
    response = post(
        client_of("tiltaksforvalter"),
        API,
        {"organisation_number": number, "name": "Ny Leverandør AS", "kind": "commercial"},
    )
    assert response.status_code == 201, response.content
    assert Supplier.objects.get(organisation_number=number).name == "Ny Leverandør AS"
    assert AuditEvent.objects.filter(action="supplier.registered").exists()


@pytest.mark.parametrize(
    ("number_of", "status", "code"),
    [
        (lambda: "912345687", 422, "invalid_organisation_number"),
        (lambda: a_supplier().organisation_number, 409, "organisation_number_taken"),
    ],
    ids=["invalid", "taken"],
)
def test_a_bad_or_taken_organisation_number_is_refused(
    number_of: Callable[[], str], status: int, code: str
) -> None:
    number = number_of()
    before = Supplier.objects.count()
    response = post(
        client_of("tiltaksforvalter"),
        API,
        {"organisation_number": number, "name": "Noen AS", "kind": "commercial"},
    )
    assert response.status_code == status
    assert response.json()["code"] == code
    assert Supplier.objects.count() == before


def test_only_scheme_managers_register_suppliers() -> None:
    body = {"organisation_number": supplier_organisation_number(901), "name": "X", "kind": "public"}
    for login in ("veileder", "leverandor", "admin"):
        assert post(client_of(login), API, body).status_code == 403


def test_an_unknown_supplier_is_404() -> None:
    response = client_of("tiltaksforvalter").get(f"{API}/{supplier_organisation_number(902)}")
    assert response.status_code == 404


def test_supplier_staff_see_only_their_own_supplier() -> None:
    own, other = a_supplier(), a_supplier()
    a_staff_login(own)
    staff = client_of("leverandoransatt")
    assert staff.get(f"{API}/{own.organisation_number}").status_code == 200
    assert staff.get(f"{API}/{other.organisation_number}").status_code == 404
    listed = {row["organisation_number"] for row in staff.get(API).json()["items"]}
    assert listed == {own.organisation_number}


def test_nav_staff_who_work_with_schemes_see_every_supplier() -> None:
    other = a_supplier()
    for login in ("veileder", "tiltaksforvalter"):
        assert client_of(login).get(f"{API}/{other.organisation_number}").status_code == 200
    assert client_of("arbeidsgiver").get(f"{API}/{other.organisation_number}").status_code == 404


def test_supplier_staff_add_a_contact_to_their_own_supplier_but_not_to_another() -> None:
    own, other = a_supplier(), a_supplier()
    a_staff_login(own)
    contact = {"name": "Nora Ny", "title": "Rådgiver", "email": "nora@example.no", "phone": ""}
    staff = client_of("leverandoransatt")
    added = post(
        staff, f"{API}/{own.organisation_number}/contacts", {**contact, "version": own.version}
    )
    assert added.status_code == 201
    refused = post(
        staff, f"{API}/{other.organisation_number}/contacts", {**contact, "version": other.version}
    )
    assert refused.status_code == 404
    assert not other.contacts.exists()


def test_supplier_staff_cannot_change_the_suppliers_own_facts() -> None:
    own = a_supplier()
    a_staff_login(own)
    response = client_of("leverandoransatt").patch(
        f"{API}/{own.organisation_number}",
        json.dumps({"version": own.version, "name": "Annet navn"}),
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_suppliers_page_lists_its_staff() -> None:
    supplier = a_supplier(kind=SupplierKind.SHELTERED)
    a_unit(supplier, name="Verksted Alna")
    a_unit(supplier, name="Verksted Bryn")
    a_staff_login(supplier, full_name="Sofie Stab")
    body = client_of("tiltaksforvalter").get(f"{API}/{supplier.organisation_number}").json()
    assert "Sofie Stab" in body["staff"]
    assert body["kind"] == SupplierKind.SHELTERED
    assert len(body["units"]) == 2


def test_a_unit_change_with_a_stale_version_is_refused_and_leaves_nothing() -> None:
    manager = login_actor("tiltaksforvalter")
    supplier = a_supplier()
    services.supplier_change(actor=manager, supplier=supplier, version=1, name="Nytt navn AS")
    with pytest.raises(DomainError) as refused:
        services.contact_add(
            actor=manager,
            supplier=supplier,
            version=1,
            name="Sen Skriver",
            email="sen@example.no",
        )
    assert refused.value.status == 409
    assert not supplier.contacts.exists()


def test_a_unit_needs_a_valid_unique_organisation_number_and_an_address() -> None:
    manager = login_actor("tiltaksforvalter")
    supplier = a_supplier()
    elsewhere = a_unit(a_supplier())
    with pytest.raises(DomainError) as taken:
        services.unit_add(
            actor=manager,
            supplier=supplier,
            version=supplier.version,
            organisation_number=elsewhere.organisation_number,
            name="Avdeling",
            street="Gate 1",
            postcode="0150",
            place="Oslo",
            municipality="0301",
        )
    assert taken.value.status == 409
    with pytest.raises(DomainError) as postcode:
        services.unit_add(
            actor=manager,
            supplier=supplier,
            version=supplier.version,
            organisation_number=supplier_organisation_number(903),
            name="Avdeling",
            street="Gate 1",
            postcode="15",
            place="Oslo",
            municipality="0301",
        )
    assert (postcode.value.status, postcode.value.field) == (422, "postcode")
    assert not supplier.units.exists()


def test_a_new_supplier_login_for_another_number_sees_nothing_of_the_first_supplier() -> None:
    first, other = a_supplier(), a_supplier()
    new_user("annen-leverandor", "supplier", organisation_number=other.organisation_number)
    client = client_of("annen-leverandor")
    assert client.get(f"{API}/{first.organisation_number}").status_code == 404
    assert client.get(f"{API}/{other.organisation_number}").status_code == 200
