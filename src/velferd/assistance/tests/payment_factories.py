"""Decisions written directly (no audit event, no letter) for the tests of payments, their
export and appeals, with the municipal caseworkers who decide and approve."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from velferd.access.actor import Actor
from velferd.access.demo import DEMO_OFFICE
from velferd.access.roles import Role
from velferd.assistance.models import Application, ApplicationStatus, Decision, Frequency
from velferd.core.testing import login_actor, staff_at

from .factories import an_application


def decider() -> Actor:
    return login_actor("sosialkonsulent")


def second_caseworker(username: str = "sosial-2", unit: str = DEMO_OFFICE) -> Actor:
    return staff_at(unit, username, Role.CASEWORKER_MUNICIPAL)


def a_decision(application: Application | None = None, **fields: Any) -> Decision:
    """A monthly grant of 7,750 kroner for January to March 2026, decided on 2 January."""
    application = application or an_application(status=ApplicationStatus.DECIDED)
    values: dict[str, Any] = {
        "outcome": "granted",
        "amount": Decimal("7750.00"),
        "frequency": Frequency.MONTHLY,
        "period_start": datetime.date(2026, 1, 1),
        "period_end": datetime.date(2026, 3, 31),
        "reasoning": "Du har ikke nok til livsopphold.",
        "decided_by": decider().user,
        "decided_on": datetime.date(2026, 1, 2),
        **fields,
    }
    return Decision.objects.create(application=application, **values)
