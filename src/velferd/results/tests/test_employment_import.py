"""The import of the employers' monthly reports: a good file, every kind of bad line, all or
nothing, a re-import replacing a month, and lines for people velferd does not know."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from velferd.access.actor import Actor, system_actor
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import login_actor
from velferd.people.models import Person
from velferd.people.tests.factories import a_person
from velferd.results.models import EmploymentImport, EmploymentMonth
from velferd.results.services.employment import ImportRejected, employment_import

pytestmark = pytest.mark.django_db

HEADER = "national_id;month;employed;contracted_hours;industry\n"
STRANGER = synthetic_national_id(datetime.date(1960, 1, 1), 7)


def admin() -> Actor:
    return login_actor("admin")


def file_of(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode()


def rejected_lines(data: bytes) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as refused:
        employment_import(actor=admin(), data=data, filename="a.csv")
    return [(p.line, p.field, p.code) for p in refused.value.problems]


@pytest.fixture
def two() -> tuple[Person, Person]:
    return a_person(), a_person()


def test_a_good_file_is_imported_with_its_months_and_one_audit_event(two) -> None:
    kari, ola = two
    events = AuditEvent.objects.count()
    report = employment_import(
        actor=admin(),
        data=file_of(
            f"{kari.national_id};2026-03;1;37,5;47.111",
            f"{kari.national_id};2026-04;ja;20.0;47111",
            f"{ola.national_id};2026-03;0;;",
            f"{STRANGER};2026-03;1;37,5;86.211",
        ),
        filename="a-ordningen-2026-03.csv",
    )
    assert (report.lines, report.rows, report.ignored) == (4, 3, 1)
    record = report.record
    assert (record.first_month, record.last_month) == (
        datetime.date(2026, 3, 1),
        datetime.date(2026, 4, 1),
    )
    assert record.imported_by_label and record.file_name == "a-ordningen-2026-03.csv"
    march = EmploymentMonth.objects.get(person=kari, month=datetime.date(2026, 3, 1))
    assert (march.employed, march.contracted_hours, march.industry) == (
        True,
        Decimal("37.5"),
        "47.111",
    )
    april = EmploymentMonth.objects.get(person=kari, month=datetime.date(2026, 4, 1))
    assert april.industry == "47.111" and april.contracted_hours == Decimal("20.0")
    assert not EmploymentMonth.objects.get(person=ola).employed
    assert AuditEvent.objects.count() == events + 1
    event = AuditEvent.objects.latest("seq")
    after = event.after or {}
    assert event.action == "employment_import.imported" and after["rows"] == 3
    assert after["ignored"] == 1


def test_every_bad_line_is_reported_with_its_field_and_nothing_is_written(two) -> None:
    kari, ola = two
    months = EmploymentMonth.objects.count()
    imports = EmploymentImport.objects.count()
    problems = rejected_lines(
        file_of(
            f"{kari.national_id};2026-03;1;37,5;47.111",  # good
            "12345678901;2026-03;1;37,5;47.111",  # check digits wrong
            f"{ola.national_id};2026-13;1;37,5;47.111",  # no month 13
            f"{ola.national_id};2099-01;1;37,5;47.111",  # not come yet
            f"{ola.national_id};2026-02;kanskje;;",  # unknown value
            f"{ola.national_id};2026-01;1;120;47.111",  # hours out of range
            f"{ola.national_id};2025-12;1;37,55;47.111",  # two decimals
            f"{ola.national_id};2025-11;0;10;",  # hours but not employed
            f"{ola.national_id};2025-10;1;37,5;00.111",  # no such division
            f"{kari.national_id};2026-03;0;;",  # the same person and month as line 2
            f"{ola.national_id};2025-09;1",  # too few fields
        )
    )
    assert problems == [
        (3, "national_id", "invalid_national_id_checksum"),
        (4, "month", "invalid_month"),
        (5, "month", "month_in_future"),
        (6, "employed", "invalid_employed"),
        (7, "contracted_hours", "invalid_contracted_hours"),
        (8, "contracted_hours", "invalid_contracted_hours"),
        (9, "contracted_hours", "hours_without_employment"),
        (10, "industry", "invalid_industry"),
        (11, "month", "duplicate_line"),
        (12, "line", "wrong_field_count"),
    ]
    assert EmploymentMonth.objects.count() == months
    assert EmploymentImport.objects.count() == imports


def test_the_refusal_says_in_both_languages_how_many_lines_are_wrong() -> None:
    with pytest.raises(ImportRejected) as refused:
        employment_import(actor=admin(), data=file_of("1;2026-03;1;;"), filename="x.csv")
    assert refused.value.status == 422
    assert "1 linje(r) har feil. Ingenting er lagret." in refused.value.message_nb
    assert "1 line(s) have errors. Nothing was saved." in refused.value.message_en
    problem = refused.value.problems[0]
    assert problem.message_nb == "Fødselsnummeret må ha 11 sifre."
    assert problem.as_dict()["field"] == "national_id"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (HEADER.encode(), "no_rows"),
        (b"national_id;month;employed\n", "invalid_header"),
        (b"\xff\xfe", "not_utf8"),
    ],
)
def test_a_file_that_is_no_employment_file_is_refused(data: bytes, code: str) -> None:
    with pytest.raises(ImportRejected) as refused:
        employment_import(actor=admin(), data=data)
    assert refused.value.problems[0].code == code


def test_the_header_names_what_is_missing() -> None:
    with pytest.raises(ImportRejected) as refused:
        employment_import(actor=admin(), data=b"national_id;month;employed;hours\n")
    assert "mangler contracted_hours, industry; ukjent hours" in (
        refused.value.problems[0].message_nb
    )


def test_a_re_import_of_a_month_replaces_the_persons_row(two) -> None:
    kari, _ola = two
    employment_import(actor=admin(), data=file_of(f"{kari.national_id};2026-03;0;;"))
    second = employment_import(
        actor=admin(), data=file_of(f"{kari.national_id};2026-03;1;30;85.201")
    )
    rows = EmploymentMonth.objects.filter(person=kari)
    assert rows.count() == 1
    assert rows[0].employed and rows[0].industry == "85.201" and rows[0].source == second.record


def test_a_file_of_only_unknown_people_writes_no_month_but_is_recorded() -> None:
    months = EmploymentMonth.objects.count()
    report = employment_import(actor=admin(), data=file_of(f"{STRANGER};2026-03;1;37,5;47.111"))
    assert (report.rows, report.ignored) == (0, 1)
    assert EmploymentMonth.objects.count() == months


def test_commas_between_fields_and_yes_no_are_read() -> None:
    person = a_person()
    header = "national_id,month,employed,contracted_hours,industry"
    data = f"{header}\n{person.national_id},2026-02,yes,37.5,\n"
    employment_import(actor=admin(), data=data.encode())
    assert EmploymentMonth.objects.get(person=person).employed


@pytest.mark.parametrize("login", ["analytiker", "veileder", "tiltaksforvalter"])
def test_only_administrators_may_import(login: str) -> None:
    with pytest.raises(DomainError) as refused:
        employment_import(actor=login_actor(login), data=file_of(f"{STRANGER};2026-03;1;;"))
    assert refused.value.status == 403


def test_the_system_may_import_from_the_command_line() -> None:
    person = a_person()
    report = employment_import(
        actor=system_actor("import-employment"), data=file_of(f"{person.national_id};2026-01;1;;")
    )
    assert report.record.imported_by is None
    assert report.record.imported_by_label == "system: import-employment"
