"""Creating and revoking API tokens, and when a token stops working: each write refused with
a clear reason when it should be, and each recorded in the audit trail."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.utils import timezone

from velferd.access import selectors, services
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import ApiToken, User
from velferd.access.roles import Role

from .writes import ActorOf, audit_count, create_token, first_assignment, last_event, refusal_of

pytestmark = pytest.mark.django_db


class TestApiTokenCreate:
    def test_the_secret_is_returned_once_and_only_its_digest_is_stored(
        self, actor_of_login: ActorOf
    ) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        assert secret.startswith(f"vlf_{token.prefix}_")
        assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
        row = ApiToken.objects.filter(pk=token.pk).values().get()
        secret_part = secret.split("_", 2)[2]
        assert secret not in str(row)
        assert secret_part not in str(row)

    def test_the_secret_is_not_audited(self, actor_of_login: ActorOf) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        event = last_event()
        assert event.action == "api_token.created"
        assert event.target_type == "access.apitoken"
        assert event.target_id == str(token.pk)
        assert event.actor_label == "Vera Veileder"
        assert event.after is not None
        assert event.after["name"] == "nightly export"
        assert event.after["role"] == "caseworker_state"
        assert event.after["prefix"] == token.prefix
        assert secret.split("_", 2)[2] not in str(event.after)

    def test_the_token_works_for_its_role(self, actor_of_login: ActorOf) -> None:
        _, secret = create_token(actor_of_login("fastlege"))
        actor = selectors.actor_for_token(secret)
        assert actor is not None
        assert actor.user is not None and actor.user.username == "fastlege"
        assert actor.roles == {Role.PARTNER}

    def test_each_token_gets_its_own_secret(self, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        (first, first_secret), (second, second_secret) = (
            create_token(veileder),
            create_token(veileder),
        )
        assert first.prefix != second.prefix
        assert first_secret != second_secret

    def test_a_token_for_someone_elses_role_is_refused_with_403(
        self, actor_of_login: ActorOf
    ) -> None:
        someone_elses = first_assignment(actor_of_login("admin"))
        error = refusal_of(
            lambda: services.api_token_create(
                actor=actor_of_login("veileder"),
                name="borrowed",
                role_assignment_id=someone_elses.pk,
            )
        )
        assert error.status == 403
        assert error.code == "not_your_role"
        assert error.message_en == "You can only create tokens for your own roles."
        assert not ApiToken.objects.exists()

    def test_a_token_for_a_revoked_role_is_refused(self, admin: Actor, newcomer: User) -> None:
        assignment = services.role_assign(actor=admin, user=newcomer, role=Role.ANALYST)
        services.role_revoke(actor=admin, assignment=assignment)
        error = refusal_of(
            lambda: services.api_token_create(
                actor=selectors.actor_for_user(newcomer),
                name="old role",
                role_assignment_id=assignment.pk,
            )
        )
        assert error.code == "not_your_role"

    @pytest.mark.parametrize("name", ["", "   ", "x" * 101])
    def test_a_name_must_have_1_to_100_characters(self, actor_of_login: ActorOf, name: str) -> None:
        error = refusal_of(lambda: create_token(actor_of_login("veileder"), name=name))
        assert error.code == "invalid_token_name"
        assert error.field == "name"
        assert error.status == 422

    def test_a_name_of_100_characters_is_accepted_and_trimmed(
        self, actor_of_login: ActorOf
    ) -> None:
        token, _ = create_token(actor_of_login("veileder"), name=f"  {'x' * 100}  ")
        assert token.name == "x" * 100

    @pytest.mark.parametrize("days", [0, -1, 366, 10_000])
    def test_validity_outside_1_to_365_days_is_refused(
        self, actor_of_login: ActorOf, days: int
    ) -> None:
        error = refusal_of(lambda: create_token(actor_of_login("veileder"), valid_days=days))
        assert error.code == "invalid_validity"
        assert error.field == "valid_days"

    @pytest.mark.parametrize("days", [1, 90, 365])
    def test_validity_of_1_to_365_days_sets_the_expiry(
        self, actor_of_login: ActorOf, days: int
    ) -> None:
        token, _ = create_token(actor_of_login("veileder"), valid_days=days)
        assert token.expires_at is not None
        expected = timezone.now() + datetime.timedelta(days=days)
        assert abs((token.expires_at - expected).total_seconds()) < 60

    def test_a_token_must_have_a_validity(self, actor_of_login: ActorOf) -> None:
        error = refusal_of(lambda: create_token(actor_of_login("veileder"), valid_days=None))
        assert (error.code, error.field) == ("invalid_validity", "valid_days")
        assert not ApiToken.objects.exists()

    def test_a_citizen_cannot_create_a_token(self, actor_of_login: ActorOf) -> None:
        error = refusal_of(lambda: create_token(actor_of_login("innbygger")))
        assert error.status == 403

    def test_anonymous_is_asked_to_log_in(self) -> None:
        error = refusal_of(
            lambda: services.api_token_create(actor=ANONYMOUS, name="x", role_assignment_id=1)
        )
        assert error.status == 401

    def test_a_token_cannot_create_tokens(self, actor_of_login: ActorOf) -> None:
        _, secret = create_token(actor_of_login("veileder"))
        token_actor = selectors.actor_for_token(secret)
        assert token_actor is not None
        error = refusal_of(lambda: create_token(token_actor))
        assert error.status == 403
        assert ApiToken.objects.count() == 1


class TestApiTokenRevoke:
    def test_the_owner_revokes_a_token_and_it_is_audited(self, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        token, secret = create_token(veileder)
        revoked = services.api_token_revoke(actor=veileder, token=token)
        assert revoked.revoked_at is not None
        assert selectors.actor_for_token(secret) is None
        event = last_event()
        assert event.action == "api_token.revoked"
        assert event.target_id == str(token.pk)
        assert event.actor_label == "Vera Veileder"
        assert event.after is not None and event.after["revoked_at"]

    def test_an_administrator_revokes_someone_elses_token(
        self, actor_of_login: ActorOf, admin: Actor
    ) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        services.api_token_revoke(actor=admin, token=token)
        assert selectors.actor_for_token(secret) is None
        event = last_event()
        assert event.action == "api_token.revoked"
        assert event.actor_label == "Ada Administrator"

    @pytest.mark.parametrize("login", ["beslutter", "kontorleder", "innbygger"])
    def test_another_user_is_told_the_token_does_not_exist(
        self, actor_of_login: ActorOf, login: str
    ) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        error = refusal_of(
            lambda: services.api_token_revoke(actor=actor_of_login(login), token=token)
        )
        assert error.status == 404
        assert error.code == "not_found"
        token.refresh_from_db()
        assert token.revoked_at is None
        assert selectors.actor_for_token(secret) is not None

    def test_an_unknown_token_is_404(self, actor_of_login: ActorOf) -> None:
        error = refusal_of(
            lambda: services.api_token_revoke(actor=actor_of_login("veileder"), token=None)
        )
        assert error.status == 404

    def test_revoking_twice_changes_nothing_the_second_time(self, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        token, _ = create_token(veileder)
        first = services.api_token_revoke(actor=veileder, token=token).revoked_at
        events = audit_count()
        again = services.api_token_revoke(actor=veileder, token=token)
        assert again.revoked_at == first
        assert audit_count() == events


class TestTokenStopsWorking:
    def test_an_expired_token_no_longer_authenticates(self, actor_of_login: ActorOf) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        ApiToken.objects.filter(pk=token.pk).update(
            expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        assert selectors.actor_for_token(secret) is None

    def test_a_token_stops_working_when_its_role_is_revoked(
        self, actor_of_login: ActorOf, admin: Actor
    ) -> None:
        veileder = actor_of_login("veileder")
        _, secret = create_token(veileder)
        services.role_revoke(actor=admin, assignment=first_assignment(veileder))
        assert selectors.actor_for_token(secret) is None

    def test_a_token_stops_working_when_its_user_is_deactivated(
        self, actor_of_login: ActorOf
    ) -> None:
        _, secret = create_token(actor_of_login("veileder"))
        User.objects.filter(username="veileder").update(is_active=False)
        assert selectors.actor_for_token(secret) is None
