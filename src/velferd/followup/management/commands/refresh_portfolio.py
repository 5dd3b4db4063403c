"""velferd refresh-portfolio [--all]: rewrite the portfolio's state rows.

Run it nightly (cron, a systemd timer) to rewrite the rows whose financial assistance or
consent has run out while a later period is on record; with --all after a bulk load that
went around the application.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from velferd.followup import portfolio_state


class Command(BaseCommand):
    help = "Rewrite the portfolio's state rows: those gone stale today, or --all of them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="every open follow-up period, not only stale rows"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        rewritten = sum(portfolio_state.refresh_all(only_stale=not options["all"]))
        self.stdout.write(f"{rewritten} portfolio rows rewritten.")
