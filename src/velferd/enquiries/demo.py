"""Demo enquiries to the Ministry, and case officers in two departments besides the Press
and Communications Division's demo login."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import DemoLogin, load_demo_logins
from velferd.access.roles import Role

from . import services
from .models import Enquiry

OFFICERS = [
    DemoLogin(
        "velferdspolitikk", "Vilde Velferd", Role.MINISTRY_STAFF, {"department": "welfare-policy"}
    ),
    DemoLogin(
        "integrering", "Ivan Integrering", Role.MINISTRY_STAFF, {"department": "integration"}
    ),
]

ENQUIRIES: list[dict[str, Any]] = [
    dict(
        name="Kari Nilsen",
        email="kari.nilsen@example.no",
        subject="Uføretrygd og deltid",
        text="Hei. Jeg har 50 prosent uføretrygd. Kan jeg jobbe mer uten at trygden blir "
        "redusert, og hvor går grensen?",
        days_ago=20,
    ),
    dict(
        name="Jonas Berg",
        email="jonas@kommune.example.no",
        organisation="Hamar kommune",
        subject="Bosetting av flyktninger neste år",
        text="Kommunen vurderer hvor mange flyktninger vi kan bosette neste år. Hvilke "
        "tilskudd gjelder for introduksjonsprogrammet?",
        days_ago=3,
    ),
    dict(
        name="Emma Dahl",
        email="emma.dahl@avis.example.no",
        organisation="Dagsavisen",
        subject="Intervju med statsråden",
        text="Vi ønsker et intervju med statsråden om sykefraværet i år. Er det mulig neste uke?",
        is_press=True,
        days_ago=0,
    ),
    dict(
        name="Peter Smith",
        email="p.smith@example.com",
        subject="Pension abroad",
        text="I worked in Norway for twelve years and now live in Scotland. How is my "
        "retirement pension from the National Insurance Scheme calculated?",
        days_ago=1,
    ),
]


def load_demo_enquiries(*, system: Actor) -> int:
    """Create the case officers and the enquiries that are missing; returns how many
    enquiries were created."""
    load_demo_logins(actor=system, logins=OFFICERS)
    if Enquiry.objects.exists():
        return 0
    now = timezone.now()
    for item in ENQUIRIES:
        fields = {k: v for k, v in item.items() if k != "days_ago"}
        services.enquiry_submit(
            actor=system,
            received_at=now - datetime.timedelta(days=int(item["days_ago"])),
            **fields,
        )
    return len(ENQUIRIES)
