"""The API of the public journal and of access requests: anyone searches the journal and
asks for access to an entry (offentleglova §§ 10 and 28); staff see entries in full, journal
by hand, mark exemptions, record provisional replies (forvaltningsloven § 11a) and appeals
(offentleglova § 32)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.audit.models import AccessEvent
from velferd.enquiries.models import Enquiry, JournalEntry

from .factories import a_journal_entry, an_access_request, an_enquiry

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]
ENTRIES = "/api/v1/enquiries/journal/entries"


def post(client: Client, path: str, body: Any) -> Any:
    return client.post(path, data=json.dumps(body), content_type="application/json")


def test_anyone_searches_the_journal_and_sees_no_private_name(client: Client) -> None:
    enquiry = an_enquiry(name="Tora Tangen", subject="Tora Tangen spør om dagpenger")
    body = client.get(ENTRIES, {"reference": enquiry.reference}).json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["title"] == "***** ***** spør om dagpenger"
    assert item["correspondent_is_private"] and "Tangen" not in json.dumps(body)
    assert (item["in_full"], item["enquiry"], item["document_number"]) == (False, None, 1)


def test_staff_of_the_department_see_the_entry_in_full(client_as: ClientAs) -> None:
    enquiry = an_enquiry(name="Tora Tangen")
    entry = JournalEntry.objects.get(enquiry=enquiry)
    body = client_as("departement").get(f"{ENTRIES}/{entry.pk}").json()
    assert (body["correspondent"], body["in_full"], body["enquiry"]) == (
        "Tora Tangen",
        True,
        str(enquiry.pk),
    )


def test_the_journal_is_paged_and_filtered_by_date(client: Client) -> None:
    for _ in range(3):
        a_journal_entry(case_reference="26/6001")
    today = timezone.localdate().isoformat()
    params = {"reference": "26/6001", "date_from": today, "date_to": today, "page_size": "2"}
    body = client.get(ENTRIES, params).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    later = client.get(ENTRIES, {"reference": "26/6001", "date_from": "2999-01-01"}).json()
    assert later["count"] == 0


def test_a_bad_date_is_422(client: Client) -> None:
    response = client.get(ENTRIES, {"date_from": "17.13.2026"})
    assert response.status_code == 422


def test_anyone_asks_for_access_to_an_entry(client: Client) -> None:
    entry = a_journal_entry(department="integration", case_reference="26/6002")
    response = post(
        client,
        "/api/v1/enquiries",
        {
            "name": "Siri",
            "email": "siri@example.no",
            "subject": "Innsynskrav",
            "text": "Jeg ber om innsyn.",
            "kind": "access_request",
            "journal_entry": str(entry.pk),
        },
    )
    assert response.status_code == 201
    request = Enquiry.objects.get(reference=response.json()["reference"])
    assert (request.kind, request.journal_entry_id, request.department.slug) == (
        "access_request",
        entry.pk,
        "integration",
    )
    assert response.json()["deadline"] == request.deadline.isoformat()


def test_staff_journal_by_hand_and_mark_an_exemption(client_as: ClientAs) -> None:
    officer = client_as("velferdspolitikk")
    created = post(
        officer,
        ENTRIES,
        {
            "department": "welfare-policy",
            "case_reference": "26/6003",
            "direction": "internal",
            "document_date": timezone.localdate().isoformat(),
            "title": "Notat om regelverket",
        },
    )
    assert created.status_code == 201, created.content
    entry = created.json()
    exempt = post(
        officer,
        f"{ENTRIES}/{entry['id']}/exemption",
        {"exemption": "Offl. § 14 første ledd", "version": entry["version"]},
    )
    assert exempt.status_code == 200
    assert exempt.json()["exemption"] == "Offl. § 14 første ledd"


def test_another_department_may_not_journal_for_welfare_policy(client_as: ClientAs) -> None:
    response = post(
        client_as("integrering"),
        ENTRIES,
        {
            "department": "welfare-policy",
            "case_reference": "26/6004",
            "direction": "internal",
            "document_date": timezone.localdate().isoformat(),
            "title": "Notat",
        },
    )
    assert response.status_code == 403


def test_the_inbox_flags_and_filters_deemed_refused_requests(client_as: ClientAs) -> None:
    late = an_access_request(received_days_ago=14)
    body = client_as("departement").get("/api/v1/enquiries", {"flag": "deemed_refused"}).json()
    items = {item["reference"]: item for item in body["items"]}
    assert late.reference in items
    assert all(item["deemed_refused"] and item["may_be_appealed"] for item in items.values())
    kinds = client_as("departement").get("/api/v1/enquiries", {"kind": "access_request"}).json()
    assert {item["kind"] for item in kinds["items"]} == {"access_request"}


def test_an_appeal_and_a_provisional_reply_are_recorded(client_as: ClientAs) -> None:
    press = client_as("departement")
    late = an_access_request(received_days_ago=14)
    appealed = post(
        press, f"/api/v1/enquiries/{late.pk}/appeal", {"text": "Klage", "version": late.version}
    )
    assert appealed.status_code == 200
    assert (appealed.json()["status"], appealed.json()["deemed_refused"]) == ("appealed", False)
    enquiry = an_enquiry(received_days_ago=26)
    provisional = post(
        press,
        f"/api/v1/enquiries/{enquiry.pk}/provisional-reply",
        {"text": "Vi svarer innen to uker.", "version": enquiry.version},
    )
    assert provisional.status_code == 200
    assert provisional.json()["provisional_reply_on"] == timezone.localdate().isoformat()
    again = post(
        press,
        f"/api/v1/enquiries/{enquiry.pk}/provisional-reply",
        {"text": "Igjen", "version": provisional.json()["version"]},
    )
    assert (again.status_code, again.json()["code"]) == (409, "provisional_reply_sent")


def test_reading_an_enquiry_logs_the_read_of_its_sender(client_as: ClientAs) -> None:
    """The requester's name and e-mail address are personal data: each read is logged."""
    request = an_access_request()
    logged = AccessEvent.objects.filter(subject_id=str(request.pk), what="enquiry.sender")
    assert not logged.exists()
    body = client_as("departement").get(f"/api/v1/enquiries/{request.pk}").json()
    assert body["email"] == "mari@example.no"
    client_as("departement").get(f"/inbox/{request.pk}/")
    assert logged.count() == 2
