"""velferd worker: run the task queue's tasks (django-tasks' database worker) and, unless
--no-schedule, the periodic schedule (project/schedule.py) beside them. Run one worker with
the schedule and as many more with --no-schedule as the work needs."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from velferd.project.schedule import build_scheduler


class Command(BaseCommand):
    help = "Run the task queue's worker and the periodic schedule of the nightly jobs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-schedule", action="store_true", help="tasks only")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        scheduler = None if options["no_schedule"] else build_scheduler()
        if scheduler is not None:
            scheduler.start()
            for job in scheduler.get_jobs():
                self.stdout.write(f"Scheduled {job.id}: next at {job.next_run_time:%Y-%m-%d %H:%M}")
        worker_options: dict[str, Any] = {
            "interval": options["interval"],
            "batch": options["batch"],
            "reload": False,
            "startup_delay": False,
        }
        if options["max_tasks"]:
            worker_options["max_tasks"] = options["max_tasks"]
        try:
            call_command("db_worker", **worker_options)
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
