"""Demo people at NAV Grünerløkka: a citizen with a child, new and unassigned people, an
interpreter need, protected addresses, an office employee, and a consent to the GP. All
identity numbers are synthetic (month + 80). Their follow-up is the follow-up domain's demo
data (`velferd.followup.demo`)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import demo_actor
from velferd.core.identifiers import synthetic_national_id

from . import services
from .models import Person


def _person(
    actor: Actor,
    born: datetime.date,
    serial: int,
    given: str,
    family: str,
    district: str = "Grünerløkka",
    **extra: object,
) -> Person:
    return services.person_register(
        actor=actor,
        national_id=synthetic_national_id(born, serial),
        given_name=given,
        family_name=family,
        municipality_number="0301",
        district=district,
        **extra,  # type: ignore[arg-type]
    )


def load_demo_people(*, system: Actor) -> dict[str, Person]:
    """Create the demo people unless they are there; returns those created, by given name
    (none when they were there already)."""
    if Person.objects.exists():
        return {}
    vera, ola_login = demo_actor("veileder"), demo_actor("innbygger")
    today = timezone.localdate()
    found: dict[str, Person] = {}

    ola = _person(
        vera,
        datetime.date(1996, 3, 14),
        1,
        "Ola",
        "Nordmann",
        address_line="Thorvald Meyers gate 10",
        postal_code="0555",
        postal_town="Oslo",
        children=[("Emma", datetime.date(2019, 6, 2))],
    )
    services.link_user(actor=system, person=ola, user=ola_login.user)
    ola.refresh_from_db()
    found["Ola"] = ola
    found["Kari"] = _person(vera, datetime.date(1999, 11, 2), 2, "Kari", "Hansen")
    found["Maria"] = maria = _person(
        vera,
        datetime.date(1985, 6, 12),
        8,
        "Maria",
        "Olsen",
        children=[("Sander", datetime.date(2014, 2, 3))],
    )
    services.consent_give(
        actor=vera,
        person=maria,
        partner_service="gp",
        purpose="Individuell plan",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=300),
    )
    found["Jonas"] = _person(vera, datetime.date(2002, 4, 8), 9, "Jonas", "Lie")
    found["Ahmed"] = _person(
        vera, datetime.date(2001, 1, 20), 3, "Ahmed", "Ali", language="ar", needs_interpreter=True
    )
    found["Sofie"] = _person(
        vera,
        datetime.date(1988, 8, 8),
        4,
        "Sofie",
        "Berg",
        address_protection="confidential",
        address_line="Hemmelig vei 1",
    )
    found["Per"] = _person(
        vera,
        datetime.date(1975, 4, 30),
        5,
        "Per",
        "Skjult",
        address_protection="strictly_confidential",
    )
    found["Nina"] = _person(
        vera, datetime.date(1980, 2, 12), 6, "Nina", "Ansatt", is_office_employee=True
    )
    found["Lars"] = _person(vera, datetime.date(1968, 9, 9), 7, "Lars", "Larsen")
    return found
