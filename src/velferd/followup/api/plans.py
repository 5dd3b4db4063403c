"""Individual plans across services: members, the coordinator, goals and measures."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..models import IndividualPlan
from ..schemas import CoordinatorIn, MeasureIn, MemberIn, PlanGoalsIn, PlanIn, PlanOut, PlanService
from .reads import read_person

router = Router()


def plan_out(plan: IndividualPlan) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "id": str(plan.pk),
        "person": str(plan.person_id),
        "name": plan.person.full_name,
        "goals": plan.goals,
        "version": plan.version,
        "members": [
            {
                "service": m.service,
                "contact_name": m.contact_name,
                "is_coordinator": m.is_coordinator,
            }
            for m in plan.members.all()
        ],
        "measures": [
            {
                "id": str(m.pk),
                "text": m.text,
                "responsible_service": m.responsible_service,
                "deadline": m.deadline,
                "done_on": m.done_on,
                "overdue": m.is_overdue_on(today),
            }
            for m in plan.measures.all()
        ],
    }


def _plan(request: HttpRequest, plan_id: str) -> IndividualPlan:
    return selectors.individual_plan_for(actor=actor_of(request), plan_id=plan_id)


@router.get(
    "/individual-plans",
    response={200: list[PlanOut], **ERRORS},
    operation_id="velferd_followup_api_list_plans",
)
def list_plans(request: HttpRequest) -> Any:
    """For a partner: the plans their service takes part in, while consent holds."""
    return [plan_out(p) for p in selectors.plans_for_partner(actor=actor_of(request))]


@router.post(
    "/individual-plans",
    response={201: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_create_plan",
)
def create_plan(request: HttpRequest, payload: PlanIn) -> Any:
    plan = services.individual_plan_create(
        actor=actor_of(request),
        person=read_person(request, payload.person, "individual_plan"),
        coordinator=payload.coordinator,
        members=payload.members,
        goals=payload.goals,
    )
    return Status(201, plan_out(selectors.individual_plan_as_written(plan)))


@router.get(
    "/individual-plans/{plan_id}",
    response={200: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_get_plan",
)
def get_plan(request: HttpRequest, plan_id: RecordId) -> Any:
    return plan_out(_plan(request, plan_id))


@router.patch(
    "/individual-plans/{plan_id}",
    response={200: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_update_plan_goals",
)
def update_plan_goals(request: HttpRequest, plan_id: RecordId, payload: PlanGoalsIn) -> Any:
    plan = _plan(request, plan_id)
    services.plan_goals_update(
        actor=actor_of(request),
        plan=plan,
        goals=payload.goals,
        version=payload.version,
    )
    return plan_out(selectors.individual_plan_as_written(plan))


@router.post(
    "/individual-plans/{plan_id}/members",
    response={201: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_add_member",
)
def add_member(request: HttpRequest, plan_id: RecordId, payload: MemberIn) -> Any:
    plan = _plan(request, plan_id)
    services.plan_member_add(
        actor=actor_of(request),
        plan=plan,
        service=payload.service,
        contact_name=payload.contact_name,
    )
    return Status(201, plan_out(selectors.individual_plan_as_written(plan)))


@router.delete(
    "/individual-plans/{plan_id}/members/{service}",
    response={200: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_remove_member",
)
def remove_member(request: HttpRequest, plan_id: RecordId, service: PlanService) -> Any:
    plan = _plan(request, plan_id)
    services.plan_member_remove(actor=actor_of(request), plan=plan, service=service)
    return plan_out(selectors.individual_plan_as_written(plan))


@router.post(
    "/individual-plans/{plan_id}/coordinator",
    response={200: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_set_coordinator",
)
def set_coordinator(request: HttpRequest, plan_id: RecordId, payload: CoordinatorIn) -> Any:
    plan = _plan(request, plan_id)
    services.plan_set_coordinator(
        actor=actor_of(request),
        plan=plan,
        service=payload.service,
        version=payload.version,
    )
    return plan_out(selectors.individual_plan_as_written(plan))


@router.post(
    "/individual-plans/{plan_id}/measures",
    response={201: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_add_measure",
)
def add_measure(request: HttpRequest, plan_id: RecordId, payload: MeasureIn) -> Any:
    plan = _plan(request, plan_id)
    services.plan_measure_add(
        actor=actor_of(request),
        plan=plan,
        text=payload.text,
        responsible_service=payload.responsible_service,
        deadline=payload.deadline,
    )
    return Status(201, plan_out(selectors.individual_plan_as_written(plan)))


@router.post(
    "/measures/{measure_id}/done",
    response={200: PlanOut, **ERRORS},
    operation_id="velferd_followup_api_measure_done",
)
def measure_done(request: HttpRequest, measure_id: RecordId) -> Any:
    actor = actor_of(request)
    measure = selectors.measure_for(actor=actor, measure_id=measure_id)
    services.plan_measure_done(actor=actor, measure=measure)
    return plan_out(_plan(request, str(measure.plan_id)))
