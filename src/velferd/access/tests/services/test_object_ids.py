"""Employees' object ids at the identity provider: set by an administrator, audited, one user
each, and the only thing an employee's work-account login is found by."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.access import services
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.core.errors import DomainError

from .writes import last_event

pytestmark = pytest.mark.django_db
OID = "0F4C2A9E-5D1B-4C3A-9E7F-2B8D6A1C0E55"


def test_an_administrator_sets_an_object_id_and_it_is_audited(admin: Actor, newcomer: User) -> None:
    services.user_set_employee_object_id(actor=admin, user=newcomer, object_id=f" {OID} ")
    newcomer.refresh_from_db()
    assert newcomer.employee_object_id == OID.lower()
    event = last_event()
    assert event.action == "user.object_id_set"
    assert event.after == {"employee_object_id": OID.lower()}


def test_an_empty_object_id_clears_it(admin: Actor, newcomer: User) -> None:
    services.user_set_employee_object_id(actor=admin, user=newcomer, object_id=OID)
    services.user_set_employee_object_id(actor=admin, user=newcomer, object_id="")
    newcomer.refresh_from_db()
    assert newcomer.employee_object_id is None


def test_two_users_cannot_share_an_object_id(admin: Actor, newcomer: User) -> None:
    services.user_set_employee_object_id(actor=admin, user=newcomer, object_id=OID)
    other = User.objects.get(username="veileder")
    with pytest.raises(DomainError) as refused:
        services.user_set_employee_object_id(actor=admin, user=other, object_id=OID)
    assert refused.value.status == 409
    assert refused.value.message_nb == "En annen bruker har allerede denne objekt-ID-en."


def test_an_object_id_with_other_characters_is_refused(admin: Actor, newcomer: User) -> None:
    with pytest.raises(DomainError) as refused:
        services.user_set_employee_object_id(actor=admin, user=newcomer, object_id="ola@nav.no")
    assert refused.value.field == "employee_object_id"
    assert "bindestreker" in refused.value.message_nb


def test_only_an_administrator_sets_object_ids(actor_of_login: object, newcomer: User) -> None:
    veileder = actor_of_login("veileder")  # type: ignore[operator]
    with pytest.raises(DomainError) as refused:
        services.user_set_employee_object_id(actor=veileder, user=newcomer, object_id=OID)
    assert refused.value.status == 403


def test_the_user_page_and_the_api_set_it(client_as: object, newcomer: User) -> None:
    admin: Client = client_as("admin")  # type: ignore[operator]
    page = admin.post(f"/users/{newcomer.pk}/", {"action": "object_id", "employee_object_id": OID})
    assert page.status_code in (200, 302)
    newcomer.refresh_from_db()
    assert newcomer.employee_object_id == OID.lower()
    answer = admin.patch(
        f"/api/v1/access/users/{newcomer.pk}",
        {"employee_object_id": ""},
        content_type="application/json",
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["employee_object_id"] is None
