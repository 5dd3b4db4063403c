from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from velferd.audit.selectors import verify_chain


class Command(BaseCommand):
    help = "Audit trail tools. `velferd audit verify` proves the hash chain intact."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain()
        if report.intact:
            self.stdout.write(f"Audit chain intact: {report.checked} events verified.")
            return
        raise CommandError(
            f"Audit chain broken at event #{report.first_bad_seq}: {report.reason} "
            f"({report.checked} events before it verified)."
        )
