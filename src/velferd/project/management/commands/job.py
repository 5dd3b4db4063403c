"""velferd job NAME [--period P]: put a scheduled job on the task queue now (the current
period, or the one given: `velferd job funding-claims --period 2026-11`). A period already
done is not done again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from velferd.project.jobs import JOBS
from velferd.project.tasks import enqueue_job


class Command(BaseCommand):
    help = "Put a scheduled job on the task queue: " + ", ".join(JOBS)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help=", ".join(JOBS))
        parser.add_argument("--period", default=None, help="the night, month or slot")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["name"] not in JOBS:
            raise CommandError(f"No job {options['name']!r}; the jobs: {', '.join(JOBS)}.")
        period = enqueue_job(options["name"], options["period"])
        self.stdout.write(f"{options['name']} {period} enqueued.")
