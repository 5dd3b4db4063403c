"""velferd fill-places: offer every free place to the first in line on its delivery's
waiting list (participants.services.fill_places), set-based, a transaction per batch of
deliveries.

Run it nightly: places freed by a move are offered at once, but places a delivery gains
(more places agreed) wait for this run."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from velferd.access.actor import system_actor
from velferd.participants import services


class Command(BaseCommand):
    help = "Offer the free places of every delivery to the first on its waiting list."

    def handle(self, *args: Any, **options: Any) -> None:
        offered = services.fill_places(system_actor("fill-places"))
        self.stdout.write(f"{offered} places offered.")
