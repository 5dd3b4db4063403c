"""velferd derive-outcomes: every person's status 3, 6, 12 and 24 months after a scheme
participation or a follow-up period ended, as far as the imported months reach. A second
run changes nothing."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from velferd.access.actor import system_actor
from velferd.results.services.outcomes import outcomes_derive


class Command(BaseCommand):
    help = "Derive the outcomes after schemes and follow-up from the imported employment months."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        report = outcomes_derive(actor=system_actor("derive-outcomes"))
        self.stdout.write(
            f"Outcomes: {report.created} new, {report.changed} changed, "
            f"{report.unchanged} unchanged, {report.removed} removed "
            f"in {time.monotonic() - started:.1f} s."
        )
