"""The activity requirement under 30 (Social Services Act § 20 a): the municipality's record
that the condition of activity was set or that weighty reasons exempt the person."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..models import ActivityRequirement
from ..schemas import ActivityRequirementIn, ActivityRequirementOut, ActivityRequirementsOut
from .reads import read_person

router = Router()


def requirement_out(record: ActivityRequirement) -> dict[str, Any]:
    return {
        "id": str(record.pk),
        "person": str(record.person_id),
        "outcome": record.outcome,
        "decided_on": record.decided_on,
        "activity": record.activity,
        "exemption_reason": record.exemption_reason,
        "exemption_other": record.exemption_other,
        "recorded_at": record.created_at,
    }


@router.get(
    "/persons/{person_id}/activity-requirement",
    response={200: ActivityRequirementsOut, **ERRORS},
    operation_id="velferd_followup_api_get_activity_requirement",
)
def get_activity_requirement(request: HttpRequest, person_id: RecordId) -> Any:
    """The decision that holds and its history, newest first; the municipality's record, so
    the state side sees it only with the person's consent (403 without)."""
    person = read_person(request, person_id, "activity_requirement")
    history = selectors.activity_requirements_for(actor=actor_of(request), person=person)
    found = [requirement_out(record) for record in history]
    return {"holds": found[0] if found else None, "history": found}


@router.post(
    "/activity-requirements",
    response={201: ActivityRequirementOut, **ERRORS},
    operation_id="velferd_followup_api_record_activity_requirement",
)
def record_activity_requirement(request: HttpRequest, payload: ActivityRequirementIn) -> Any:
    """Record that the condition of activity was set or that weighty reasons exempt the
    person: the municipality's caseworkers at the person's office only."""
    record = services.activity_requirement_record(
        actor=actor_of(request),
        person=read_person(request, payload.person, "activity_requirement"),
        outcome=payload.outcome,
        decided_on=payload.decided_on,
        activity=payload.activity,
        exemption_reason=payload.exemption_reason,
        exemption_other=payload.exemption_other,
    )
    return Status(201, requirement_out(record))
