"""Reading outcome contracts: the contract of an agreement the reader sees, its
measurements and what has been settled under its cap."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from velferd.access.actor import Actor
from velferd.core.errors import not_found

from ..models import OutcomeContract, OutcomeMeasurement
from .agreements import agreement_for


@dataclass(frozen=True)
class ContractSummary:
    contract: OutcomeContract
    measurements: list[OutcomeMeasurement]
    settled: Decimal
    left_under_cap: Decimal
    pending: int


def outcome_contract_of(agreement: Any) -> OutcomeContract | None:
    """The outcome terms of an agreement the reader has already been let see, if any."""
    return OutcomeContract.objects.filter(agreement=agreement).first()


def outcome_contract_for(*, actor: Actor, agreement_id: Any) -> OutcomeContract:
    """The outcome contract of an agreement the actor sees (404 when there is none)."""
    agreement = agreement_for(actor=actor, agreement_id=agreement_id)
    found = OutcomeContract.objects.select_related("agreement").filter(agreement=agreement).first()
    if found is None:
        raise not_found(
            f"noen resultatkontrakt for avtale {agreement.number}",
            f"an outcome contract for agreement {agreement.number}",
        )
    return found


def outcome_summary(contract: OutcomeContract) -> ContractSummary:
    measurements = list(contract.measurements.order_by("measured_on"))
    total = contract.measurements.aggregate(total=Sum("settlement"))["total"]
    settled = Decimal(total or 0).quantize(Decimal("0.01"))
    return ContractSummary(
        contract=contract,
        measurements=measurements,
        settled=settled,
        left_under_cap=max(Decimal("0.00"), contract.cap - settled),
        pending=sum(1 for m in measurements if m.settlement is None),
    )


def measurement_of(contract: OutcomeContract, measurement_id: Any) -> OutcomeMeasurement:
    found = contract.measurements.filter(pk=measurement_id).first()
    if found is None:
        raise not_found(f"måling {measurement_id}", f"measurement {measurement_id}")
    return found


__all__ = [
    "ContractSummary",
    "measurement_of",
    "outcome_contract_for",
    "outcome_contract_of",
    "outcome_summary",
]
