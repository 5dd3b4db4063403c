"""Who is acting: from a user, from a bearer token, from a request; and the reads of tokens
and users."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from velferd.access import selectors, services
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import ApiToken, User
from velferd.access.roles import Role
from velferd.organisation import selectors as organisation_selectors

pytestmark = pytest.mark.django_db

ActorOf = Callable[[str], Actor]


def create_token(actor: Actor, name: str = "export") -> tuple[ApiToken, str]:
    return services.api_token_create(
        actor=actor, name=name, role_assignment_id=actor.assignments[0].pk
    )


class TestActorForUser:
    def test_a_demo_login_acts_in_its_role_and_unit(self, actor_of_login: ActorOf) -> None:
        actor = actor_of_login("veileder")
        assert actor.is_authenticated
        assert actor.roles == {Role.CASEWORKER_STATE}
        assert actor.office_ids(Role.CASEWORKER_STATE) == {organisation_selectors.office("0317").pk}
        assert actor.label == "Vera Veileder"
        assert actor.token is None

    def test_the_iw_advisor_belongs_to_the_centre_of_county_46(
        self, actor_of_login: ActorOf
    ) -> None:
        assignment = actor_of_login("ia-radgiver").assignments[0]
        assert assignment.iw_centre is not None
        assert assignment.iw_centre.county.number == "46"

    def test_nobody_is_anonymous(self) -> None:
        assert selectors.actor_for_user(None) is ANONYMOUS
        assert not ANONYMOUS.is_authenticated
        assert ANONYMOUS.label == "anonymous"

    def test_an_inactive_user_is_anonymous(self) -> None:
        user = User.objects.get(username="veileder")
        user.is_active = False
        assert selectors.actor_for_user(user) is ANONYMOUS

    def test_a_citizen_is_only_a_citizen(self, actor_of_login: ActorOf) -> None:
        assert actor_of_login("innbygger").is_only_citizen
        assert not actor_of_login("veileder").is_only_citizen


class TestActorForToken:
    def test_a_token_names_its_owner_in_the_one_role_and_marks_its_label(
        self, actor_of_login: ActorOf
    ) -> None:
        token, secret = create_token(actor_of_login("arbeidsgiver"))
        actor = selectors.actor_for_token(secret)
        assert actor is not None
        assert actor.token == token
        assert actor.roles == {Role.EMPLOYER}
        assert actor.label == f"Anne Arbeidsgiver (token {token.prefix})"

    def test_using_a_token_records_when_it_was_last_used(self, actor_of_login: ActorOf) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        assert token.last_used_at is None
        selectors.actor_for_token(secret)
        token.refresh_from_db()
        assert token.last_used_at is not None

    @pytest.mark.parametrize(
        "raw",
        ["", "garbage", "vlf_", "vlf_abcd", "vlf__secret", "Bearer vlf_x_y"],
    )
    def test_garbage_is_no_one(self, raw: str) -> None:
        assert selectors.actor_for_token(raw) is None

    def test_the_right_prefix_with_a_wrong_secret_is_no_one(self, actor_of_login: ActorOf) -> None:
        token, secret = create_token(actor_of_login("veileder"))
        assert selectors.actor_for_token(f"vlf_{token.prefix}_not-the-secret") is None
        assert selectors.actor_for_token(secret + "x") is None

    def test_the_digest_alone_does_not_authenticate(self, actor_of_login: ActorOf) -> None:
        token, _ = create_token(actor_of_login("veileder"))
        assert selectors.actor_for_token(token.digest) is None
        assert selectors.actor_for_token(f"vlf_{token.prefix}_{token.digest}") is None


class TestActorForRequest:
    def test_a_logged_in_request_acts_as_its_user(self) -> None:
        request = RequestFactory().get("/")
        request.user = User.objects.get(username="beslutter")
        assert selectors.actor_for_request(request).roles == {Role.APPROVER}

    def test_an_anonymous_request_is_anonymous(self) -> None:
        request = RequestFactory().get("/")
        request.user = AnonymousUser()
        assert selectors.actor_for_request(request) is ANONYMOUS

    def test_the_actor_is_computed_once_per_request(self) -> None:
        request = RequestFactory().get("/")
        request.user = User.objects.get(username="beslutter")
        assert selectors.actor_for_request(request) is selectors.actor_for_request(request)


class TestTokensOf:
    def test_a_user_sees_only_their_own_tokens_newest_first(self, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        older, _ = create_token(veileder, "older")
        newer, _ = create_token(veileder, "newer")
        create_token(actor_of_login("beslutter"), "someone else's")
        assert list(selectors.tokens_of(actor=veileder)) == [newer, older]

    def test_anonymous_has_no_tokens(self, actor_of_login: ActorOf) -> None:
        create_token(actor_of_login("veileder"))
        assert not selectors.tokens_of(actor=ANONYMOUS).exists()


class TestDirectory:
    def test_names_in_role_lists_the_active_holders_of_a_role_in_a_unit(self) -> None:
        office = organisation_selectors.office("0317")
        assert selectors.names_in_role(Role.CASEWORKER_STATE, office=office) == ["Vera Veileder"]
        assert selectors.names_in_role(Role.OFFICE_MANAGER, office=office) == ["Kari Kontorleder"]

    def test_names_in_role_leaves_out_deactivated_users(self) -> None:
        User.objects.filter(username="veileder").update(is_active=False)
        office = organisation_selectors.office("0317")
        assert selectors.names_in_role(Role.CASEWORKER_STATE, office=office) == []

    def test_users_are_listed_by_username(self) -> None:
        usernames = [u.username for u in selectors.users()]
        assert usernames == sorted(usernames)
        assert {"admin", "veileder", "innbygger"} <= set(usernames)
