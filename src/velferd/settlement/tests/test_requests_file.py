"""IMDi's requests from a CSV file on a page: every bad line named in the error summary, in
bokmål and in English, nothing saved while any line is bad, and a receipt of what was
saved; a regional officer only for the municipalities of their county."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.settlement import services
from velferd.settlement.models import MunicipalityRequest

from .factories import BODO, DRAMMEN, an_officer, demo_year, imdi

pytestmark = pytest.mark.django_db

PAGE = "/settlement/requests/"
TROMSO, KRISTIANSAND = "5501", "4204"


def requested() -> dict[str, tuple[int, int]]:
    return {
        r.municipality_id: (r.persons, r.unaccompanied_minors)
        for r in MunicipalityRequest.objects.filter(year=demo_year())
    }


def send(client: Client, text: str, language: str = "nb") -> tuple[int, str]:
    client.cookies["django_language"] = language
    response = client.post(
        PAGE, {"file": SimpleUploadedFile("anmodninger.csv", text.encode("utf-8"))}
    )
    return response.status_code, response.content.decode()


def summary(html: str) -> list[str]:
    found = re.search(r'data-testid="error-summary".*?</ul>', html, flags=re.DOTALL)
    assert found is not None, "no error summary"
    items = re.findall(r"<li>(.*?)</li>", found.group(0), flags=re.DOTALL)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


@pytest.fixture
def officer(client: Client) -> Client:
    client.force_login(User.objects.get(username="imdi"))
    return client


BAD_FILE = (
    "municipality_number;persons;unaccompanied_minors\n"
    f"{TROMSO};30;2\n"
    "9999;5;0\n"
    f"{KRISTIANSAND};fem;0\n"
    f"{DRAMMEN};3;4\n"
    f"{TROMSO};10;0\n"
)


def test_every_bad_line_is_named_and_nothing_is_saved(officer: Client) -> None:
    before, audits = requested(), AuditEvent.objects.count()
    status, html = send(officer, BAD_FILE)
    assert status == 422
    items = summary(html)
    assert items[0] == "Filen ble ikke lagret: 4 linje(r) har feil. Ingenting er lagret."
    assert [item.split(":")[0] for item in items[1:]] == [
        "Linje 3",
        "Linje 4",
        "Linje 5",
        "Linje 6",
    ]
    assert "Antall personer må være et helt tall" in items[2]
    assert "Enslige mindreårige er en del av personene" in items[3]
    assert items[4] == "Linje 6: Kommunen står også på linje 2."
    assert 'href="#id_file"' in html and 'aria-invalid="true"' in html
    assert requested() == before and AuditEvent.objects.count() == audits


def test_the_lines_are_named_in_english_too(officer: Client) -> None:
    status, html = send(officer, BAD_FILE, "en")
    assert status == 422
    items = summary(html)
    assert items[0] == "The file was not saved: 4 line(s) have errors. Nothing was saved."
    assert items[4] == "Line 6: The municipality is on line 2 as well."
    assert "The number of persons must be a whole number" in items[2]


def test_a_good_file_is_saved_whole_with_a_receipt(officer: Client) -> None:
    before = requested()
    (drammen, drammen_minors), (tromso, tromso_minors) = before[DRAMMEN], before[TROMSO]
    text = (
        "\ufeffmunicipality_number,persons,unaccompanied_minors\n"
        f"{KRISTIANSAND},14,\n"
        f"{DRAMMEN},{drammen},{drammen_minors}\n"
        f"{TROMSO},{tromso + 5},{tromso_minors}\n"
    )
    audits = AuditEvent.objects.count()
    status, html = send(officer, text)
    assert status == 200
    receipt = re.findall(r'data-testid="receipt-row">(.*?)</tr>', html, flags=re.DOTALL)
    plain = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in receipt]
    assert "3 anmodninger er lagret." in html
    assert plain[0] == "Kristiansand (4204) 14 0 Ny anmodning"
    assert plain[1].startswith("Drammen (3301)") and plain[1].endswith("Uendret")
    assert plain[2].endswith(f"Endret (var {tromso} personer, {tromso_minors} mindreårige)")
    after = requested()
    assert after[KRISTIANSAND] == (14, 0)
    assert after[TROMSO] == (tromso + 5, tromso_minors)
    assert after[DRAMMEN] == (drammen, drammen_minors)
    assert AuditEvent.objects.count() == audits + 2, "a new request and a changed one"


def test_a_file_without_the_columns_or_not_in_utf8_is_refused(officer: Client) -> None:
    status, html = send(officer, "kommune;antall\n3301;4\n")
    assert status == 422
    assert "Filen mangler kolonnene municipality_number, persons." in summary(html)[0]
    latin = "municipality_number;persons\nÅ;1\n".encode("latin-1")
    response = officer.post(PAGE, {"file": SimpleUploadedFile("a.csv", latin)})
    assert response.status_code == 422
    assert "Filen er ikke UTF-8" in response.content.decode()
    empty = officer.post(PAGE, {})
    assert empty.status_code == 422 and "Velg en fil." in summary(empty.content.decode())[0]


def test_a_regional_officer_asks_only_the_municipalities_of_their_county(client: Client) -> None:
    an_officer("imdi-buskerud", "33")
    client.force_login(User.objects.get(username="imdi-buskerud"))
    before = requested()
    status, html = send(client, f"municipality_number;persons\n{DRAMMEN};22\n{BODO};9\n")
    assert status == 422
    assert summary(html)[1:] == ["Linje 3: Du kan bare anmode kommunene i ditt eget fylke."]
    assert requested() == before
    status, _ = send(client, f"municipality_number;persons\n{DRAMMEN};22\n")
    assert status == 200 and requested()[DRAMMEN][0] == 22


def test_the_service_names_every_bad_row_of_the_api_too() -> None:
    rows = [
        {"municipality_number": "9999", "persons": "5"},
        {"municipality_number": TROMSO, "persons": "3"},
        {"municipality_number": DRAMMEN, "persons": "x"},
    ]
    with pytest.raises(DomainError) as error:
        services.requests_set(actor=imdi(), year=demo_year().year, rows=rows)
    assert error.value.status == 422 and error.value.code == "invalid_rows"
    assert error.value.message_nb.startswith("2 linjer har feil; ingenting er lagret. Linje 1:")
    assert "Linje 3:" in error.value.message_nb and "Line 3:" in error.value.message_en
