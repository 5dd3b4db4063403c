"""Reading the audit trail, and proving the hash chain intact: any change, removal or
reordering of events after the fact is reported at the first event that does not hold."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.utils import translation

from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.audit.chain import hash_of_stored
from velferd.audit.models import AuditEvent
from velferd.audit.selectors import audit_events_visible_to, verify_chain

pytestmark = pytest.mark.django_db

ActorOf = Callable[[str], Actor]


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """The reasons in a report are translatable; read them in English."""
    with translation.override("en"):
        yield


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True)[0]


def a_middle_seq() -> int:
    return last_seq() // 2


def rehash(seq: int) -> None:
    """What a careful forger does: recompute the hash of an event they changed."""
    event = AuditEvent.objects.get(seq=seq)
    event.hash = hash_of_stored(event)
    event.save(update_fields=["hash"])


class TestVerifyIntactChain:
    def test_the_loaded_chain_is_intact(self) -> None:
        report = verify_chain()
        assert report.intact
        assert report.checked == AuditEvent.objects.count() == last_seq()
        assert report.first_bad_seq is None
        assert report.reason == ""

    def test_the_chain_stays_intact_as_events_are_added(self, actor_of_login: ActorOf) -> None:
        admin = actor_of_login("admin")
        before = verify_chain().checked
        subject = User.objects.get(username="innbygger")
        for n in range(3):
            audit.record(actor=admin, action="test.added", target=subject, after={"n": n})
        report = verify_chain()
        assert report.intact
        assert report.checked == before + 3


class TestVerifyTamperedChain:
    def test_a_changed_after_value_is_reported_at_that_event(self) -> None:
        seq = a_middle_seq()
        AuditEvent.objects.filter(seq=seq).update(after={"forged": True})
        report = verify_chain()
        assert not report.intact
        assert report.first_bad_seq == seq
        assert "changed" in report.reason
        assert report.checked == seq - 1

    def test_a_changed_actor_label_is_reported_at_that_event(self) -> None:
        seq = a_middle_seq() + 1
        AuditEvent.objects.filter(seq=seq).update(actor_label="Someone Else")
        report = verify_chain()
        assert not report.intact
        assert report.first_bad_seq == seq
        assert "changed" in report.reason

    def test_a_changed_first_event_is_reported(self) -> None:
        AuditEvent.objects.filter(seq=1).update(action="user.deleted")
        report = verify_chain()
        assert (report.intact, report.first_bad_seq, report.checked) == (False, 1, 0)

    def test_a_changed_last_event_is_reported(self) -> None:
        seq = last_seq()
        AuditEvent.objects.filter(seq=seq).update(before={"is_active": False})
        report = verify_chain()
        assert report.first_bad_seq == seq
        assert "changed" in report.reason

    def test_a_change_with_a_recomputed_hash_breaks_the_link_to_the_next_event(self) -> None:
        seq = a_middle_seq()
        AuditEvent.objects.filter(seq=seq).update(actor_label="Someone Else")
        rehash(seq)
        report = verify_chain()
        assert not report.intact
        assert report.first_bad_seq == seq + 1
        assert "link" in report.reason

    def test_a_deleted_event_in_the_middle_is_reported_missing(self) -> None:
        seq = a_middle_seq()
        AuditEvent.objects.filter(seq=seq).delete()
        report = verify_chain()
        assert not report.intact
        assert report.first_bad_seq == seq
        assert report.reason == f"event #{seq} is missing"

    def test_a_deleted_last_event_is_reported_against_the_chain_head(self) -> None:
        seq = last_seq()
        AuditEvent.objects.filter(seq=seq).delete()
        report = verify_chain()
        assert not report.intact
        assert report.first_bad_seq == seq
        assert report.checked == seq - 1
        assert "removed" in report.reason

    def test_swapped_events_are_reported(self) -> None:
        seq = a_middle_seq()
        first = AuditEvent.objects.get(seq=seq)
        second = AuditEvent.objects.get(seq=seq + 1)
        AuditEvent.objects.filter(pk=first.pk).update(seq=0)
        AuditEvent.objects.filter(pk=second.pk).update(seq=seq)
        AuditEvent.objects.filter(pk=first.pk).update(seq=seq + 1)
        report = verify_chain()
        assert not report.intact
        assert report.first_bad_seq == seq


class TestAuditEventsVisibleTo:
    def test_an_administrator_sees_every_event_newest_first(self, actor_of_login: ActorOf) -> None:
        events = audit_events_visible_to(actor=actor_of_login("admin"))
        assert events.count() == AuditEvent.objects.count()
        seqs = list(events.values_list("seq", flat=True)[:5])
        assert seqs == sorted(seqs, reverse=True)
        assert seqs[0] == last_seq()

    def test_events_can_be_narrowed_to_an_action(self, actor_of_login: ActorOf) -> None:
        events = audit_events_visible_to(actor=actor_of_login("admin"), action="role.assigned")
        assert events.exists()
        assert set(events.values_list("action", flat=True)) == {"role.assigned"}

    def test_events_can_be_narrowed_to_a_target_type(self, actor_of_login: ActorOf) -> None:
        events = audit_events_visible_to(actor=actor_of_login("admin"), target_type="access.user")
        assert set(events.values_list("target_type", flat=True)) == {"access.user"}
        assert events.count() >= 12  # one for each demo login at least

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "analytiker", "innbygger"])
    def test_anyone_else_sees_nothing(self, actor_of_login: ActorOf, login: str) -> None:
        assert not audit_events_visible_to(actor=actor_of_login(login)).exists()

    def test_anonymous_sees_nothing(self) -> None:
        assert not audit_events_visible_to(actor=ANONYMOUS).exists()
