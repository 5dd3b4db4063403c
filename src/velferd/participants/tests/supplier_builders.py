"""What the supplier's-side tests build: participations in deliveries of the supplier the
demo login `leverandor` works for and of another supplier, followed up by the demo's
caseworker at NAV Grünerløkka."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.demo import DEMO_LOGINS
from velferd.access.models import User
from velferd.participants.models import Participation, ParticipationStatus
from velferd.participants.tests.factories import a_participation
from velferd.people.tests.factories import a_person
from velferd.schemes.models import Supplier
from velferd.schemes.tests.factories import a_delivery, a_supplier

DEMO_SUPPLIER = next(
    login.units["organisation_number"] for login in DEMO_LOGINS if login.username == "leverandor"
)
DAY = datetime.timedelta(days=1)


def today() -> datetime.date:
    return timezone.localdate()


def demo_supplier() -> Supplier:
    """The supplier of the number the login `leverandor` is bound to: the demo's, or one
    made here when the demo holds none under that number."""
    found = Supplier.objects.filter(organisation_number=DEMO_SUPPLIER).first()
    return found or a_supplier(organisation_number=DEMO_SUPPLIER)


def participating(supplier: Supplier | None = None, **fields: Any) -> Participation:
    """A person taking part for a month now, with two to go, in a new delivery of the
    supplier (the demo's by default), followed up by the demo's caseworker."""
    values: dict[str, Any] = {
        "person": fields.pop("person", None) or a_person(),
        "delivery": a_delivery(agreement__supplier=supplier or demo_supplier()),
        "status": ParticipationStatus.PARTICIPATING,
        "starts_on": today() - 30 * DAY,
        "ends_on": today() + 60 * DAY,
        "percentage": Decimal("100.00"),
        "caseworker": User.objects.get(username="veileder"),
    }
    values.update(fields)
    return a_participation(**values)


def closed_days_ago(days: int, **fields: Any) -> Participation:
    """A participation that ended `days` days ago."""
    return participating(
        status=ParticipationStatus.ENDED,
        starts_on=today() - (days + 60) * DAY,
        ends_on=today() - days * DAY,
        ended_at=timezone.now() - days * DAY,
        **fields,
    )
