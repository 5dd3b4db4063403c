"""velferd funding-participation FILE.csv: import participation rows (the format:
docs/funding-participation.md). All or nothing: every bad line is named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from velferd.access.actor import system_actor
from velferd.core.errors import DomainError
from velferd.funding import services


class Command(BaseCommand):
    help = "Import participation rows from a CSV file (docs/funding-participation.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            text = options["file"].read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read the file: {error}") from None
        try:
            rows = services.participation_import(
                actor=system_actor("funding-participation"), text=text
            )
        except DomainError as error:
            raise CommandError(error.message_en) from None
        self.stdout.write(f"{rows} participation rows imported.")
