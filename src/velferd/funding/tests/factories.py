"""Builders for the funding tests: budgets, commitments proposed and approved by two scheme
managers of Oslo, participation rows and a second NAV person."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.selectors import actor_for_user
from velferd.access.services import role_assign
from velferd.funding import services
from velferd.funding.models import Claim, Commitment, Participation, SchemeBudget
from velferd.organisation.models import County
from velferd.schemes.models import Delivery


def a_scheme_manager(username: str, county: str | None = "03") -> Actor:
    """A scheme manager of the county (national when None), made once per name."""
    user, created = User.objects.get_or_create(
        username=username, defaults={"full_name": username.title()}
    )
    if created:
        units: dict[str, Any] = {}
        if county:
            units["county"] = County.objects.get(number=county)
        role_assign(actor=system_actor("tests"), user=user, role=Role.SCHEME_MANAGER, **units)
    return actor_for_user(user)


def proposer() -> Actor:
    return a_scheme_manager("forslagsstiller")


def approver() -> Actor:
    return a_scheme_manager("godkjenner")


def attester() -> Actor:
    return a_scheme_manager("attestant")


def a_budget(delivery: Delivery, amount: str = "1000000.00", year: int = 2026) -> SchemeBudget:
    return services.budget_set(
        actor=system_actor("tests"),
        county_number=delivery.county_id,
        scheme_type=delivery.scheme_type.code,
        year=year,
        amount=amount,
    )


def a_proposal(
    delivery: Delivery,
    start: datetime.date = datetime.date(2026, 1, 1),
    end: datetime.date = datetime.date(2026, 12, 31),
    **fields: Any,
) -> Commitment:
    return services.commitment_propose(
        actor=proposer(), delivery_id=delivery.pk, period_start=start, period_end=end, **fields
    )


def an_approved_commitment(delivery: Delivery, **fields: Any) -> Commitment:
    proposal = a_proposal(delivery, **fields)
    return services.commitment_approve(
        actor=approver(), commitment_id=proposal.pk, version=proposal.version
    )


def a_participation(
    delivery: Delivery,
    participant: str,
    start: datetime.date,
    end: datetime.date | None = None,
    percentage: str = "100",
) -> Participation:
    return Participation.objects.create(
        delivery=delivery,
        participant=participant,
        from_date=start,
        to_date=end,
        percentage=Decimal(percentage),
    )


def calculated_claim(delivery: Delivery, month: datetime.date) -> Claim:
    services.claims_calculate(actor=system_actor("tests"), month=month)
    return Claim.objects.get(delivery=delivery, month=month)
