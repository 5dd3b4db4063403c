from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from velferd.project.openapi import openapi_document


class Command(BaseCommand):
    help = "Write the API's OpenAPI schema (committed at docs/openapi.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", default="docs/openapi.json")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        Path(path).write_text(openapi_document() + "\n", encoding="utf-8")
        self.stdout.write(f"Wrote {path}.")
