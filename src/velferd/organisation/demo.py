"""The demo registry: every municipality's NAV office with its partnership agreement, one of
them signed before temporary housing and the individual plan were part of the minimum, and
an IW advisor for every county's IW centre."""

from __future__ import annotations

import datetime

from velferd.access.actor import Actor
from velferd.access.demo import DemoLogin
from velferd.access.roles import Role
from velferd.audit import services as audit

from . import selectors, services
from .models import PartnershipAgreement

AGREEMENTS_SIGNED_ON = datetime.date(2024, 1, 1)

# NAV Båtsfjord's agreement as it was signed in 2019, before the registry required temporary
# housing (Social Services Act § 27) and the individual plan (§ 28): it stays on record and
# shows as not meeting the minimum until it is renegotiated.
OLDER_AGREEMENT_OFFICE = "5632"
OLDER_AGREEMENT_SIGNED_ON = datetime.date(2019, 6, 1)
OLDER_AGREEMENT_LACKS = ("temporary_housing", "individual_plan")

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
    opened = services.load_offices(
        actor=actor, rows=services.read_offices_csv(), signed_on=AGREEMENTS_SIGNED_ON
    )
    if opened:
        _keep_older_agreement(actor)
        services.load_visiting(actor=actor)
    return opened


def _keep_older_agreement(actor: Actor) -> None:
    """Put one office's agreement back as it was signed before the current minimum, as an
    agreement carried over from before would be (the services refuse to save one)."""
    agreement = PartnershipAgreement.objects.filter(
        office__unit_number=OLDER_AGREEMENT_OFFICE
    ).first()
    if agreement is None:
        return
    before = sorted(agreement.services.values_list("code", flat=True))
    agreement.services.remove(*agreement.services.filter(code__in=OLDER_AGREEMENT_LACKS))
    agreement.signed_on = OLDER_AGREEMENT_SIGNED_ON
    agreement.notes = (
        "Signert før midlertidig botilbud og individuell plan var en del av minstekravet."
    )
    agreement.save()
    audit.record(
        actor=actor,
        action="agreement.loaded",
        target=agreement,
        before={"services": before},
        after={
            **audit.snapshot(agreement, "signed_on", "notes"),
            "services": sorted(agreement.services.values_list("code", flat=True)),
        },
    )


def iw_advisor_logins() -> list[DemoLogin]:
    """A demo login for an advisor at every county's IW centre: ia-<county number>."""
    counties = selectors.counties()
    return [
        DemoLogin(f"ia-{county.number}", name, Role.IW_ADVISOR, {"iw_centre": county.number})
        for county, name in zip(counties, IW_ADVISOR_NAMES, strict=True)
    ]
