"""velferd import-employment FILE.csv: import the employers' monthly reports (the format:
results/services/employment_file.py and the import page), then derive the outcomes. All or
nothing: every bad line is named with its line number and field."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from velferd.access.actor import system_actor
from velferd.core.errors import DomainError
from velferd.results.services.employment import ImportRejected, employment_import
from velferd.results.services.outcomes import outcomes_derive


class Command(BaseCommand):
    help = "Import monthly employment statuses (A-ordningen) from a CSV file; derive outcomes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--no-derive", action="store_true", help="Import only; derive the outcomes later."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read the file: {error}") from None
        actor = system_actor("import-employment")
        started = time.monotonic()
        try:
            report = employment_import(actor=actor, data=data, filename=path.name)
        except ImportRejected as refused:
            for problem in refused.problems:
                self.stderr.write(f"line {problem.line}, {problem.field}: {problem.message_en}")
            raise CommandError(refused.message_en) from None
        except DomainError as error:
            raise CommandError(error.message_en) from None
        self.stdout.write(
            f"{report.rows} employment months imported from {report.lines} lines "
            f"({report.ignored} for people not known here, ignored) "
            f"in {time.monotonic() - started:.1f} s."
        )
        if options["no_derive"]:
            return
        started = time.monotonic()
        derived = outcomes_derive(actor=actor)
        self.stdout.write(
            f"Outcomes: {derived.created} new, {derived.changed} changed, "
            f"{derived.unchanged} unchanged, {derived.removed} removed "
            f"in {time.monotonic() - started:.1f} s."
        )
