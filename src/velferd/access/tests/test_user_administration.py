"""Administrators create users, give and revoke roles and deactivate users, from the pages
and the API; every change is audited and bad input is refused beside its field."""

from __future__ import annotations

import json

import pytest

from velferd.access.models import RoleAssignment, User
from velferd.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "a-long-and-unusual-passphrase-42"


def _last_audit(action: str) -> AuditEvent:
    event = AuditEvent.objects.filter(action=action).order_by("-seq").first()
    assert event is not None, f"no {action} event"
    return event


class TestUserPages:
    def test_administrator_creates_a_user_and_is_taken_to_give_a_role(self, client_as) -> None:
        response = client_as("admin").post(
            "/users/",
            {"username": "nyveileder", "full_name": "Nora Ny", "password": STRONG_PASSWORD},
        )
        created = User.objects.get(username="nyveileder")
        assert response.status_code == 302
        assert response["Location"] == f"/users/{created.pk}/"
        assert created.check_password(STRONG_PASSWORD)
        assert _last_audit("user.created").target_id == str(created.pk)

    def test_weak_password_is_refused_beside_the_field_and_no_user_is_made(self, client_as) -> None:
        response = client_as("admin").post(
            "/users/", {"username": "svak", "full_name": "Svak", "password": "123"}
        )
        assert response.status_code == 422
        assert 'id="error-password"' in response.content.decode()
        assert not User.objects.filter(username="svak").exists()

    def test_taken_username_is_refused_with_409(self, client_as) -> None:
        response = client_as("admin").post("/users/", {"username": "VEILEDER", "full_name": "X"})
        assert response.status_code == 409
        assert "veileder" in response.content.decode().lower()

    def test_users_page_lists_users_with_their_roles(self, client_as) -> None:
        page = client_as("admin").get("/users/?q=veileder").content.decode()
        assert "Vera Veileder" in page
        assert "NAV Grünerløkka" in page

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "innbygger", "departement"])
    def test_only_administrators_see_the_users_pages(self, client_as, login: str) -> None:
        assert client_as(login).get("/users/").status_code == 403

    def test_caseworker_role_is_bound_to_an_office(self, client_as) -> None:
        user = User.objects.get(username="analytiker")
        response = client_as("admin").post(
            f"/users/{user.pk}/",
            {"action": "assign", "role": "caseworker_state", "office": "0301"},
        )
        assert response.status_code == 404
        assert 'id="error-office"' in response.content.decode()
        response = client_as("admin").post(
            f"/users/{user.pk}/",
            {"action": "assign", "role": "caseworker_state", "office": "0317"},
        )
        assert response.status_code == 302
        assignment = RoleAssignment.objects.get(user=user, role="caseworker_state")
        assert assignment.office is not None and assignment.office.unit_number == "0317"
        assert _last_audit("role.assigned").target_id == str(assignment.pk)

    def test_role_without_its_unit_is_refused_beside_the_unit_field(self, client_as) -> None:
        user = User.objects.get(username="analytiker")
        response = client_as("admin").post(
            f"/users/{user.pk}/", {"action": "assign", "role": "iw_advisor"}
        )
        assert response.status_code == 422
        assert 'id="error-iw_centre"' in response.content.decode()
        assert not RoleAssignment.objects.filter(user=user, role="iw_advisor").exists()

    def test_revoking_a_role_takes_it_away_at_once(self, client_as) -> None:
        user = User.objects.get(username="veileder")
        assignment = user.role_assignments.get()
        client_as("admin").post(
            f"/users/{user.pk}/", {"action": "revoke", "assignment": str(assignment.pk)}
        )
        assert client_as("veileder").get("/api/v1/access/me").json()["roles"] == []
        assert _last_audit("role.revoked").target_id == str(assignment.pk)

    def test_deactivated_user_can_no_longer_log_in(self, client_as, client) -> None:
        user = User.objects.get(username="fastlege")
        client_as("admin").post(f"/users/{user.pk}/", {"action": "deactivate"})
        response = client.post("/login/", {"username": "fastlege", "password": "velferd-demo-2026"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
        assert _last_audit("user.deactivated").target_id == str(user.pk)

    def test_administrator_cannot_deactivate_themselves(self, client_as) -> None:
        admin = User.objects.get(username="admin")
        response = client_as("admin").post(f"/users/{admin.pk}/", {"action": "deactivate"})
        assert response.status_code == 422
        admin.refresh_from_db()
        assert admin.is_active


class TestUserApi:
    def test_administrator_creates_a_user_and_gives_a_role(self, client_as) -> None:
        client = client_as("admin")
        created = client.post(
            "/api/v1/access/users",
            data=json.dumps({"username": "api-bruker", "full_name": "Api Bruker"}),
            content_type="application/json",
        )
        assert created.status_code == 201
        user_id = created.json()["id"]
        role = client.post(
            f"/api/v1/access/users/{user_id}/roles",
            data=json.dumps({"role": "ministry_staff", "department": "integration"}),
            content_type="application/json",
        )
        assert role.status_code == 201
        assert role.json()["role"] == "ministry_staff"
        assert role.json()["unit"] == "Integreringsavdelingen"
        in_english = client.get("/api/v1/access/users?q=api-bruker", HTTP_ACCEPT_LANGUAGE="en")
        assert "Department of Integration" in json.dumps(in_english.json())
        assert not User.objects.get(pk=user_id).has_usable_password()

    def test_unknown_role_is_422(self, client_as) -> None:
        user = User.objects.get(username="analytiker")
        response = client_as("admin").post(
            f"/api/v1/access/users/{user.pk}/roles",
            data=json.dumps({"role": "king"}),
            content_type="application/json",
        )
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_role"

    def test_unknown_partner_service_is_422(self, client_as) -> None:
        user = User.objects.get(username="analytiker")
        response = client_as("admin").post(
            f"/api/v1/access/users/{user.pk}/roles",
            data=json.dumps(
                {"role": "partner", "municipality": "0301", "partner_service": "astrology"}
            ),
            content_type="application/json",
        )
        assert response.status_code == 422
        assert response.json()["field"] == "partner_service"
