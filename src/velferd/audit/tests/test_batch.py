"""Writing many audit events or access-log rows at once: record_many() links each event to
the one before it exactly as record() would, so the chain verifies; log_access_many() writes
a row per person read. Each in a constant number of statements, however many there are."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.audit.chain import hash_of_stored
from velferd.audit.models import AccessEvent, AuditChainHead, AuditEvent
from velferd.audit.selectors import verify_chain

pytestmark = pytest.mark.django_db

ActorOf = Callable[[str], Actor]


def people(count: int) -> list[User]:
    first = User.objects.count()
    return [
        User.objects.create(username=f"batch-{first + n}", full_name=f"Batch {n}")
        for n in range(count)
    ]


def statements(work: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured.captured_queries)


class TestRecordMany:
    def test_each_event_links_to_the_one_before_and_the_chain_verifies(
        self, actor_of_login: ActorOf
    ) -> None:
        admin = actor_of_login("admin")
        single = audit.record(actor=admin, action="test.single", target=people(1)[0])
        entries = [audit.Entry(p, after={"n": n}) for n, p in enumerate(people(3))]

        written = audit.record_many(actor=admin, action="test.batch", entries=entries)
        after = audit.record(actor=admin, action="test.after", target=entries[0].target)

        stored = list(AuditEvent.objects.filter(seq__gt=single.seq).order_by("seq"))
        assert [e.action for e in stored] == ["test.batch"] * 3 + ["test.after"]
        assert [e.seq for e in stored] == list(range(single.seq + 1, single.seq + 5))
        assert stored[0].prev_hash == single.hash
        assert [e.prev_hash for e in stored[1:]] == [e.hash for e in stored[:-1]]
        assert all(hash_of_stored(e) == e.hash for e in stored)
        assert [e.target_id for e in stored[:3]] == [str(e.target.pk) for e in entries]
        assert [e.after for e in stored[:3]] == [{"n": 0}, {"n": 1}, {"n": 2}]
        assert [e.hash for e in written] == [e.hash for e in stored[:3]]
        head = AuditChainHead.objects.get(id=1)
        assert (head.last_seq, head.last_hash) == (after.seq, after.hash)
        assert verify_chain().intact

    def test_a_tampered_event_of_a_batch_is_found(self, actor_of_login: ActorOf) -> None:
        admin = actor_of_login("admin")
        entries = [audit.Entry(p) for p in people(3)]
        written = audit.record_many(actor=admin, action="test.batch", entries=entries)
        AuditEvent.objects.filter(seq=written[1].seq).update(after={"forged": True})

        report = verify_chain()

        assert not report.intact
        assert report.first_bad_seq == written[1].seq

    def test_the_statements_do_not_grow_with_the_events(self, actor_of_login: ActorOf) -> None:
        admin = actor_of_login("admin")
        few = [audit.Entry(p) for p in people(2)]
        many = [audit.Entry(p) for p in people(20)]
        assert statements(
            lambda: audit.record_many(actor=admin, action="t", entries=few)
        ) == statements(lambda: audit.record_many(actor=admin, action="t", entries=many))

    def test_nothing_to_write_writes_nothing(self, actor_of_login: ActorOf) -> None:
        before = AuditEvent.objects.count()
        assert audit.record_many(actor=actor_of_login("admin"), action="t", entries=[]) == []
        assert AuditEvent.objects.count() == before


class TestLogAccessMany:
    def test_a_row_per_person_as_log_access_writes_it(self, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        read = people(3)
        one = audit.log_access(actor=veileder, subject=read[0], what="list", purpose="p")

        audit.log_access_many(actor=veileder, subjects=read, what="list", purpose="p")

        rows = AccessEvent.objects.filter(what="list").exclude(pk=one.pk)
        assert sorted(r.subject_id for r in rows) == sorted(str(p.pk) for p in read)
        fields = ("actor_id", "actor_label", "actor_role", "actor_unit", "subject_type", "purpose")
        assert {tuple(getattr(r, f) for f in fields) for r in rows} == {
            tuple(getattr(one, f) for f in fields)
        }

    def test_one_statement_however_many_are_read(self, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        few, many = people(2), people(20)
        assert statements(
            lambda: audit.log_access_many(actor=veileder, subjects=few, what="w", purpose="p")
        ) == statements(
            lambda: audit.log_access_many(actor=veileder, subjects=many, what="w", purpose="p")
        )
