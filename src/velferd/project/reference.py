"""The reference data every installation needs, domain by domain: the registry (the
Ministry, agencies, services, counties, municipalities, IW centres) and then the catalogue
of labour market schemes with the nationally fixed rates. `velferd load-reference` loads
it, and the tests load it once per run. Loading twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from velferd.access.actor import Actor
from velferd.organisation import services as organisation_services
from velferd.schemes import services as scheme_services


@dataclass
class ReferenceReport:
    created: int
    updated: int
    unchanged: int


def load_reference(*, actor: Actor) -> ReferenceReport:
    registry = organisation_services.load_reference(actor=actor)
    catalogue = scheme_services.load_catalogue(actor=actor)
    return ReferenceReport(
        created=registry.created + catalogue.created,
        updated=registry.updated,
        unchanged=registry.unchanged + catalogue.unchanged,
    )
