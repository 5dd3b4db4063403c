"""Benefits on record, and the municipality's qualification programme assessment."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..models import Benefit
from ..schemas import BenefitEndIn, BenefitIn, BenefitOut, QualificationIn, QualificationOut
from .reads import read_person

router = Router()


def benefit_out(benefit: Benefit) -> dict[str, Any]:
    return {
        "id": str(benefit.pk),
        "kind": benefit.kind,
        "degree": benefit.degree,
        "starts_on": benefit.starts_on,
        "ends_on": benefit.ends_on,
        "municipal": benefit.is_municipal,
    }


@router.get(
    "/persons/{person_id}/benefits",
    response={200: list[BenefitOut], **ERRORS},
    operation_id="velferd_followup_api_list_benefits",
)
def list_benefits(request: HttpRequest, person_id: RecordId) -> Any:
    """The person's benefits; the municipality's only for those who may see its records."""
    person = read_person(request, person_id, "benefits")
    return [
        benefit_out(b) for b in selectors.benefits_visible(actor=actor_of(request), person=person)
    ]


@router.post(
    "/benefits",
    response={201: BenefitOut, **ERRORS},
    operation_id="velferd_followup_api_record_benefit",
)
def record_benefit(request: HttpRequest, payload: BenefitIn) -> Any:
    benefit = services.benefit_record(
        actor=actor_of(request),
        person=read_person(request, payload.person, "benefits"),
        kind=payload.kind,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        degree=payload.degree,
    )
    return Status(201, benefit_out(benefit))


@router.post(
    "/benefits/{benefit_id}/end",
    response={200: BenefitOut, **ERRORS},
    operation_id="velferd_followup_api_end_benefit",
)
def end_benefit(request: HttpRequest, benefit_id: RecordId, payload: BenefitEndIn) -> Any:
    actor = actor_of(request)
    benefit = selectors.benefit_for(actor=actor, benefit_id=benefit_id)
    return benefit_out(services.benefit_end(actor=actor, benefit=benefit, ends_on=payload.ends_on))


@router.post(
    "/qualification-assessments",
    response={201: QualificationOut, **ERRORS},
    operation_id="velferd_followup_api_record_qualification",
)
def record_qualification(request: HttpRequest, payload: QualificationIn) -> Any:
    """That the person was assessed for the qualification programme (municipal)."""
    done = services.qualification_assessment_record(
        actor=actor_of(request),
        person=read_person(request, payload.person, "qualification"),
        outcome=payload.outcome,
        assessed_on=payload.assessed_on,
        note=payload.note,
    )
    return Status(
        201,
        {"person": str(done.person_id), "outcome": done.outcome, "assessed_on": done.assessed_on},
    )
