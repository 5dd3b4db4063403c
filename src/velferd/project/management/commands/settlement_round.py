"""`velferd settlement-round expire|settle`: the settlement round's daily work, for the task
queue's schedule or a cron line. `expire` ends every sent proposal whose date to answer has
passed (its case waits again); `settle` registers the persons of every accepted case whose
settling date has come in the people registry. Each prints how many as one JSON line."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from velferd.settlement import services


class Command(BaseCommand):
    help = "The settlement round's daily work: expire unanswered proposals, settle due cases."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["expire", "settle"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "expire":
            found = {"expired": services.expire_overdue_proposals()}
        else:
            found = {"settled": services.settle_due_cases()}
        self.stdout.write(json.dumps(found))
