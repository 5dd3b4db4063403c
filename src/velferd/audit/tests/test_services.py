"""Writing the audit trail: record() appends a hash-chained event in the caller's
transaction; log_access() notes who read whose personal data, in which role and unit."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.db import transaction

from velferd.access import selectors, services
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.audit.chain import GENESIS_HASH, hash_of_stored
from velferd.audit.models import AccessEvent, AuditChainHead, AuditEvent
from velferd.core.request_context import reset_request_id, set_request_id
from velferd.organisation import selectors as organisation_selectors

pytestmark = pytest.mark.django_db

ActorOf = Callable[[str], Actor]


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


def recomputed_hash(event: AuditEvent) -> str:
    return hash_of_stored(event)


@pytest.fixture
def subject() -> User:
    """Someone whose record is written about or read."""
    return User.objects.get(username="innbygger")


class TestRecord:
    def test_the_loaded_data_was_audited(self) -> None:
        assert AuditEvent.objects.count() > 100
        first = AuditEvent.objects.get(seq=1)
        assert first.prev_hash == GENESIS_HASH
        assert AuditEvent.objects.filter(action="user.created").count() >= 12

    def test_each_event_links_to_the_one_before_it(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        before = last_event()
        admin = actor_of_login("admin")
        first = audit.record(actor=admin, action="test.first", target=subject)
        second = audit.record(actor=admin, action="test.second", target=subject)

        assert first.seq == before.seq + 1
        assert first.prev_hash == before.hash
        assert second.seq == first.seq + 1
        assert second.prev_hash == first.hash
        assert len({before.hash, first.hash, second.hash}) == 3

    def test_the_chain_head_follows_the_last_event(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        event = audit.record(actor=actor_of_login("admin"), action="test.head", target=subject)
        head = AuditChainHead.objects.get(id=1)
        assert (head.last_seq, head.last_hash) == (event.seq, event.hash)

    def test_the_stored_hash_is_the_hash_of_what_was_stored(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        when = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)
        audit.record(
            actor=actor_of_login("admin"),
            action="test.values",
            target=subject,
            before={"when": when, "count": 1},
            after={"when": None, "count": 2},
        )
        stored = last_event()  # as read back from the database
        assert stored.before == {"when": "2026-03-01 12:00:00+00:00", "count": 1}
        assert stored.hash == recomputed_hash(stored)

    def test_an_event_names_who_did_what_to_which_record(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        admin = actor_of_login("admin")
        event = audit.record(
            actor=admin, action="test.named", target=subject, after={"full_name": "Ola Nordmann"}
        )
        assert event.actor == admin.user
        assert event.actor_label == "Ada Administrator"
        assert event.action == "test.named"
        assert event.target_type == "access.user"
        assert event.target_id == str(subject.pk)
        assert event.target_label == "Ola Nordmann"
        assert event.after == {"full_name": "Ola Nordmann"}

    def test_the_system_is_named_as_the_system(self, system: Actor, subject: User) -> None:
        event = audit.record(actor=system, action="test.system", target=subject)
        assert event.actor is None
        assert event.actor_label == "system: tests"

    def test_the_request_id_is_recorded(self, actor_of_login: ActorOf, subject: User) -> None:
        token = set_request_id("audit-request-0042")
        try:
            event = audit.record(actor=actor_of_login("admin"), action="test.req", target=subject)
        finally:
            reset_request_id(token)
        assert event.request_id == "audit-request-0042"

    def test_a_rolled_back_write_leaves_no_event_and_no_gap(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        admin = actor_of_login("admin")
        before = last_event()
        with pytest.raises(RuntimeError), transaction.atomic():
            audit.record(actor=admin, action="test.rolled_back", target=subject)
            raise RuntimeError("the write failed")
        assert last_event() == before
        assert not AuditEvent.objects.filter(action="test.rolled_back").exists()
        after = audit.record(actor=admin, action="test.after", target=subject)
        assert after.seq == before.seq + 1
        assert after.prev_hash == before.hash


class TestSnapshot:
    def test_a_snapshot_holds_the_named_fields_as_json(self, subject: User) -> None:
        assert audit.snapshot(subject, "username", "full_name") == {
            "username": "innbygger",
            "full_name": "Ola Nordmann",
        }

    def test_a_related_record_is_named_by_its_key(self) -> None:
        office = organisation_selectors.office("0317")
        snap = audit.snapshot(office, "pk", "version")
        assert snap == {"pk": office.pk, "version": office.version}


class TestLogAccess:
    def test_a_read_names_the_actors_role_and_unit(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        veileder = actor_of_login("veileder")
        event = audit.log_access(
            actor=veileder, subject=subject, what="activity plan", purpose="follow-up"
        )
        stored = AccessEvent.objects.get(pk=event.pk)
        assert stored.actor == veileder.user
        assert stored.actor_label == "Vera Veileder"
        assert stored.actor_role == "caseworker_state"
        assert stored.actor_unit == str(organisation_selectors.office("0317"))
        assert stored.subject_type == "access.user"
        assert stored.subject_id == str(subject.pk)
        assert stored.what == "activity plan"
        assert stored.purpose == "follow-up"

    def test_a_partner_is_named_with_service_and_municipality(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        fastlege = actor_of_login("fastlege")
        event = audit.log_access(
            actor=fastlege,
            subject=subject,
            what="individual plan",
            purpose="plan meeting",
            role="partner",
        )
        assert event.actor_role == "partner"
        assert event.actor_unit == fastlege.assignments[0].unit_label()
        assert "0301" in event.actor_unit

    def test_the_role_named_is_the_role_logged(
        self, system: Actor, actor_of_login: ActorOf, subject: User
    ) -> None:
        user = services.user_create(
            actor=system, username="to-kontor", full_name="To Kontor", password=None
        )
        office = organisation_selectors.office("0317")
        services.role_assign(actor=system, user=user, role="caseworker_state", office=office)
        services.role_assign(actor=system, user=user, role="analyst")
        actor = selectors.actor_for_user(user)
        event = audit.log_access(
            actor=actor, subject=subject, what="statistics", purpose="analysis", role="analyst"
        )
        assert event.actor_role == "analyst"
        assert event.actor_unit == ""

    def test_a_read_is_not_part_of_the_audit_chain(
        self, actor_of_login: ActorOf, subject: User
    ) -> None:
        before = AuditEvent.objects.count()
        audit.log_access(actor=actor_of_login("veileder"), subject=subject, what="x", purpose="y")
        assert AuditEvent.objects.count() == before

    def test_the_request_id_is_logged(self, actor_of_login: ActorOf, subject: User) -> None:
        token = set_request_id("access-request-0007")
        try:
            event = audit.log_access(
                actor=actor_of_login("veileder"), subject=subject, what="x", purpose="y"
            )
        finally:
            reset_request_id(token)
        assert event.request_id == "access-request-0007"
