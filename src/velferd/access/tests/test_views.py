"""Pages: logging in and out (with django-axes throttling), the account page and the personal
access tokens page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from velferd.access import selectors, services
from velferd.access.actor import Actor
from velferd.access.models import ApiToken
from velferd.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "velferd-demo-2026"
LOGIN = "/login/"
TOKENS = "/account/tokens/"

ActorOf = Callable[[str], Actor]
ClientAs = Callable[[str], Client]


def in_english(client: Client) -> Client:
    """Pages are in Norwegian unless the user chose English (the language cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def logged_in_username(client: Client) -> str | None:
    response = client.get("/api/v1/access/me")
    return response.json()["username"] if response.status_code == 200 else None


def log_in(client: Client, username: str, password: str) -> Any:
    return in_english(client).post(LOGIN, {"username": username, "password": password})


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


class TestLogin:
    def test_the_login_page_shows_the_form(self, client: Client) -> None:
        response = client.get(LOGIN)
        assert response.status_code == 200
        assert 'name="username"' in response.text
        assert 'type="password"' in response.text

    def test_the_right_password_logs_in_and_goes_to_the_start_page(self, client: Client) -> None:
        response = client.post(LOGIN, {"username": "veileder", "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == reverse("start")
        assert logged_in_username(client) == "veileder"

    def test_the_login_page_follows_next(self, client: Client) -> None:
        response = client.post(
            LOGIN, {"username": "veileder", "password": PASSWORD, "next": "/account/"}
        )
        assert response["Location"] == "/account/"

    def test_a_next_address_on_another_site_is_ignored(self, client: Client) -> None:
        response = client.post(
            LOGIN,
            {"username": "veileder", "password": PASSWORD, "next": "https://phishing.example/"},
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("start")

    def test_a_wrong_password_shows_an_error_and_does_not_log_in(self, client: Client) -> None:
        response = in_english(client).post(
            LOGIN, {"username": "veileder", "password": "feil-passord"}
        )
        assert response.status_code == 200
        assert 'data-testid="error-summary"' in response.text
        assert "The username or the password is wrong." in response.text
        assert 'value="veileder"' in response.text  # the username is kept
        assert logged_in_username(client) is None

    def test_a_logged_in_user_is_sent_on_from_the_login_page(self, client_as: ClientAs) -> None:
        response = client_as("veileder").get(LOGIN)
        assert response.status_code == 302


class TestLoginThrottling:
    def test_five_failures_lock_the_user_out_even_with_the_right_password(
        self, client: Client
    ) -> None:
        for _ in range(4):
            assert log_in(client, "beslutter", "feil-passord").status_code == 200
        log_in(client, "beslutter", "feil-passord")  # the fifth failure reaches the limit

        sixth = log_in(client, "beslutter", PASSWORD)
        assert sixth.status_code == 429
        assert "Too many failed login attempts." in sixth.text
        assert logged_in_username(client) is None

    def test_four_failures_still_let_the_right_password_in(self, client: Client) -> None:
        for _ in range(4):
            log_in(client, "beslutter", "feil-passord")
        assert log_in(client, "beslutter", PASSWORD).status_code == 302
        assert logged_in_username(client) == "beslutter"

    def test_the_lockout_is_for_that_username_only(self, client: Client) -> None:
        for _ in range(5):
            log_in(client, "beslutter", "feil-passord")
        assert log_in(client, "kontorleder", PASSWORD).status_code == 302
        assert logged_in_username(client) == "kontorleder"


class TestLogout:
    def test_logout_by_get_is_not_allowed(self, client_as: ClientAs) -> None:
        client = client_as("veileder")
        assert client.get("/logout/").status_code == 405
        assert logged_in_username(client) == "veileder"

    def test_logout_by_post_ends_the_session(self, client_as: ClientAs) -> None:
        client = client_as("veileder")
        response = client.post("/logout/")
        assert response.status_code == 302
        assert response["Location"] == reverse("home")
        assert logged_in_username(client) is None


class TestAccountPage:
    def test_the_account_page_lists_the_users_roles(self, client_as: ClientAs) -> None:
        response = in_english(client_as("kontorleder")).get("/account/")
        assert response.status_code == 200
        assert "Office manager" in response.text
        assert 'href="/account/tokens/"' in response.text

    def test_a_citizen_is_not_offered_tokens(self, client_as: ClientAs) -> None:
        response = client_as("innbygger").get("/account/")
        assert response.status_code == 200
        assert 'href="/account/tokens/"' not in response.text

    def test_anonymous_is_sent_to_log_in(self, client: Client) -> None:
        response = client.get("/account/")
        assert response.status_code == 302
        assert response["Location"] == reverse("login")


class TestTokensPage:
    def test_the_page_shows_a_new_secret_once(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        client = client_as("veileder")
        assignment = actor_of_login("veileder").assignments[0]
        response = client.post(
            TOKENS, {"name": "portfolio sync", "role_assignment": assignment.pk, "valid_days": "30"}
        )
        assert response.status_code == 200
        match = re.search(r'data-testid="new-token">(vlf_[^<]+)<', response.text)
        assert match is not None
        secret = match.group(1)
        assert selectors.actor_for_token(secret) is not None
        assert "portfolio sync" in response.text
        assert last_event().action == "api_token.created"

        again = client.get(TOKENS)
        assert "portfolio sync" in again.text
        assert secret not in again.text
        assert 'data-testid="new-token"' not in again.text

    def test_the_page_lists_the_users_tokens_only(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        for login, name in [("veileder", "mine"), ("beslutter", "not mine")]:
            actor = actor_of_login(login)
            services.api_token_create(
                actor=actor, name=name, role_assignment_id=actor.assignments[0].pk
            )
        response = in_english(client_as("veileder")).get(TOKENS)
        assert response.status_code == 200
        assert "mine" in response.text
        assert "not mine" not in response.text
        assert "Active" in response.text

    def test_a_bad_name_is_shown_beside_the_field(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        assignment = actor_of_login("veileder").assignments[0]
        response = in_english(client_as("veileder")).post(
            TOKENS, {"name": "  ", "role_assignment": assignment.pk, "valid_days": "90"}
        )
        assert response.status_code == 422
        assert 'aria-invalid="true"' in response.text
        assert 'id="error-name"' in response.text
        assert "Give the token a name of 1–100 characters." in response.text
        assert not ApiToken.objects.exists()

    def test_a_missing_role_is_shown_beside_the_field(self, client_as: ClientAs) -> None:
        response = in_english(client_as("veileder")).post(TOKENS, {"name": "x", "valid_days": "90"})
        assert response.status_code == 422
        assert "Choose a role." in response.text

    def test_an_unreadable_validity_is_refused(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        assignment = actor_of_login("veileder").assignments[0]
        response = in_english(client_as("veileder")).post(
            TOKENS, {"name": "x", "role_assignment": assignment.pk, "valid_days": "forever"}
        )
        assert response.status_code == 422
        assert "Choose a validity." in response.text

    def test_a_citizen_is_refused_the_page(self, client_as: ClientAs) -> None:
        assert client_as("innbygger").get(TOKENS).status_code == 403

    def test_anonymous_is_sent_to_log_in(self, client: Client) -> None:
        response = client.get(TOKENS)
        assert response.status_code == 302
        assert response["Location"] == reverse("login")


class TestRevokeButton:
    def create(self, actor: Actor) -> tuple[ApiToken, str]:
        return services.api_token_create(
            actor=actor, name="to revoke", role_assignment_id=actor.assignments[0].pk
        )

    def test_the_revoke_button_revokes_the_token(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        token, secret = self.create(actor_of_login("veileder"))
        client = in_english(client_as("veileder"))
        page = client.get(TOKENS)
        revoke_url = reverse("token_revoke", args=[token.pk])
        assert f'action="{revoke_url}"' in page.text

        response = client.post(revoke_url, follow=True)
        assert response.redirect_chain[-1][0] == TOKENS
        assert "The token was revoked. It no longer works." in response.text
        assert "Revoked" in response.text
        assert f'action="{revoke_url}"' not in response.text  # no button any more
        assert selectors.actor_for_token(secret) is None
        event = last_event()
        assert event.action == "api_token.revoked"
        assert event.target_id == str(token.pk)

    def test_revoking_by_get_is_not_allowed(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        token, secret = self.create(actor_of_login("veileder"))
        response = client_as("veileder").get(reverse("token_revoke", args=[token.pk]))
        assert response.status_code == 405
        assert selectors.actor_for_token(secret) is not None

    def test_someone_elses_token_is_not_found(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        token, secret = self.create(actor_of_login("veileder"))
        response = client_as("beslutter").post(reverse("token_revoke", args=[token.pk]))
        assert response.status_code == 404
        assert selectors.actor_for_token(secret) is not None


class TestSecurityHeaders:
    @pytest.mark.parametrize("path", [LOGIN, "/", TOKENS])
    def test_pages_carry_a_content_security_policy(self, client_as: ClientAs, path: str) -> None:
        response = client_as("veileder").get(path)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "object-src 'none'" in policy

    def test_pages_carry_a_request_id(self, client: Client) -> None:
        response = client.get(LOGIN)
        assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])

    def test_pages_cannot_be_framed(self, client: Client) -> None:
        assert client.get(LOGIN)["X-Frame-Options"] == "DENY"
