"""Builders for the settlement tests: the demo's year (this year's round), cases with
persons holding synthetic D-numbers, proposals in a given state and officers bound to a
county or to none."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.selectors import actor_for_user
from velferd.access.services import role_assign
from velferd.core.testing import login_actor
from velferd.organisation.models import County, Municipality
from velferd.settlement import services
from velferd.settlement.demo import synthetic_d_number
from velferd.settlement.models import Proposal, SettlementCase, SettlementYear

_serials = itertools.count(1)
DRAMMEN, BODO = "3301", "1804"


def demo_year() -> SettlementYear:
    return SettlementYear.objects.get(year=timezone.localdate().year)


def imdi() -> Actor:
    return login_actor("imdi")


def coordinator() -> Actor:
    return login_actor("bosetting-drammen")


def an_officer(username: str, county: str | None = None) -> Actor:
    user, created = User.objects.get_or_create(username=username, defaults={"full_name": username})
    if created:
        units: dict[str, Any] = {"county": County.objects.get(number=county)} if county else {}
        role_assign(actor=system_actor("tests"), user=user, role=Role.SETTLEMENT_OFFICER, **units)
    return actor_for_user(user)


def a_coordinator(username: str, municipality: str) -> Actor:
    user, created = User.objects.get_or_create(username=username, defaults={"full_name": username})
    if created:
        role_assign(
            actor=system_actor("tests"),
            user=user,
            role=Role.SETTLEMENT_COORDINATOR,
            municipality=Municipality.objects.get(number=municipality),
        )
    return actor_for_user(user)


def a_person(age: int = 30, **extra: Any) -> dict[str, Any]:
    today = timezone.localdate()
    serial = next(_serials)
    born = today - datetime.timedelta(days=age * 365 + 40 + serial % 200)
    return {
        "identity_number": synthetic_d_number(born, 100 + serial % 50),
        "given_name": "Test",
        "family_name": f"Person{serial}",
        "birth_date": born,
        "gender": "female",
        "family_role": "principal",
        "education_years": 12,
        **extra,
    }


def a_case(
    persons: list[dict[str, Any]] | None = None, waited_days: int = 60, **extra: Any
) -> SettlementCase:
    serial = next(_serials)
    return services.case_import(
        actor=imdi(),
        year=demo_year().year,
        udi_reference=f"T-{serial:06d}",
        residence_permit_on=timezone.localdate() - datetime.timedelta(days=waited_days),
        persons=persons or [a_person()],
        **extra,
    )


def a_proposal(case: SettlementCase, municipality: str, status: str = "sent") -> Proposal:
    """A proposal in the given state, as the services would leave it (the case's state too)."""
    today = timezone.localdate()
    proposal = Proposal.objects.create(
        case=case,
        municipality_id=municipality,
        status=status,
        sent_on=today if status != "draft" else None,
        answer_by=today + datetime.timedelta(days=14) if status != "draft" else None,
    )
    case.status = {"sent": "proposed", "accepted": "accepted"}.get(status, "waiting")
    case.save()
    return proposal
