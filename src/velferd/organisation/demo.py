"""The demo registry: every municipality's NAV office with its partnership agreement, and
an IW advisor for every county's IW centre."""

from __future__ import annotations

import datetime

from velferd.access.actor import Actor
from velferd.access.demo import DemoLogin
from velferd.access.roles import Role

from . import selectors, services

AGREEMENTS_SIGNED_ON = datetime.date(2024, 1, 1)

# One more advisor for every county's IW centre, so that each centre has someone to contact.
IW_ADVISOR_NAMES = [
    "Ingrid Aasen",
    "Per Bakke",
    "Sara Dahl",
    "Jonas Eide",
    "Marte Fjeld",
    "Ole Haugen",
    "Nora Iversen",
    "Emil Johansen",
    "Kari Lund",
    "Mats Moe",
    "Ida Nilsen",
    "Tor Olsen",
    "Hanne Pedersen",
    "Sander Rønning",
    "Elin Strand",
]


def load_demo_offices(*, actor: Actor) -> int:
    """Open the demo offices that are missing, with their agreements; returns how many."""
    return services.load_offices(
        actor=actor, rows=services.read_offices_csv(), signed_on=AGREEMENTS_SIGNED_ON
    )


def iw_advisor_logins() -> list[DemoLogin]:
    """A demo login for an advisor at every county's IW centre: ia-<county number>."""
    counties = selectors.counties()
    return [
        DemoLogin(f"ia-{county.number}", name, Role.IW_ADVISOR, {"iw_centre": county.number})
        for county, name in zip(counties, IW_ADVISOR_NAMES, strict=True)
    ]
