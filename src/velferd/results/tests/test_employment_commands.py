"""`velferd import-employment FILE` imports and derives, naming each bad line on refusal;
`velferd derive-outcomes` says what it wrote and a second run writes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from velferd.people.tests.factories import a_person
from velferd.results.models import EmploymentImport, EmploymentMonth

pytestmark = pytest.mark.django_db

HEADER = "national_id;month;employed;contracted_hours;industry\n"


def test_the_command_imports_a_file_and_derives(tmp_path: Path) -> None:
    person = a_person()
    path = tmp_path / "a-ordningen.csv"
    path.write_text(HEADER + f"{person.national_id};2026-05;1;37,5;47.111\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_employment", str(path), stdout=out)
    assert "1 employment months imported from 1 lines (0 for people not known here" in (
        out.getvalue()
    )
    assert "Outcomes:" in out.getvalue()
    assert EmploymentMonth.objects.get(person=person).source.file_name == "a-ordningen.csv"
    assert EmploymentImport.objects.latest("created_at").imported_by_label == (
        "system: import-employment"
    )


def test_the_command_names_each_bad_line_and_saves_nothing(tmp_path: Path) -> None:
    person = a_person()
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + f"{person.national_id};2026-05;kanskje;;\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 line\\(s\\) have errors"):
        call_command("import_employment", str(path), stderr=err)
    assert "line 2, employed: Employed must be 1/0 or yes/no" in err.getvalue()
    assert not EmploymentMonth.objects.filter(person=person).exists()


def test_derive_outcomes_a_second_time_writes_nothing() -> None:
    call_command("derive_outcomes", stdout=io.StringIO())
    out = io.StringIO()
    call_command("derive_outcomes", stdout=out)
    assert "Outcomes: 0 new, 0 changed," in out.getvalue()
    assert "0 removed" in out.getvalue()
