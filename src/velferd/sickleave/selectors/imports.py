"""The statistics files imported, the latest first."""

from __future__ import annotations

from velferd.access import policies
from velferd.access.actor import Actor

from ..models import (
    StatisticsImport,
)


def recent_imports(*, actor: Actor, limit: int = 10) -> list[StatisticsImport]:
    policies.require(actor, policies.can_import_sick_leave_statistics)
    return list(StatisticsImport.objects.all()[:limit])
