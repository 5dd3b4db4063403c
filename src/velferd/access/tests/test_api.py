"""/api/v1/access/: the caller's account and personal access tokens, with a session or a
bearer token."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access import selectors, services
from velferd.access.actor import Actor
from velferd.access.models import ApiToken
from velferd.access.roles import Role
from velferd.audit.models import AuditEvent
from velferd.employers.tests.factories import organisation_number

EMPLOYER = organisation_number(7)  # no demo enterprise has it

pytestmark = pytest.mark.django_db

ME = "/api/v1/access/me"
TOKENS = "/api/v1/access/tokens"

ActorOf = Callable[[str], Actor]
ClientAs = Callable[[str], Client]


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def post_json(client: Client, path: str, body: dict[str, Any], **kwargs: Any) -> Any:
    return client.post(path, data=json.dumps(body), content_type="application/json", **kwargs)


def create_token(
    actor: Actor, name: str = "export", valid_days: int | None = 90
) -> tuple[ApiToken, str]:
    return services.api_token_create(
        actor=actor, name=name, valid_days=valid_days, role_assignment_id=actor.assignments[0].pk
    )


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


class TestMe:
    def test_a_session_lists_all_the_users_roles(self, client_as: ClientAs) -> None:
        response = client_as("veileder").get(ME)
        assert response.status_code == 200
        body = response.json()
        assert body["username"] == "veileder"
        assert body["full_name"] == "Vera Veileder"
        assert body["via_token"] is False
        assert [role["role"] for role in body["roles"]] == ["caseworker_state"]
        assert body["roles"][0]["unit"]

    def test_a_bearer_token_lists_only_the_tokens_role(
        self, client: Client, client_as: ClientAs, system: Actor
    ) -> None:
        user = selectors.actor_for_user(
            services.user_create(
                actor=system, username="to-roller", full_name="To Roller", password=None
            )
        ).user
        assert user is not None
        services.role_assign(actor=system, user=user, role=Role.ANALYST)
        employer = services.role_assign(
            actor=system, user=user, role=Role.EMPLOYER, organisation_number=EMPLOYER
        )
        actor = selectors.actor_for_user(user)
        assert actor.roles == {Role.ANALYST, Role.EMPLOYER}
        _, secret = services.api_token_create(
            actor=actor, name="statistics", role_assignment_id=employer.pk
        )

        response = client.get(ME, headers=bearer(secret))
        assert response.status_code == 200
        body = response.json()
        assert body["username"] == "to-roller"
        assert body["via_token"] is True
        assert body["roles"] == [
            {
                "id": employer.pk,
                "role": "employer",
                "role_name": body["roles"][0]["role_name"],
                "unit": EMPLOYER,
            }
        ]

    def test_anonymous_is_401_with_the_error_shape(self, client: Client) -> None:
        response = client.get(ME)
        assert response.status_code == 401
        body = response.json()
        assert body["code"] == "not_authenticated"
        assert body["message"]
        assert "field" in body

    @pytest.mark.parametrize(
        "header",
        [
            "Bearer garbage",
            "Bearer vlf_deadbeef_nottherealsecret",
            "Bearer ",
            "Basic dmVpbGVkZXI6dmVsZmVyZC1kZW1vLTIwMjY=",
        ],
    )
    def test_a_garbage_authorization_is_401(self, client: Client, header: str) -> None:
        response = client.get(ME, headers={"Authorization": header})
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"

    def test_a_revoked_token_is_401(self, client: Client, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        token, secret = create_token(veileder)
        assert client.get(ME, headers=bearer(secret)).status_code == 200
        services.api_token_revoke(actor=veileder, token=token)
        assert client.get(ME, headers=bearer(secret)).status_code == 401

    def test_an_expired_token_is_401(self, client: Client, actor_of_login: ActorOf) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        ApiToken.objects.filter(pk=token.pk).update(
            expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        assert client.get(ME, headers=bearer(secret)).status_code == 401

    def test_a_token_records_its_last_use(self, client: Client, actor_of_login: ActorOf) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        client.get(ME, headers=bearer(secret))
        listed = client.get(TOKENS, headers=bearer(secret)).json()
        assert listed[0]["id"] == str(token.pk)
        assert listed[0]["last_used_at"] is not None


class TestCreateToken:
    def test_a_session_creates_a_token_and_sees_its_secret_once(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        client = client_as("veileder")
        assignment = actor_of_login("veileder").assignments[0]
        response = post_json(
            client,
            TOKENS,
            {"name": "portfolio sync", "role_assignment": assignment.pk, "valid_days": 30},
            headers={"X-Request-ID": "create-token-0001"},
        )
        assert response.status_code == 201
        body = response.json()
        assert body["name"] == "portfolio sync"
        assert body["role"] == "caseworker_state"
        assert body["token"].startswith(f"vlf_{body['prefix']}_")
        assert body["revoked_at"] is None

        listed = client.get(TOKENS).json()
        assert [t["id"] for t in listed] == [body["id"]]
        assert "token" not in listed[0]  # the secret is not shown again
        assert body["token"] not in json.dumps(listed)

        me = client.get(ME, headers=bearer(body["token"])).json()
        assert me["via_token"] is True

        event = last_event()
        assert event.action == "api_token.created"
        assert event.target_id == body["id"]
        assert event.request_id == "create-token-0001"

    def test_a_token_that_never_expires_is_refused(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        assignment = actor_of_login("fastlege").assignments[0]
        response = post_json(
            client_as("fastlege"),
            TOKENS,
            {"name": "plan reader", "role_assignment": assignment.pk, "valid_days": None},
        )
        assert response.status_code == 422
        assert response.json()["field"] == "valid_days"
        assert not ApiToken.objects.filter(name="plan reader").exists()

    def test_a_token_stored_without_expiry_ends_a_year_after_it_was_made(
        self, client: Client, actor_of_login: ActorOf
    ) -> None:
        token, secret = create_token(actor_of_login("fastlege"))
        ApiToken.objects.filter(pk=token.pk).update(
            expires_at=None, created_at=timezone.now() - datetime.timedelta(days=366)
        )
        response = client.get("/api/v1/access/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
        assert response.status_code == 401

    def test_a_citizen_cannot_create_a_token(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        assignment = actor_of_login("innbygger").assignments[0]
        response = post_json(
            client_as("innbygger"), TOKENS, {"name": "mine", "role_assignment": assignment.pk}
        )
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"
        assert not ApiToken.objects.exists()

    def test_a_token_cannot_create_tokens(self, client: Client, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        _, secret = create_token(veileder)
        response = post_json(
            client,
            TOKENS,
            {"name": "child", "role_assignment": veileder.assignments[0].pk},
            headers=bearer(secret),
        )
        assert response.status_code == 403
        assert ApiToken.objects.count() == 1

    def test_someone_elses_role_is_403(self, client_as: ClientAs, actor_of_login: ActorOf) -> None:
        admins = actor_of_login("admin").assignments[0]
        response = post_json(
            client_as("veileder"), TOKENS, {"name": "borrowed", "role_assignment": admins.pk}
        )
        assert response.status_code == 403
        assert response.json() == {
            "code": "not_your_role",
            "field": "role_assignment",
            "message": "Du kan bare lage nøkler for dine egne roller.",
        }

    @pytest.mark.parametrize("days", [0, 366])
    def test_validity_outside_1_to_365_days_is_422(
        self, client_as: ClientAs, actor_of_login: ActorOf, days: int
    ) -> None:
        assignment = actor_of_login("veileder").assignments[0]
        response = post_json(
            client_as("veileder"),
            TOKENS,
            {"name": "x", "role_assignment": assignment.pk, "valid_days": days},
        )
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_validity"
        assert response.json()["field"] == "valid_days"

    def test_a_name_over_100_characters_is_422(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        assignment = actor_of_login("veileder").assignments[0]
        response = post_json(
            client_as("veileder"), TOKENS, {"name": "x" * 101, "role_assignment": assignment.pk}
        )
        assert response.status_code == 422
        assert response.json()["field"] == "name"

    def test_a_blank_name_is_422(self, client_as: ClientAs, actor_of_login: ActorOf) -> None:
        assignment = actor_of_login("veileder").assignments[0]
        response = post_json(
            client_as("veileder"), TOKENS, {"name": "  ", "role_assignment": assignment.pk}
        )
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_token_name"

    def test_a_malformed_body_is_400_not_500(self, client_as: ClientAs) -> None:
        response = client_as("veileder").post(
            TOKENS, data="{not json", content_type="application/json"
        )
        assert response.status_code == 400
        assert set(response.json()) == {"code", "message", "field"}
        assert not ApiToken.objects.exists()

    def test_a_malformed_body_is_named_malformed_request(self, client_as: ClientAs) -> None:
        response = client_as("veileder").post(
            TOKENS, data="{not json", content_type="application/json"
        )
        assert response.json()["code"] == "malformed_request"

    def test_anonymous_is_401(self, client: Client) -> None:
        response = post_json(client, TOKENS, {"name": "x", "role_assignment": 1})
        assert response.status_code == 401

    def test_a_session_post_without_a_csrf_token_is_refused(self) -> None:
        from velferd.access.models import User

        client = Client(enforce_csrf_checks=True)
        client.force_login(User.objects.get(username="veileder"))
        response = post_json(client, TOKENS, {"name": "x", "role_assignment": 1})
        assert response.status_code == 403
        assert not ApiToken.objects.exists()


class TestListTokens:
    def test_the_list_has_only_the_callers_tokens(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        mine, _ = create_token(actor_of_login("veileder"), "mine")
        create_token(actor_of_login("beslutter"), "not mine")
        listed = client_as("veileder").get(TOKENS).json()
        assert [t["name"] for t in listed] == ["mine"]
        assert listed[0]["prefix"] == mine.prefix
        assert listed[0]["role"] == "caseworker_state"

    def test_anonymous_is_401(self, client: Client) -> None:
        assert client.get(TOKENS).status_code == 401


class TestRevokeToken:
    def test_the_owner_revokes_a_token_and_it_stops_working(
        self, client: Client, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        response = client_as("veileder").delete(f"{TOKENS}/{token.pk}")
        assert response.status_code == 200
        assert response.json()["revoked_at"] is not None
        assert client.get(ME, headers=bearer(secret)).status_code == 401
        assert last_event().action == "api_token.revoked"

    def test_an_administrator_revokes_someone_elses_token(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        token, _ = create_token(actor_of_login("veileder"))
        response = client_as("admin").delete(f"{TOKENS}/{token.pk}")
        assert response.status_code == 200
        token.refresh_from_db()
        assert token.revoked_at is not None

    def test_another_user_gets_404_and_the_token_keeps_working(
        self, client: Client, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        response = client_as("beslutter").delete(f"{TOKENS}/{token.pk}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        assert client.get(ME, headers=bearer(secret)).status_code == 200

    def test_an_unknown_token_id_is_404(self, client_as: ClientAs) -> None:
        response = client_as("veileder").delete(f"{TOKENS}/00000000-0000-0000-0000-000000000000")
        assert response.status_code == 404

    def test_a_token_id_that_is_not_a_uuid_is_404_not_500(self, client_as: ClientAs) -> None:
        response = client_as("veileder").delete(f"{TOKENS}/not-a-uuid")
        assert response.status_code == 404

    def test_anonymous_is_401(self, client: Client, actor_of_login: ActorOf) -> None:
        token, _ = create_token(actor_of_login("veileder"))
        assert client.delete(f"{TOKENS}/{token.pk}").status_code == 401
        token.refresh_from_db()
        assert token.revoked_at is None
