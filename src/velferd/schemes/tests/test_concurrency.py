"""Two scheme managers change the same supplier at the same moment, each from the version
they read, over real concurrent connections: one change is saved, the other is refused with
409 and writes nothing. A contact added by the supplier's staff at the same moment as a
change by a scheme manager: the same."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.schemes.models import Supplier

from .factories import a_staff_login, a_supplier

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

API = "/api/v1/schemes/suppliers"


@pytest.fixture
def supplier() -> Supplier:
    """A supplier of the test's own, with its staff "leverandoransatt", once the demo logins
    are back (the flush after the previous transactional test took them away)."""
    load_demo_data()
    supplier = a_supplier(name="Bråten AI AS")
    a_staff_login(supplier)
    return supplier


def calling(username: str, method: str, path: str, body: dict[str, Any]) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username=username))

    def call() -> Any:
        return getattr(client, method)(
            path, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
        )

    return call


def test_two_changes_from_the_same_version_one_wins_the_other_is_409(
    supplier: Supplier,
) -> None:
    version, url = supplier.version, f"{API}/{supplier.organisation_number}"
    names = ["Bråten Arbeid AS", "Bråten Inkludering AS"]
    responses = run_together(
        [
            calling("tiltaksforvalter", "patch", url, {"version": version, "name": name})
            for name in names
        ]
    )
    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: 1}
    saved = Supplier.objects.get(pk=supplier.pk)
    winner = next(r for r in responses if r.status_code == 200).json()
    assert saved.name == winner["name"] and saved.version == version + 1
    assert AuditEvent.objects.filter(action="supplier.changed").count() == 1


def test_a_contact_and_a_change_from_the_same_version_one_wins(supplier: Supplier) -> None:
    url = f"{API}/{supplier.organisation_number}"
    contacts_before = supplier.contacts.count()
    contact = {
        "version": supplier.version,
        "name": "Samtidig Skriver",
        "email": "samtidig@example.no",
    }
    responses = run_together(
        [
            calling("leverandoransatt", "post", f"{url}/contacts", contact),
            calling(
                "tiltaksforvalter", "patch", url, {"version": supplier.version, "name": "X AS"}
            ),
        ]
    )
    statuses = sorted(getattr(r, "status_code", 0) for r in responses)
    assert statuses in ([200, 409], [201, 409])
    added = supplier.contacts.count() - contacts_before
    renamed = Supplier.objects.get(pk=supplier.pk).name == "X AS"
    assert added + renamed == 1
