"""The pages: the public journal anyone searches (offentleglova § 10) without seeing a
private individual's name, an access request made from an entry (offentleglova § 28), the
inbox's flag for a request deemed refused (offentleglova § 32 third paragraph) and the
case page's provisional reply (forvaltningsloven § 11a) and appeal; labels, not codes, and
dates as dd.mm.yyyy."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from velferd.core.testing import field_error, row_of, rows
from velferd.enquiries.models import Enquiry, EnquiryStatus, JournalEntry

from .factories import a_journal_entry, an_access_request, an_enquiry

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]


def today() -> str:
    return timezone.localdate().strftime("%d.%m.%Y")


def test_the_public_journal_shows_a_private_sender_as_privatperson(client: Client) -> None:
    enquiry = an_enquiry(name="Tora Tangen", subject="Brev fra Tora Tangen om dagpenger")
    html = client.get("/journal/", {"reference": enquiry.reference}).content.decode()
    row = row_of(html, "journal", enquiry.reference)
    assert "Privatperson" in row and "Inngående" in row and today() in row
    assert "Tangen" not in html and "***** ***** om dagpenger" in row


def test_the_journal_is_searched_by_title_and_shows_exemptions(client: Client) -> None:
    a_journal_entry(
        case_reference="26/5001", title="Notat om sykepenger", exemption="Offl. § 14 første ledd"
    )
    html = client.get("/journal/", {"q": "notat om sykepenger"}).content.decode()
    row = row_of(html, "journal", "26/5001-1")
    assert "Unntatt" in row and "Offl. § 14 første ledd" in row


def test_a_bad_date_in_the_search_is_shown_beside_its_field(client: Client) -> None:
    response = client.get("/journal/", {"date_from": "32.01.2026"})
    assert response.status_code == 200
    assert field_error(response.content.decode(), "date_from")
    assert rows(response.content.decode(), "journal") == [
        '<td colspan="7">Ingen dokumenter passer med søket.</td>'
    ]


def test_an_access_request_is_made_from_a_journal_entry(client: Client) -> None:
    entry = a_journal_entry(department="integration", case_reference="26/5002")
    page = client.get(f"/journal/{entry.pk}/").content.decode()
    assert f"/enquiries/new/?entry={entry.pk}" in page
    form = client.get("/enquiries/new/", {"entry": str(entry.pk)}).content.decode()
    assert "Innsynskrav: 26/5002-1" in form and 'value="access_request" checked' in form
    response = client.post(
        "/enquiries/new/",
        {
            "name": "Siri Solberg",
            "email": "siri@example.no",
            "kind": "access_request",
            "journal_entry": str(entry.pk),
            "subject": "Innsynskrav: 26/5002-1",
            "text": "Jeg ber om innsyn.",
        },
    )
    assert response.status_code == 302
    receipt = client.get(response["Location"]).content.decode()
    assert "innen fem arbeidsdager" in receipt and "klage" in receipt
    request = Enquiry.objects.get(journal_entry=entry)
    assert request.is_access_request and request.department.slug == "integration"


def test_the_inbox_flags_a_request_deemed_refused(client_as: ClientAs) -> None:
    late = an_access_request(received_days_ago=14)
    html = client_as("departement").get("/inbox/", {"flag": "deemed_refused"}).content.decode()
    row = row_of(html, "inbox", late.reference)
    assert "Regnes som avslått – kan påklages" in row and "Innsynskrav" in row


def test_the_case_page_registers_an_appeal(client_as: ClientAs) -> None:
    late = an_access_request(received_days_ago=14)
    press = client_as("departement")
    page = press.get(f"/inbox/{late.pk}/").content.decode()
    assert "Regnes som avslått – kan påklages" in page and 'data-testid="appeal-form"' in page
    response = press.post(
        f"/inbox/{late.pk}/",
        {"action": "appeal", "appeal": "Jeg klager.", "version": late.version},
    )
    assert response.status_code == 302
    late.refresh_from_db()
    assert late.status == EnquiryStatus.APPEALED
    assert f"Påklaget {today()}" in press.get(f"/inbox/{late.pk}/").content.decode()


def test_the_case_page_records_a_provisional_reply(client_as: ClientAs) -> None:
    enquiry = an_enquiry(received_days_ago=26)
    press = client_as("departement")
    page = press.get(f"/inbox/{enquiry.pk}/").content.decode()
    assert "Foreløpig svar mangler" in page
    blank = press.post(
        f"/inbox/{enquiry.pk}/",
        {"action": "provisional_reply", "provisional_reply": "", "version": enquiry.version},
    )
    assert blank.status_code == 422
    assert field_error(blank.content.decode(), "provisional_reply")
    press.post(
        f"/inbox/{enquiry.pk}/",
        {"action": "provisional_reply", "provisional_reply": "Vi svarer snart.", "version": 1},
    )
    assert f"Foreløpig svar sendt {today()}" in press.get(f"/inbox/{enquiry.pk}/").content.decode()


def test_a_refusal_without_legal_basis_is_shown_beside_the_field(client_as: ClientAs) -> None:
    request = an_access_request()
    response = client_as("departement").post(
        f"/inbox/{request.pk}/",
        {"action": "reply", "reply": "Avslått", "access_outcome": "refused", "version": 1},
    )
    assert response.status_code == 422
    assert "hjemmelen" in field_error(response.content.decode(), "legal_basis")


def test_staff_journal_a_document_by_hand(client_as: ClientAs) -> None:
    officer = client_as("velferdspolitikk")
    assert officer.get("/journal/new/").status_code == 200
    response = officer.post(
        "/journal/new/",
        {
            "department": "welfare-policy",
            "case_reference": "26/5003",
            "direction": "incoming",
            "document_date": timezone.localdate().isoformat(),
            "title": "Brev fra Per Hansen",
            "correspondent": "Per Hansen",
            "correspondent_is_private": "on",
        },
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get(case_reference="26/5003")
    assert entry.public_title == "Brev fra ***** *****"


def test_the_journal_form_is_for_ministry_staff_only(client_as: ClientAs, client: Client) -> None:
    assert client_as("veileder").get("/journal/new/").status_code == 403
    assert client.get("/journal/new/").status_code == 302
