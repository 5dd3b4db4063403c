"""Verifying the audit chain while audited writes go on, over real concurrent connections:
the chain verified is the one the chain head named when the check began, so writes that
commit during the walk never read as tampering."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import transaction

from velferd.access.actor import system_actor
from velferd.audit import services as audit
from velferd.audit.selectors import ChainReport, verify_chain
from velferd.core.tests.concurrency import postgresql_only, run_together
from velferd.organisation.models import Ministry

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

WRITES = 150
VERIFICATIONS = 15


def writing(target: Ministry, done: threading.Event) -> Callable[[], int]:
    def write() -> int:
        actor = system_actor("tests")
        for n in range(WRITES):
            with transaction.atomic():
                audit.record(actor=actor, action="test.written", target=target, after={"n": n})
        done.set()
        return WRITES

    return write


def verifying(done: threading.Event) -> Callable[[], list[ChainReport]]:
    def verify() -> list[ChainReport]:
        reports = [verify_chain() for _ in range(VERIFICATIONS)]
        while not done.is_set():
            reports.append(verify_chain())
        return reports

    return verify


def test_verify_says_intact_while_writes_commit() -> None:
    target = Ministry.objects.create(slug="verify-race", name_nb="Test", name_en="Test")
    for _ in range(300):  # a chain long enough that writes land during a walk
        audit.record(actor=system_actor("tests"), action="test.before", target=target, after={})
    first, second = threading.Event(), threading.Event()

    written_one, written_two, reports, more = run_together(
        [writing(target, first), writing(target, second), verifying(first), verifying(second)]
    )

    assert written_one == written_two == WRITES
    broken = [report for report in [*reports, *more] if not report.intact]
    assert broken == []
    assert verify_chain().intact
