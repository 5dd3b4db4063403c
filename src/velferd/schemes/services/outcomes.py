"""Outcome-based contracts (social impact bonds): writing the contract of an agreement
with the price model `outcome_based`, and recording a measurement, which calculates its
settlement (docs/architecture.md, "Outcome settlement"):

    expected   = round-half-up(participants × comparison rate)   (0 without a comparison group)
    settlement = price per outcome × max(0, outcomes − expected),
                 cut so that the settlements of the contract never add up to more than its cap.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import Sum

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.identifiers import validate_organisation_number
from velferd.core.validation import invalid, required_text

from ..models import Agreement, OutcomeContract, OutcomeMeasurement, OutcomeMetric, PriceModel
from ..models.outcomes import MeasurementStatus
from .agreements import audited_change, valid_amount

ORE = Decimal("0.01")


def expected_outcomes(participants: int, comparison_rate: Decimal | None) -> int:
    """The outcomes the comparison group's rate would have given the cohort, rounded half
    up to whole people (none without a comparison group)."""
    if comparison_rate is None:
        return 0
    return int((Decimal(participants) * comparison_rate).quantize(Decimal(1), ROUND_HALF_UP))


def settlement(
    *,
    price_per_outcome: Decimal,
    participants: int,
    outcomes: int,
    comparison_rate: Decimal | None,
    settled_before: Decimal,
    cap: Decimal,
) -> Decimal:
    """What one measurement pays, in kroner to the øre: the price for each outcome beyond
    those expected, at most what is left under the cap after `settled_before`."""
    counted = max(0, outcomes - expected_outcomes(participants, comparison_rate))
    gross = (price_per_outcome * counted).quantize(ORE)
    left = max(Decimal("0.00"), cap - settled_before)
    return min(gross, left).quantize(ORE)


def _metric(value: str) -> str:
    if value not in OutcomeMetric.values:
        raise invalid(
            "invalid_metric",
            "metric",
            f"«{value}» er ikke et resultatmål.",
            f"“{value}” is not an outcome metric.",
        )
    return value


def _dates(dates: Sequence[datetime.date], agreement: Agreement) -> list[datetime.date]:
    unique = sorted(set(dates))
    if not unique:
        raise invalid(
            "measurement_dates_required",
            "measurement_dates",
            "Kontrakten må ha minst én måledato.",
            "The contract needs at least one measurement date.",
        )
    if unique[0] < agreement.starts_on:
        raise invalid(
            "measurement_before_start",
            "measurement_dates",
            "Måledatoene kan ikke være før avtalen starter.",
            "The measurement dates cannot be before the agreement starts.",
        )
    return unique


@transaction.atomic
def outcome_contract_create(
    *,
    actor: Actor,
    agreement: Agreement,
    metric: str,
    price_per_outcome: object,
    cap: object,
    investor_name: str,
    investor_organisation_number: str,
    has_comparison_group: bool,
    comparison_description: str = "",
    measurement_dates: Sequence[datetime.date] = (),
) -> OutcomeContract:
    """The outcome terms of an outcome-based agreement (one contract each), with a pending
    measurement for each measurement date."""
    policies.require(actor, policies.can_manage_agreement, agreement)
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if locked.price_model != PriceModel.OUTCOME_BASED:
        raise invalid(
            "not_outcome_based",
            "price_model",
            "Bare avtaler med betaling etter resultater har en resultatkontrakt.",
            "Only agreements that pay by outcomes have an outcome contract.",
        )
    if OutcomeContract.objects.filter(agreement=locked).exists():
        raise invalid(
            "outcome_contract_exists",
            "agreement",
            "Avtalen har allerede en resultatkontrakt.",
            "The agreement already has an outcome contract.",
            status=CONFLICT,
        )
    description = (comparison_description or "").strip()
    if has_comparison_group:
        description = required_text(
            description, "comparison_description", "Beskrivelsen av sammenligningsgruppen",
            "description of the comparison group",
        )  # fmt: skip
    contract = OutcomeContract.objects.create(
        agreement=locked,
        metric=_metric(metric),
        price_per_outcome=valid_amount(price_per_outcome, "price_per_outcome"),
        cap=valid_amount(cap, "cap"),
        investor_name=required_text(investor_name, "investor_name", "Investoren", "investor"),
        investor_organisation_number=validate_organisation_number(
            investor_organisation_number, field="investor_organisation_number"
        ),
        has_comparison_group=has_comparison_group,
        comparison_description=description,
    )
    days = _dates(measurement_dates, locked)
    OutcomeMeasurement.objects.bulk_create(
        [OutcomeMeasurement(contract=contract, measured_on=day) for day in days]
    )
    audit.record(
        actor=actor,
        action="outcome_contract.created",
        target=contract,
        after={
            **audit.snapshot(contract, "agreement", "metric", "price_per_outcome", "cap"),
            "investor": contract.investor_organisation_number,
            "measurement_dates": [d.isoformat() for d in days],
        },
    )
    return contract


def _count(value: object, field: str, nb: str, en: str) -> int:
    try:
        count = int(str(value).strip())
    except (TypeError, ValueError):
        count = -1
    if count < 0 or count > 1_000_000:
        raise invalid(
            f"invalid_{field}",
            field,
            f"{nb} må være et helt tall, 0 eller mer.",
            f"The {en} must be a whole number, 0 or more.",
        )
    return count


def _rate(contract: OutcomeContract, value: object) -> Decimal | None:
    if not contract.has_comparison_group:
        return None
    try:
        rate = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        rate = Decimal("NaN")
    if not rate.is_finite() or not 0 <= rate <= 1 or rate != rate.quantize(Decimal("0.0001")):
        raise invalid(
            "invalid_comparison_rate",
            "comparison_rate",
            "Sammenligningsgruppens andel må være et tall fra 0 til 1 med høyst fire desimaler.",
            "The comparison group's rate must be a number from 0 to 1 with at most four decimals.",
        )
    return rate


def _settled(contract: OutcomeContract) -> Decimal:
    total = contract.measurements.exclude(settlement=None).aggregate(total=Sum("settlement"))
    return Decimal(total["total"] or 0)


@transaction.atomic
def measurement_record(
    *,
    actor: Actor,
    measurement: OutcomeMeasurement,
    version: int,
    participants: object,
    outcomes: object,
    comparison_rate: object = None,
) -> OutcomeMeasurement:
    """Record a pending measurement: the participants measured, the outcomes counted and,
    where the contract has a comparison group, its rate; the settlement is calculated under
    the contract's lock (its version is the one checked), so that two recordings never
    overshoot the cap together."""
    contract = measurement.contract
    policies.require(actor, policies.can_manage_agreement, contract.agreement)
    with audited_change(
        actor, contract, version=version, event="outcome_measurement.recorded", fields=()
    ) as step:
        locked = OutcomeMeasurement.objects.get(pk=measurement.pk)
        _record(step.record, locked, participants, outcomes, comparison_rate)
        step.after = _recorded(locked)
    return locked


def _record(
    contract: OutcomeContract,
    measurement: OutcomeMeasurement,
    participants: object,
    outcomes: object,
    comparison_rate: object,
) -> None:
    if measurement.status != MeasurementStatus.PENDING:
        raise invalid(
            "measurement_recorded",
            "status",
            "Målingen er allerede registrert.",
            "The measurement has already been recorded.",
            status=CONFLICT,
        )
    measured = _count(participants, "participants", "Antall deltakere", "number of participants")
    counted = _count(outcomes, "outcomes", "Antall resultater", "number of outcomes")
    if counted > measured:
        raise invalid(
            "outcomes_exceed_participants",
            "outcomes",
            "Det kan ikke være flere resultater enn deltakere.",
            "There cannot be more outcomes than participants.",
        )
    rate = _rate(contract, comparison_rate)
    measurement.participants = measured
    measurement.outcomes = counted
    measurement.comparison_rate = rate
    measurement.settlement = settlement(
        price_per_outcome=contract.price_per_outcome,
        participants=measured,
        outcomes=counted,
        comparison_rate=rate,
        settled_before=_settled(contract),
        cap=contract.cap,
    )
    measurement.status = MeasurementStatus.MEASURED
    measurement.save()


def _recorded(measurement: OutcomeMeasurement) -> dict[str, Any]:
    return {
        "measured_on": measurement.measured_on.isoformat(),
        "participants": measurement.participants,
        "outcomes": measurement.outcomes,
        "comparison_rate": str(measurement.comparison_rate)
        if measurement.comparison_rate is not None
        else None,
        "settlement": str(measurement.settlement),
    }
