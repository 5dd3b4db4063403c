"""The public journal's date fields take dates the Norwegian way, as Aksel's date input does:
a text field labelled with its format, dd.mm.åååå (also d.m.åååå), and ISO dates too; a date
that cannot be read is refused with a message in the reader's language."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from velferd.core.testing import choose_english, field_error, rows
from velferd.enquiries.models import JournalEntry

from .factories import a_journal_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def march() -> None:
    """Documents journalled on 4, 5 and 6 March 2026."""
    for day in (4, 5, 6):
        entry = a_journal_entry(title=f"Brev {day}. mars")
        JournalEntry.objects.filter(pk=entry.pk).update(journal_date=datetime.date(2026, 3, day))


def found(response: object) -> list[str]:
    html = response.content.decode()  # type: ignore[attr-defined]
    return re.findall(r"Brev \d\. mars", " ".join(rows(html, "journal")))


def date_field(html: str, name: str) -> str:
    field = re.search(rf'<div class="field">(?:(?!</div>).)*id="id_{name}".*?</div>', html, re.S)
    assert field is not None, f"no field {name}"
    return field.group(0)


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [("05.03.2026", "05.03.2026"), ("5.3.2026", "5.3.2026"), ("2026-03-05", "2026-03-05")],
    ids=["dd.mm.yyyy", "d.m.yyyy", "iso"],
)
def test_a_date_typed_the_norwegian_way_or_as_iso_filters_the_journal(
    client: Client, march: None, date_from: str, date_to: str
) -> None:
    response = client.get("/journal/", {"date_from": date_from, "date_to": date_to})
    assert found(response) == ["Brev 5. mars"]
    html = response.content.decode()
    assert 'value="05.03.2026"' in date_field(html, "date_from")


def test_the_date_fields_are_text_fields_labelled_with_their_format(client: Client) -> None:
    html = client.get("/journal/").content.decode()
    for name in ("date_from", "date_to"):
        field = date_field(html, name)
        assert 'type="text"' in field and 'type="date"' not in field
        label = re.search(r"<label[^>]*>(.*?)</label>", field, re.S)
        assert label is not None and "dd.mm.åååå" in label.group(1)


def test_a_date_that_cannot_be_read_is_named_in_the_message(client: Client, march: None) -> None:
    response = client.get("/journal/", {"date_from": "31.02.2026"})
    html = response.content.decode()
    assert field_error(html, "date_from") == (
        "«31.02.2026» er ikke en dato vi kan lese. Skriv datoen som dd.mm.åååå, "
        "for eksempel 17.05.2026."
    )
    assert 'aria-invalid="true"' in date_field(html, "date_from")
    assert 'value="31.02.2026"' in date_field(html, "date_from")
    assert found(response) == []


def test_the_message_is_in_english_for_an_english_reader(client: Client) -> None:
    html = choose_english(client).get("/journal/", {"date_to": "5/3/2026"}).content.decode()
    assert field_error(html, "date_to") == (
        "“5/3/2026” is not a date we can read. Write the date as dd.mm.yyyy, "
        "for example 17.05.2026."
    )
    assert "dd.mm.yyyy" in date_field(html, "date_to")
