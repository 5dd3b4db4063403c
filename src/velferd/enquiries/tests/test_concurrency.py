"""Writes from several sessions at the same moment, over real concurrent connections:
re-routing one enquiry (one wins, every other gets a 409, never a 500), and journalling
documents in one case (each gets the next number)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.enquiries.models import Enquiry, JournalEntry, RoutingCorrection

from .factories import an_enquiry

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

DEPARTMENTS = ["pension", "welfare-policy", "labour-market", "pension"]


@pytest.fixture
def demo() -> None:
    load_demo_data()


@pytest.fixture
def press_enquiry(demo: None) -> Enquiry:
    """A journalist's request for an interview, routed as the press's enquiries are."""
    return an_enquiry(
        name="Jon Journalist",
        email="jon@testavisen.example.no",
        organisation="Testavisen",
        subject="Intervju om sykefraværet",
        text="Vi ønsker et intervju med statsråden om sykefraværet i år. Går det neste uke?",
        is_press=True,
    )


def rerouting(enquiry: Enquiry, department: str) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username="departement"))
    body = json.dumps({"department": department, "version": enquiry.version})

    def reroute() -> Any:
        return client.post(
            f"/api/v1/enquiries/{enquiry.pk}/reroute", body, content_type="application/json"
        )

    return reroute


def test_concurrent_reroutes_one_wins_and_the_others_get_409(press_enquiry: Enquiry) -> None:
    enquiry = press_enquiry
    start_department = enquiry.department.slug

    responses = run_together([rerouting(enquiry, slug) for slug in DEPARTMENTS])

    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: len(DEPARTMENTS) - 1}
    winner = next(r.json() for r in responses if r.status_code == 200)
    losers = [r.json() for r in responses if r.status_code == 409]
    assert {loser["code"] for loser in losers} == {"stale_version"}
    enquiry.refresh_from_db()
    assert (enquiry.department.slug, enquiry.version) == (winner["department"], winner["version"])
    assert enquiry.department.slug != start_department
    assert RoutingCorrection.objects.filter(enquiry=enquiry).count() == 1
    rerouted = AuditEvent.objects.filter(action="enquiry.rerouted", target_id=str(enquiry.pk))
    assert rerouted.count() == 1


def journalling(case_reference: str, title: str) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username="departement"))
    body = json.dumps(
        {
            "department": "welfare-policy",
            "case_reference": case_reference,
            "direction": "incoming",
            "document_date": "2026-01-05",
            "title": title,
            "correspondent": "KS",
        }
    )

    def record() -> Any:
        return client.post(
            "/api/v1/enquiries/journal/entries", body, content_type="application/json"
        )

    return record


def test_documents_journalled_at_once_in_one_case_are_numbered_in_turn(demo: None) -> None:
    """Four officers journal a document in the same case at the same moment: each gets the
    next document number, none is refused and none fails (arkivforskrifta § 10: each
    document once in the journal)."""
    responses = run_together([journalling("26/3333", f"Brev {n}") for n in range(4)])

    assert [getattr(r, "status_code", repr(r)) for r in responses] == [201] * 4
    numbers = sorted(r.json()["document_number"] for r in responses)
    assert numbers == [1, 2, 3, 4]
    assert JournalEntry.objects.filter(case_reference="26/3333").count() == 4
