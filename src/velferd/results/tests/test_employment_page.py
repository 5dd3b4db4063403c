"""The import page and API: a refused file shows every bad line under the error summary and
writes nothing; a good file says what was imported and derives the outcomes; others are
refused."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from velferd.access.models import User
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import rows
from velferd.people.tests.factories import a_person
from velferd.results.models import EmploymentImport, EmploymentMonth

pytestmark = pytest.mark.django_db

PAGE = "/results/employment/"
API = "/api/v1/results/employment/imports"
HEADER = "national_id;month;employed;contracted_hours;industry\n"


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def upload(text: str, name: str = "a-ordningen.csv") -> dict[str, SimpleUploadedFile]:
    return {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")}


def test_a_refused_file_lists_each_bad_line_under_the_summary_and_saves_nothing() -> None:
    person = a_person()
    before = EmploymentMonth.objects.count()
    response = client_of("admin").post(
        PAGE,
        upload(
            HEADER
            + f"{person.national_id};2026-03;1;37,5;47.111\n{person.national_id};2026-13;1;;\n"
        ),
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert 'data-testid="error-summary"' in html
    assert "Filen ble ikke importert: 1 linje(r) har feil. Ingenting er lagret." in html
    problems = rows(html, "import-problems")
    assert len(problems) == 1 and "3" in problems[0] and "month" in problems[0]
    assert "Måneden må skrives åååå-mm" in problems[0]
    assert EmploymentMonth.objects.count() == before


def test_a_good_file_says_what_was_imported_and_lists_the_import() -> None:
    person = a_person()
    stranger = synthetic_national_id(datetime.date(1962, 4, 5), 9)
    response = client_of("admin").post(
        PAGE,
        upload(HEADER + f"{person.national_id};2026-03;1;37,5;47.111\n{stranger};2026-03;0;;\n"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    report = html.split('data-testid="import-report"')[1].split("</div>")[0]
    assert "1 arbeidsmåned importert." in report
    assert "1 linje for en person som ikke er kjent her, ble ignorert." in report
    assert 'data-testid="derive-report"' in html
    assert any("a-ordningen.csv" in row for row in rows(html, "earlier-imports"))


def test_no_file_chosen_is_named_in_the_summary() -> None:
    response = client_of("admin").post(PAGE, {})
    assert response.status_code == 422
    assert "Velg en fil." in response.content.decode()


@pytest.mark.parametrize("login", ["analytiker", "veileder"])
def test_the_page_is_for_administrators(login: str) -> None:
    assert client_of(login).get(PAGE).status_code == 403


def test_the_api_imports_raw_csv_and_names_each_bad_line() -> None:
    person = a_person()
    client = client_of("admin")
    bad = client.post(
        API, HEADER + f"{person.national_id};2026-03;kanskje;;\n", content_type="text/csv"
    )
    assert bad.status_code == 422
    assert bad.json()["errors"] == [
        {
            "line": 2,
            "field": "employed",
            "code": "invalid_employed",
            "message": "I arbeid må være 1/0 eller ja/nei, ikke «kanskje».",
        }
    ]
    good = client.post(
        API, HEADER + f"{person.national_id};2026-03;ja;;\n", content_type="text/csv"
    )
    assert good.status_code == 201
    body = good.json()
    assert (body["rows"], body["ignored"], body["first_month"]) == (1, 0, "2026-03")
    assert EmploymentImport.objects.get(pk=body["id"]).rows == 1
