"""A grant of expert assistance caught in a deadlock, over real concurrent connections: the
grant holds the application and waits for the county's budget, while another transaction
holds the budget and asks for the application. PostgreSQL aborts the grant; it is run again
and goes through, and when no attempt is left the advisor is told 409 write_conflict in
their language, never a server error, with nothing written."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core import db
from velferd.core.tests.concurrency import postgresql_only, run_together
from velferd.employers import selectors
from velferd.employers.models import ExpertAssistance, SubsidyBudget

from .deferrals import applied, expert_budget, vestland_advisor
from .factories import a_representative, an_enterprise

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

ADVISOR = "laas-radgiver"


@pytest.fixture
def application() -> ExpertAssistance:
    """An application for 15 000 kr in Bergen, and room for it in Vestland's budget."""
    advisor = vestland_advisor(ADVISOR)
    employer = a_representative(an_enterprise(), "laas-arbeidsgiver")
    enterprise = selectors.own_enterprises(actor=employer).get()
    expert_budget(advisor, "1000000.00")
    return applied(employer, enterprise)


def _someone_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        # pg_locks is read afresh each time; pg_stat_activity would be a snapshot taken
        # once in the transaction
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        row = cursor.fetchone()
    return bool(row and row[0])


def _holding_the_budget(application: ExpertAssistance, held: threading.Event) -> Callable[[], str]:
    """Another transaction: it locks Vestland's budget, and once the grant waits for it,
    asks for the application the grant holds. The grant waited first, so its deadlock check
    (a second after it began to wait) comes first: PostgreSQL finds the cycle there and
    aborts the grant."""

    def hold() -> str:
        with transaction.atomic():
            list(SubsidyBudget.objects.select_for_update().filter(county_id="46"))
            held.set()
            deadline = time.monotonic() + 10
            while not _someone_waits_for_a_lock() and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.1)
            ExpertAssistance.objects.select_for_update().get(pk=application.pk)
        return "committed"

    return hold


def _granting(application: ExpertAssistance, held: threading.Event) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username=ADVISOR))
    body = json.dumps({"version": application.version})

    def grant() -> Any:
        held.wait(10)
        return client.post(
            f"/api/v1/employers/expert-assistance/{application.pk}/grant",
            body,
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="en",
        )

    return grant


def _grants() -> int:
    return AuditEvent.objects.filter(action="expert_assistance.granted").count()


def test_a_deadlocked_grant_is_run_again_and_goes_through(application: ExpertAssistance) -> None:
    held = threading.Event()

    other, response = run_together(
        [_holding_the_budget(application, held), _granting(application, held)]
    )

    assert other == "committed"
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "granted"
    application.refresh_from_db()
    assert (application.status, application.version) == ("granted", 2)
    assert _grants() == 1


def test_a_grant_deadlocked_on_its_last_attempt_is_409_write_conflict_and_writes_nothing(
    application: ExpertAssistance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "ATTEMPTS", 1)
    held = threading.Event()

    other, response = run_together(
        [_holding_the_budget(application, held), _granting(application, held)]
    )

    assert other == "committed"
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["code"] == "write_conflict"
    assert body["message"] == (
        "Others changed the same records at the same moment and nothing was saved. Try again."
    )
    application.refresh_from_db()
    assert (application.status, application.version) == ("applied", 1)
    assert _grants() == 0
