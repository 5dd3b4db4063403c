"""Reads of the employment register's imports, for the administrators who import."""

from __future__ import annotations

from django.db.models import Max, Min

from velferd.access import policies
from velferd.access.actor import Actor

from ..models import EmploymentImport, EmploymentMonth


def recent_imports(*, actor: Actor, limit: int = 10) -> list[EmploymentImport]:
    policies.require(actor, policies.can_import_employment)
    return list(EmploymentImport.objects.all()[:limit])


def months_covered(*, actor: Actor) -> tuple[object, object, int]:
    """The first and last month imported and the number of rows held."""
    policies.require(actor, policies.can_import_employment)
    found = EmploymentMonth.objects.aggregate(first=Min("month"), last=Max("month"))
    return found["first"], found["last"], EmploymentMonth.objects.count()
