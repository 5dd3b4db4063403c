"""The audit trail over the API (/api/v1/audit/) and as a page (/audit/): for administrators
only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client

from velferd.access import selectors, services
from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

VERIFY = "/api/v1/audit/verify"
EVENTS = "/api/v1/audit/events"
PAGE = "/audit/"

ActorOf = Callable[[str], Actor]
ClientAs = Callable[[str], Client]
ENGLISH = {"Accept-Language": "en"}  # the API follows Accept-Language


def in_english(client: Client) -> Client:
    """Pages are in Norwegian unless the user chose English (the language cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True)[0]


class TestVerifyRoute:
    def test_an_administrator_is_told_the_chain_is_intact(self, client_as: ClientAs) -> None:
        response = client_as("admin").get(VERIFY)
        assert response.status_code == 200
        assert response.json() == {
            "intact": True,
            "checked": AuditEvent.objects.count(),
            "first_bad_seq": None,
            "reason": "",
        }

    def test_an_administrator_is_told_where_the_chain_breaks(self, client_as: ClientAs) -> None:
        seq = last_seq() // 2
        AuditEvent.objects.filter(seq=seq).update(actor_label="Someone Else")
        body = client_as("admin").get(VERIFY, headers=ENGLISH).json()
        assert body["intact"] is False
        assert body["first_bad_seq"] == seq
        assert body["checked"] == seq - 1
        assert "changed" in body["reason"]

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "analytiker", "departement"])
    def test_anyone_else_is_403(self, client_as: ClientAs, login: str) -> None:
        response = client_as(login).get(VERIFY)
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"

    def test_anonymous_is_401(self, client: Client) -> None:
        response = client.get(VERIFY)
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


class TestEventsRoute:
    def test_an_administrator_gets_a_page_of_events_newest_first(self, client_as: ClientAs) -> None:
        response = client_as("admin").get(EVENTS, {"page_size": 10})
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == AuditEvent.objects.count()
        seqs = [item["seq"] for item in body["items"]]
        assert seqs == list(range(last_seq(), last_seq() - 10, -1))
        first = body["items"][0]
        assert set(first) >= {
            "seq",
            "occurred_at",
            "actor_label",
            "action",
            "target_type",
            "target_id",
            "target_label",
            "before",
            "after",
            "request_id",
            "hash",
        }

    def test_the_second_page_follows_the_first(self, client_as: ClientAs) -> None:
        client = client_as("admin")
        first = client.get(EVENTS, {"page_size": 5}).json()["items"]
        second = client.get(EVENTS, {"page_size": 5, "page": 2}).json()["items"]
        assert second[0]["seq"] == first[-1]["seq"] - 1

    def test_events_can_be_filtered_by_action(self, client_as: ClientAs) -> None:
        body = client_as("admin").get(EVENTS, {"action": "user.created"}).json()
        assert body["count"] == AuditEvent.objects.filter(action="user.created").count()
        assert {item["action"] for item in body["items"]} == {"user.created"}

    def test_a_write_through_the_api_shows_up_with_its_request_id(
        self, client_as: ClientAs, actor_of_login: ActorOf
    ) -> None:
        assignment = actor_of_login("veileder").assignments[0]
        client_as("veileder").post(
            "/api/v1/access/tokens",
            data={"name": "sync", "role_assignment": assignment.pk},
            content_type="application/json",
            headers={"X-Request-ID": "trace-me-123456"},
        )
        newest = client_as("admin").get(EVENTS, {"page_size": 1}).json()["items"][0]
        assert newest["action"] == "api_token.created"
        assert newest["actor_label"] == "Vera Veileder"
        assert newest["request_id"] == "trace-me-123456"

    def test_a_page_size_over_200_is_422(self, client_as: ClientAs) -> None:
        response = client_as("admin").get(EVENTS, {"page_size": 201})
        assert response.status_code == 422
        assert response.json()["field"] == "page_size"

    def test_an_administrators_token_may_read_the_trail(
        self, client: Client, actor_of_login: ActorOf
    ) -> None:
        admin = actor_of_login("admin")
        _, secret = services.api_token_create(
            actor=admin, name="siem export", role_assignment_id=admin.assignments[0].pk
        )
        response = client.get(EVENTS, headers={"Authorization": f"Bearer {secret}"})
        assert response.status_code == 200

    def test_a_caseworker_token_of_an_administrator_may_not(
        self, client: Client, system: Actor
    ) -> None:
        from velferd.organisation import selectors as organisation_selectors

        user = services.user_create(
            actor=system, username="admin-og-veileder", full_name="", password=None
        )
        services.role_assign(actor=system, user=user, role=Role.ADMINISTRATOR)
        caseworker = services.role_assign(
            actor=system,
            user=user,
            role=Role.CASEWORKER_STATE,
            office=organisation_selectors.office("0317"),
        )
        _, secret = services.api_token_create(
            actor=selectors.actor_for_user(user), name="cases", role_assignment_id=caseworker.pk
        )
        response = client.get(EVENTS, headers={"Authorization": f"Bearer {secret}"})
        assert response.status_code == 403

    @pytest.mark.parametrize("login", ["veileder", "innbygger", "arbeidsgiver"])
    def test_anyone_else_is_403(self, client_as: ClientAs, login: str) -> None:
        assert client_as(login).get(EVENTS).status_code == 403

    def test_anonymous_is_401(self, client: Client) -> None:
        assert client.get(EVENTS).status_code == 401


class TestAuditPage:
    def test_an_administrator_sees_the_newest_events(self, client_as: ClientAs) -> None:
        response = in_english(client_as("admin")).get(PAGE)
        assert response.status_code == 200
        assert f"<td>{last_seq()}</td>" in response.text
        assert 'data-testid="chain-report"' not in response.text
        assert "Verify the chain" in response.text

    def test_verify_shows_that_the_chain_is_intact(self, client_as: ClientAs) -> None:
        response = in_english(client_as("admin")).get(PAGE, {"verify": "1"})
        assert response.status_code == 200
        assert 'data-testid="chain-report"' in response.text
        assert (
            f"The chain is intact: {AuditEvent.objects.count()} events verified." in response.text
        )

    def test_verify_shows_where_the_chain_breaks(self, client_as: ClientAs) -> None:
        seq = last_seq() // 2
        AuditEvent.objects.filter(seq=seq).delete()
        response = in_english(client_as("admin")).get(PAGE, {"verify": "1"})
        assert f"The chain is broken at event #{seq}: event #{seq} is missing." in response.text

    def test_a_nonsense_page_number_shows_the_first_page(self, client_as: ClientAs) -> None:
        response = client_as("admin").get(PAGE, {"page": "abc"})
        assert response.status_code == 200
        assert f"<td>{last_seq()}</td>" in response.text

    def test_a_caseworker_is_refused(self, client_as: ClientAs) -> None:
        assert client_as("veileder").get(PAGE).status_code == 403

    def test_anonymous_is_sent_to_log_in(self, client: Client) -> None:
        response = client.get(PAGE)
        assert response.status_code == 302
        assert response["Location"] == f"/login/?next={PAGE}"

    def test_the_menu_offers_the_audit_trail_to_administrators_only(
        self, client_as: ClientAs
    ) -> None:
        assert 'href="/audit/"' in client_as("admin").get("/").text
        assert 'href="/audit/"' not in client_as("veileder").get("/").text
