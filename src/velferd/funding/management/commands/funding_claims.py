"""velferd funding-claims 2026-11: calculate the month's claims of every delivery.

Open claims of the month are replaced; claims the suppliers have submitted are left alone.
Run by the system (audited as `system: funding-claims`), for every county."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from velferd.access.actor import system_actor
from velferd.core.labels import kroner
from velferd.funding import services
from velferd.funding.calculation import parse_month


class Command(BaseCommand):
    help = "Calculate the month's claims (yyyy-mm) of every delivery."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("month", help="the month, yyyy-mm")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            month = parse_month(options["month"])
        except ValueError:
            raise CommandError("Write the month as yyyy-mm, for example 2026-11.") from None
        run = services.claims_calculate(actor=system_actor("funding-claims"), month=month)
        self.stdout.write(
            f"{run.month:%Y-%m}: {run.claims} claims, {kroner(run.total)}; "
            f"{run.kept} submitted left alone; {run.without_rate} without a rate."
        )
