"""What the tests of deferral and of expert assistance build: a Vestland advisor of their
own, enterprises in Bergen with cooperations, the employer's login, and this year's
expert-assistance budget."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.core.testing import new_user
from velferd.employers import services
from velferd.employers.models import (
    Cooperation,
    CooperationEvent,
    Enterprise,
    ExpertAssistance,
    SubsidyBudget,
)
from velferd.organisation import selectors as organisation_selectors

from .factories import an_enterprise

DAY = datetime.timedelta(days=1)


def today() -> datetime.date:
    return timezone.localdate()


def vestland_advisor(username: str = "vestland-radgiver") -> Actor:
    """A new advisor at NAV Arbeidslivssenter Vestland (Bergen's county, 46)."""
    centre = organisation_selectors.iw_centres().get(county_id="46")
    return new_user(username, Role.IW_ADVISOR, iw_centre=centre)


def started(advisor: Actor, *moves: str, enterprise: Enterprise | None = None) -> Cooperation:
    """A new enterprise in Bergen whose cooperation the advisor started and moved on."""
    cooperation = services.cooperation_start(
        actor=advisor, enterprise=enterprise or an_enterprise()
    )
    for move in moves:
        cooperation = services.TRANSITIONS[move](  # type: ignore[operator]
            actor=advisor, cooperation=cooperation, version=cooperation.version
        )
    return cooperation


def deferred(advisor: Actor, days: int = 30, *moves: str) -> Cooperation:
    """A cooperation moved on and deferred `days` from today."""
    cooperation = started(advisor, *moves)
    return services.cooperation_defer(
        actor=advisor,
        cooperation=cooperation,
        version=cooperation.version,
        deferred_until=today() + days * DAY,
    )


def come_due(cooperation: Cooperation, days_ago: int = 0) -> Cooperation:
    """Time passes: the day the cooperation was deferred to is `days_ago` days behind us."""
    Cooperation.objects.filter(pk=cooperation.pk).update(deferred_until=today() - days_ago * DAY)
    CooperationEvent.objects.filter(cooperation=cooperation, to_status="deferred").update(
        deferred_until=today() - days_ago * DAY
    )
    cooperation.refresh_from_db()
    return cooperation


def expert_budget(advisor: Actor, amount: str, county: str = "46") -> SubsidyBudget:
    """The county's expert-assistance budget for this year, set to the amount by one of its
    advisors, whatever it was."""
    budget = SubsidyBudget.objects.filter(county_id=county, year=today().year).first()
    services.budget_set(
        actor=advisor,
        county_number=county,
        year=today().year,
        amount=amount,
        version=budget.version if budget else None,
    )
    return SubsidyBudget.objects.get(county_id=county, year=today().year)


APPLICATION: dict[str, Any] = {
    "employee_name": "Ola Testansatt",
    "employee_agreed": True,
    "sick_leave": "long",
    "measures_tried": "Tilrettelagt turnus og oppfølgingssamtaler i fire måneder.",
    "expert_name": "Eli Ekspert",
    "expert_organisation": "Uavhengig Arbeidshelse AS",
    "expert_independent": True,
    "assignment": "Kartlegge årsakene til fraværet og foreslå tiltak.",
    "amount": "15000.00",
}


def applied(employer: Actor, enterprise: Enterprise, **changes: Any) -> ExpertAssistance:
    """The employer's application for expert assistance, the employee agreeing a week ago."""
    fields = {**APPLICATION, "employee_agreed_on": today() - 7 * DAY, **changes}
    return services.expert_assistance_apply(actor=employer, enterprise=enterprise, **fields)
