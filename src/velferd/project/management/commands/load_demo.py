from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from velferd.access.actor import system_actor
from velferd.access.roles import Role
from velferd.demo import DEMO_LOGINS, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo offices, agreements and one login per role (never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.VELFERD_ALLOW_SYNTHETIC_IDS:
            raise CommandError("Demo data is only for demo and test settings.")
        created = load_demo(actor=system_actor("load-demo"))
        self.stdout.write(
            "Demo data created: " + ", ".join(f"{n} {what}" for what, n in created.items()) + "."
        )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.username:<16} {Role(login.role).label}")
