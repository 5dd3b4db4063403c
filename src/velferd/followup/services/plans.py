"""Individual plans across services: member services, exactly one coordinator, goals
and measures with the member service responsible for each."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid

from ..locking import lock_person, lock_record
from ..models import PLAN_SERVICES, IndividualPlan, PlanMeasure, PlanMember
from .changes import changing

if TYPE_CHECKING:
    from velferd.people.models import Person


def _check_service(service: str, field: str) -> str:
    if service not in PLAN_SERVICES:
        raise invalid(
            "unknown_service", field, f"Ukjent tjeneste: {service}.", f"Unknown service: {service}."
        )
    return service


@retried_atomic
def individual_plan_create(
    *,
    actor: Actor,
    person: Person,
    coordinator: str,
    members: Sequence[str] = (),
    goals: str = "",
) -> IndividualPlan:
    """Set up the person's individual plan with its member services and exactly one
    coordinator, who may come from any member service."""
    policies.require(actor, policies.can_follow_up, person)
    lock_person(person.pk)
    if IndividualPlan.objects.filter(person=person).exists():
        raise invalid(
            "plan_exists",
            None,
            "Personen har allerede en individuell plan.",
            "The person already has an individual plan.",
            status=CONFLICT,
        )
    services = list(
        dict.fromkeys(
            [
                _check_service(coordinator, "coordinator"),
                *[_check_service(s, "members") for s in members],
            ]
        )
    )
    plan = IndividualPlan.objects.create(person=person, goals=(goals or "").strip()[:5000])
    for service in services:
        PlanMember.objects.create(plan=plan, service=service, is_coordinator=service == coordinator)
    audit.record(
        actor=actor,
        action="individual_plan.created",
        target=plan,
        after={"members": services, "coordinator": coordinator},
    )
    return plan


def _locked_plan(actor: Actor, plan: IndividualPlan, policy: policies.Policy) -> IndividualPlan:
    """The plan, locked for a change to its members or measures (which keep no version)."""
    policies.require(actor, policy, plan)
    return lock_record(plan, "person")


@retried_atomic
def plan_member_add(
    *, actor: Actor, plan: IndividualPlan, service: str, contact_name: str = ""
) -> PlanMember:
    plan = _locked_plan(actor, plan, policies.can_manage_plan_members)
    _check_service(service, "service")
    if plan.members.filter(service=service).exists():
        raise invalid(
            "already_member",
            "service",
            "Tjenesten er allerede med i planen.",
            "The service already takes part in the plan.",
            status=CONFLICT,
        )
    member = PlanMember.objects.create(
        plan=plan, service=service, contact_name=(contact_name or "").strip()[:200]
    )
    audit.record(
        actor=actor, action="individual_plan.member_added", target=plan, after={"service": service}
    )
    return member


@retried_atomic
def plan_member_remove(*, actor: Actor, plan: IndividualPlan, service: str) -> None:
    plan = _locked_plan(actor, plan, policies.can_manage_plan_members)
    member = plan.members.filter(service=service).first()
    if member is None:
        raise invalid(
            "not_a_member",
            "service",
            "Tjenesten er ikke med i planen.",
            "The service does not take part in the plan.",
            status=404,
        )
    if member.is_coordinator:
        raise invalid(
            "coordinator_cannot_leave",
            "service",
            "Velg en annen koordinator før koordinatorens tjeneste går ut av planen.",
            "Choose another coordinator before the coordinator's service leaves.",
            status=CONFLICT,
        )
    member.delete()
    audit.record(
        actor=actor,
        action="individual_plan.member_removed",
        target=plan,
        before={"service": service},
    )


@retried_atomic
def plan_set_coordinator(
    *, actor: Actor, plan: IndividualPlan, service: str, version: int
) -> IndividualPlan:
    """Make a member service the coordinator; there is always exactly one."""
    policies.require(actor, policies.can_manage_plan_members, plan)
    with changing(actor, plan, "individual_plan.coordinator_set", version=version) as step:
        plan = step.record
        member = plan.members.filter(service=service).first()
        if member is None:
            raise invalid(
                "not_a_member",
                "coordinator",
                "Koordinatoren må komme fra en tjeneste som er med i planen.",
                "The coordinator must come from a service in the plan.",
            )
        step.before = {
            "coordinator": plan.members.filter(is_coordinator=True)
            .values_list("service", flat=True)
            .first()
        }
        plan.members.filter(is_coordinator=True).update(is_coordinator=False)
        member.is_coordinator = True
        member.save(update_fields=["is_coordinator"])
        step.after = {"coordinator": service}
    return plan


@retried_atomic
def plan_goals_update(
    *, actor: Actor, plan: IndividualPlan, goals: str, version: int
) -> IndividualPlan:
    policies.require(actor, policies.can_change_individual_plan, plan)
    with changing(
        actor, plan, "individual_plan.goals_updated", version=version, watch=("goals",)
    ) as step:
        step.record.goals = (goals or "").strip()[:5000]
    return step.record


@retried_atomic
def plan_measure_add(
    *,
    actor: Actor,
    plan: IndividualPlan,
    text: str,
    responsible_service: str,
    deadline: datetime.date,
) -> PlanMeasure:
    """A measure with the member service responsible for it and a deadline."""
    plan = _locked_plan(actor, plan, policies.can_change_individual_plan)
    text = (text or "").strip()
    if not text:
        raise invalid("text_required", "text", "Tiltaket må beskrives.", "Describe the measure.")
    if not plan.members.filter(service=responsible_service).exists():
        raise invalid(
            "not_a_member",
            "responsible_service",
            "Den ansvarlige tjenesten må være med i planen.",
            "The responsible service must take part in the plan.",
        )
    measure = PlanMeasure.objects.create(
        plan=plan, text=text[:500], responsible_service=responsible_service, deadline=deadline
    )
    audit.record(
        actor=actor,
        action="individual_plan.measure_added",
        target=plan,
        after={
            "measure": str(measure.pk),
            "responsible": responsible_service,
            "deadline": deadline,
        },
    )
    return measure


@retried_atomic
def plan_measure_done(
    *, actor: Actor, measure: PlanMeasure, done_on: datetime.date | None = None
) -> PlanMeasure:
    _locked_plan(actor, measure.plan, policies.can_change_individual_plan)
    measure = PlanMeasure.objects.select_for_update(of=("self",), no_key=True).get(pk=measure.pk)
    if measure.done_on is not None:
        raise invalid(
            "already_done",
            None,
            "Tiltaket er allerede gjennomført.",
            "The measure is already done.",
            status=CONFLICT,
        )
    measure.done_on = done_on or timezone.localdate()
    measure.save(update_fields=["done_on", "updated_at"])
    audit.record(
        actor=actor,
        action="individual_plan.measure_done",
        target=measure.plan,
        after={"measure": str(measure.pk), "done_on": measure.done_on},
    )
    return measure
