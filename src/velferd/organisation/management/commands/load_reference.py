from typing import Any

from django.core.management.base import BaseCommand

from velferd.access.actor import system_actor
from velferd.organisation import services


class Command(BaseCommand):
    help = (
        "Load the Ministry and its units, agencies, service catalogue, SSB's counties and "
        "municipalities, and the county IW centres. Loading twice changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = services.load_reference(actor=system_actor("load-reference"))
        self.stdout.write(
            f"Reference data: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged."
        )
