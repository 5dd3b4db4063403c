"""Creating users: each refused with a clear reason when it should be, and each recorded in
the audit trail."""

from __future__ import annotations

import pytest

from velferd.access import services
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import User

from .writes import ActorOf, last_event, refusal_of

pytestmark = pytest.mark.django_db


class TestUserCreate:
    def test_an_administrator_creates_a_user_and_it_is_audited(self, admin: Actor) -> None:
        user = services.user_create(
            actor=admin,
            username="  ny.bruker ",
            full_name="Ny Bruker",
            password="et-langt-passord-2026",
            email="ny@example.no",
        )
        assert user.username == "ny.bruker"
        assert user.check_password("et-langt-passord-2026")
        event = last_event()
        assert event.action == "user.created"
        assert event.target_type == "access.user"
        assert event.target_id == str(user.pk)
        assert event.actor_id == admin.user.pk  # type: ignore[union-attr]
        assert event.actor_label == "Ada Administrator"
        assert event.after == {
            "username": "ny.bruker",
            "full_name": "Ny Bruker",
            "email": "ny@example.no",
        }

    def test_the_password_is_not_audited(self, admin: Actor) -> None:
        user = services.user_create(
            actor=admin, username="hemmelig", full_name="", password="et-langt-passord-2026"
        )
        event = last_event()
        assert "et-langt-passord-2026" not in str(event.after)
        assert user.password not in str(event.after)

    def test_a_user_without_a_password_cannot_log_in_with_one(self, admin: Actor) -> None:
        user = services.user_create(
            actor=admin, username="oidc-bruker", full_name="", password=None
        )
        assert not user.has_usable_password()

    def test_a_taken_username_is_refused_with_409_whatever_its_case(self, admin: Actor) -> None:
        error = refusal_of(
            lambda: services.user_create(
                actor=admin, username="Veileder", full_name="En til", password=None
            )
        )
        assert error.status == 409
        assert error.code == "username_taken"
        assert error.field == "username"
        assert User.objects.filter(username__iexact="veileder").count() == 1

    @pytest.mark.parametrize("password", ["kort-2026", "password1234", "123456789012345"])
    def test_a_weak_password_is_refused_and_nothing_is_stored(
        self, admin: Actor, password: str
    ) -> None:
        error = refusal_of(
            lambda: services.user_create(
                actor=admin, username="svak", full_name="Svein Svak", password=password
            )
        )
        assert error.code == "weak_password"
        assert error.field == "password"
        assert error.message_en and error.message_nb
        assert not User.objects.filter(username="svak").exists()

    def test_a_blank_username_is_refused(self, admin: Actor) -> None:
        error = refusal_of(
            lambda: services.user_create(actor=admin, username="   ", full_name="", password=None)
        )
        assert error.code == "username_required"

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "innbygger"])
    def test_only_an_administrator_creates_users(self, actor_of_login: ActorOf, login: str) -> None:
        error = refusal_of(
            lambda: services.user_create(
                actor=actor_of_login(login), username="inntrenger", full_name="", password=None
            )
        )
        assert error.status == 403
        assert not User.objects.filter(username="inntrenger").exists()

    def test_anonymous_is_asked_to_log_in(self) -> None:
        error = refusal_of(
            lambda: services.user_create(
                actor=ANONYMOUS, username="inntrenger", full_name="", password=None
            )
        )
        assert error.status == 401
