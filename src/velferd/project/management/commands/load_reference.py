from typing import Any

from django.core.management.base import BaseCommand

from velferd.access.actor import system_actor
from velferd.project.reference import load_reference


class Command(BaseCommand):
    help = (
        "Load the Ministry and its units, agencies, service catalogue, SSB's counties and "
        "municipalities, the county IW centres, and the catalogue of labour market schemes "
        "with the nationally fixed rates. Loading twice changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_reference(actor=system_actor("load-reference"))
        self.stdout.write(
            f"Reference data: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged."
        )
