"""A person's follow-up on one page, and the follow-up periods."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access import selectors as access_selectors
from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..models import FollowUpPeriod
from ..schemas import OverviewOut, PeriodAssignIn, PeriodEndIn, PeriodIn, PeriodOut
from .activities import activity_out
from .assessments import assessment_out
from .dialogue import thread_out
from .reads import read_person

router = Router()


def period_out(period: FollowUpPeriod) -> dict[str, Any]:
    return {
        "id": str(period.pk),
        "person": str(period.person_id),
        "office": str(period.office),
        "caseworker": period.caseworker.username if period.caseworker else None,
        "started_on": period.started_on,
        "ended_on": period.ended_on,
        "version": period.version,
    }


@router.get(
    "/persons/{person_id}/overview",
    response={200: OverviewOut, **ERRORS},
    operation_id="velferd_followup_api_get_overview",
)
def get_overview(request: HttpRequest, person_id: RecordId) -> Any:
    """A person's follow-up on one page: period, current decision, plan and dialogue."""
    found = selectors.overview(actor=actor_of(request), person_id=person_id)
    return {
        "person": str(found.person.pk),
        "name": found.person.full_name,
        "office": str(found.person.office),
        "period": period_out(found.period) if found.period else None,
        "decision": assessment_out(found.decision) if found.decision else None,
        "activities": [activity_out(a) for a in found.activities],
        "threads": [thread_out(t) for t in found.threads],
        "children_under_18": len(found.children_under_18),
        "needs_interpreter": found.person.needs_interpreter,
    }


@router.post(
    "/periods",
    response={201: PeriodOut, **ERRORS},
    operation_id="velferd_followup_api_start_period",
)
def start_period(request: HttpRequest, payload: PeriodIn) -> Any:
    caseworker = (
        access_selectors.active_user_named(payload.caseworker) if payload.caseworker else None
    )
    period = services.period_start(
        actor=actor_of(request),
        person=read_person(request, payload.person, "period"),
        started_on=payload.started_on,
        caseworker=caseworker,
    )
    return Status(201, period_out(period))


@router.post(
    "/periods/{period_id}/assign",
    response={200: PeriodOut, **ERRORS},
    operation_id="velferd_followup_api_assign_period",
)
def assign_period(request: HttpRequest, period_id: RecordId, payload: PeriodAssignIn) -> Any:
    actor = actor_of(request)
    period = services.period_assign(
        actor=actor,
        period=selectors.period_for(actor=actor, period_id=period_id),
        caseworker=access_selectors.active_user_named(payload.caseworker),
        version=payload.version,
    )
    return period_out(period)


@router.post(
    "/periods/{period_id}/end",
    response={200: PeriodOut, **ERRORS},
    operation_id="velferd_followup_api_end_period",
)
def end_period(request: HttpRequest, period_id: RecordId, payload: PeriodEndIn) -> Any:
    actor = actor_of(request)
    period = services.period_end(
        actor=actor,
        period=selectors.period_for(actor=actor, period_id=period_id),
        version=payload.version,
        reason=payload.reason,
        ended_on=payload.ended_on,
    )
    return period_out(period)
