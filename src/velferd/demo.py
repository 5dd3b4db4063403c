"""The demo data set: every municipality's NAV office with its partnership agreement, and
one login for every role."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from velferd.access import services as access_services
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.roles import PartnerService, Role
from velferd.organisation import selectors as organisation_selectors
from velferd.organisation import services as organisation_services
from velferd.publications.services import load_demo_publications

from .demo_employers import load_demo_employers
from .demo_enquiries import load_demo_enquiries
from .demo_people import load_demo_people
from .demo_sickleave import load_demo_sick_leave

DEMO_PASSWORD = "velferd-demo-2026"
DEMO_OFFICE = "0317"  # NAV Grünerløkka
AGREEMENTS_SIGNED_ON = datetime.date(2024, 1, 1)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    role: str
    units: dict[str, str]


DEMO_LOGINS = [
    DemoLogin("veileder", "Vera Veileder", Role.CASEWORKER_STATE, {"office": DEMO_OFFICE}),
    DemoLogin(
        "sosialkonsulent",
        "Sindre Sosialkonsulent",
        Role.CASEWORKER_MUNICIPAL,
        {"office": DEMO_OFFICE},
    ),
    DemoLogin("beslutter", "Berit Beslutter", Role.APPROVER, {"office": DEMO_OFFICE}),
    DemoLogin("kontorleder", "Kari Kontorleder", Role.OFFICE_MANAGER, {"office": DEMO_OFFICE}),
    DemoLogin("ia-radgiver", "Ivar IA-rådgiver", Role.IW_ADVISOR, {"iw_centre": "46"}),
    DemoLogin(
        "fastlege",
        "Frida Fastlege",
        Role.PARTNER,
        {"municipality": "0301", "partner_service": PartnerService.GP},
    ),
    DemoLogin("leverandor", "Lars Leverandør", Role.SUPPLIER, {"organisation_number": "912345688"}),
    DemoLogin(
        "arbeidsgiver", "Anne Arbeidsgiver", Role.EMPLOYER, {"organisation_number": "987654309"}
    ),
    DemoLogin("innbygger", "Ola Nordmann", Role.CITIZEN, {}),
    DemoLogin("analytiker", "Anders Analytiker", Role.ANALYST, {}),
    DemoLogin(
        "departement",
        "Dina Departement",
        Role.MINISTRY_STAFF,
        {"department": "press-and-communications"},
    ),
    DemoLogin("admin", "Ada Administrator", Role.ADMINISTRATOR, {}),
]


def _units(login: DemoLogin) -> dict[str, object]:
    units: dict[str, object] = {}
    for name, key in login.units.items():
        if name == "office":
            units[name] = organisation_selectors.office(key)
        elif name == "iw_centre":
            units[name] = organisation_selectors.iw_centre(key)
        elif name == "municipality":
            units[name] = organisation_selectors.municipality(key)
        elif name == "department":
            units[name] = organisation_selectors.department(key)
        else:
            units[name] = key
    return units


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


def _iw_advisors() -> list[DemoLogin]:
    counties = organisation_selectors.counties()
    return [
        DemoLogin(f"ia-{county.number}", name, Role.IW_ADVISOR, {"iw_centre": county.number})
        for county, name in zip(counties, IW_ADVISOR_NAMES, strict=True)
    ]


@transaction.atomic
def load_demo(*, actor: Actor) -> dict[str, int]:
    """Open the demo offices and create the demo logins, people, enquiries and publications
    that are missing; returns how many of each were created. Loading twice changes nothing."""
    offices = organisation_services.load_offices(
        actor=actor, rows=organisation_services.read_offices_csv(), signed_on=AGREEMENTS_SIGNED_ON
    )
    users = 0
    for login in [*DEMO_LOGINS, *_iw_advisors()]:
        if User.objects.filter(username=login.username).exists():
            continue
        user = access_services.user_create(
            actor=actor,
            username=login.username,
            full_name=login.full_name,
            password=DEMO_PASSWORD,
        )
        access_services.role_assign(actor=actor, user=user, role=login.role, **_units(login))
        users += 1
    return {
        "offices": offices,
        "logins": users,
        "people": load_demo_people(system=actor),
        "enquiries": load_demo_enquiries(system=actor, password=DEMO_PASSWORD),
        "publications": load_demo_publications(actor=actor),
        "enterprises": load_demo_employers(system=actor),
        "sick_leave_rows": load_demo_sick_leave(system=actor),
    }
