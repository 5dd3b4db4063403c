"""Outcome contracts (social impact bonds): an outcome-based agreement's contract, writing
it, and recording a measurement (which calculates its settlement)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS

from .. import selectors
from ..models import OutcomeContract, OutcomeMetric
from ..models.outcomes import MeasurementStatus
from ..schemas_agreements import MeasurementIn, OutcomeContractIn, OutcomeContractOut
from ..services import outcomes as services
from .agreements import operation
from .router import router


def contract_out(contract: OutcomeContract) -> dict[str, Any]:
    summary = selectors.outcome_summary(contract)
    return {
        "agreement_id": contract.agreement_id,
        "metric": contract.metric,
        "metric_label": gettext(str(OutcomeMetric(contract.metric).label)),
        "price_per_outcome": contract.price_per_outcome,
        "cap": contract.cap,
        "settled": summary.settled,
        "left_under_cap": summary.left_under_cap,
        "investor_name": contract.investor_name,
        "investor_organisation_number": contract.investor_organisation_number,
        "has_comparison_group": contract.has_comparison_group,
        "comparison_description": contract.comparison_description,
        "measurements": [
            {
                "id": m.pk,
                "measured_on": m.measured_on,
                "status": m.status,
                "status_label": gettext(str(MeasurementStatus(m.status).label)),
                "participants": m.participants,
                "outcomes": m.outcomes,
                "comparison_rate": m.comparison_rate,
                "settlement": m.settlement,
            }
            for m in summary.measurements
        ],
        "version": contract.version,
    }


PATH = "/agreements/{agreement_id}/outcome-contract"


@router.get(
    PATH,
    response={200: OutcomeContractOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_outcome_contract"),
)
def get_outcome_contract(request: HttpRequest, agreement_id: int) -> Any:
    return contract_out(
        selectors.outcome_contract_for(actor=actor_of(request), agreement_id=agreement_id)
    )


@router.post(
    PATH,
    response={201: OutcomeContractOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("create_outcome_contract"),
)
def create_outcome_contract(
    request: HttpRequest, agreement_id: int, payload: OutcomeContractIn
) -> Any:
    """The outcome terms of an outcome-based agreement, with a pending measurement for each
    measurement date."""
    actor = actor_of(request)
    contract = services.outcome_contract_create(
        actor=actor,
        agreement=selectors.agreement_for(actor=actor, agreement_id=agreement_id),
        metric=payload.metric,
        price_per_outcome=payload.price_per_outcome,
        cap=payload.cap,
        investor_name=payload.investor_name,
        investor_organisation_number=payload.investor_organisation_number,
        has_comparison_group=payload.has_comparison_group,
        comparison_description=payload.comparison_description,
        measurement_dates=payload.measurement_dates,
    )
    return Status(201, contract_out(contract))


@router.post(
    PATH + "/measurements/{measurement_id}",
    response={200: OutcomeContractOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("record_outcome_measurement"),
)
def record_outcome_measurement(
    request: HttpRequest, agreement_id: int, measurement_id: int, payload: MeasurementIn
) -> Any:
    """Record a pending measurement; its settlement is calculated, within the cap. The
    version is the contract's."""
    actor = actor_of(request)
    contract = selectors.outcome_contract_for(actor=actor, agreement_id=agreement_id)
    services.measurement_record(
        actor=actor,
        measurement=selectors.measurement_of(contract, measurement_id),
        version=payload.version,
        participants=payload.participants,
        outcomes=payload.outcomes,
        comparison_rate=payload.comparison_rate,
    )
    contract.refresh_from_db()
    return contract_out(contract)
