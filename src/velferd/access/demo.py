"""The demo logins: one for every role, all with one password, each bound to its unit of
the registry by the unit's key. For the demo and the tests only (`velferd load-demo` refuses
in production)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import selectors, services, units
from .actor import Actor
from .models import User
from .roles import PartnerService, Role

DEMO_PASSWORD = "velferd-demo-2026"
DEMO_OFFICE = "0317"  # NAV Grünerløkka


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
    DemoLogin("tiltaksforvalter", "Tore Tiltaksforvalter", Role.SCHEME_MANAGER, {"county": "03"}),
    DemoLogin("imdi", "Ingeborg IMDi", Role.SETTLEMENT_OFFICER, {}),
    DemoLogin(
        "bosetting-drammen",
        "Didrik Drammen",
        Role.SETTLEMENT_COORDINATOR,
        {"municipality": "3301"},
    ),
]


def _units(login: DemoLogin) -> dict[str, object]:
    return {
        name: units.find(name, key) if name in units.REGISTRY_UNITS else key
        for name, key in login.units.items()
    }


def load_demo_logins(*, actor: Actor, logins: Iterable[DemoLogin]) -> int:
    """Create the logins that are missing, each with its role; returns how many were
    created."""
    created = 0
    for login in logins:
        if User.objects.filter(username=login.username).exists():
            continue
        user = services.user_create(
            actor=actor,
            username=login.username,
            full_name=login.full_name,
            password=DEMO_PASSWORD,
        )
        services.role_assign(actor=actor, user=user, role=login.role, **_units(login))
        created += 1
    return created


def demo_login(username: str) -> DemoLogin:
    """The demo login of that name."""
    return next(login for login in DEMO_LOGINS if login.username == username)


def demo_actor(username: str) -> Actor:
    """The actor of a demo login, for the other domains' demo data: demo_actor("veileder")."""
    return selectors.actor_for_user(User.objects.get(username=username))
